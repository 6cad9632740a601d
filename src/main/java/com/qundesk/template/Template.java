package com.qundesk.template;

import java.time.Instant;

/** A template at its latest version. {@code versionId} identifies exactly the text a group uses. */
public record Template(long id, TemplateKind kind, String name, String language, boolean builtin, long versionId,
                       int version, String body, Instant versionCreatedAt) {
}
