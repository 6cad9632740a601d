package com.qundesk.group;

import java.time.Instant;

/** One recorded change to a group: an action (created, edited, split…) and, for edits, the field and values. */
public record HistoryEntry(long id, long groupId, Instant at, String action, String field, String oldValue,
                           String newValue, String note) {
}
