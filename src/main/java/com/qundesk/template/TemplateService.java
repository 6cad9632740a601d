package com.qundesk.template;

import com.qundesk.campaign.Campaign;
import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.core.ValidationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template library. Editing a template adds a version; a group records the version it uses, so the
 * text it was given can always be shown again.
 */
public final class TemplateService {

    private final Database db;
    private final TemplateRepository repo;
    private final Clock clock;

    public TemplateService(Database db, TemplateRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    /**
     * Adds the starter library to a workspace that has no templates yet. A team's read-only viewer opening a team
     * workspace before anyone who may write has skips it (the next operator to open it adds it): opening never
     * fails on what the app would add by itself. Copies opening a new team workspace at once take turns: the first
     * adds the library, the others find it.
     */
    public void seedDefaults() {
        db.inTransaction(c -> {
            repo.takeTurnToSeed(c);
            if (repo.count(c) == 0 && repo.mayAdd(c)) {
                Instant now = clock.instant();
                for (DefaultTemplates.Entry e : DefaultTemplates.ALL) {
                    long id = repo.insertTemplate(c, e.kind(), e.name(), e.language(), true);
                    repo.insertVersion(c, id, e.body(), now);
                }
            }
            return null;
        });
    }

    public List<Template> list() {
        return db.read(repo::latest);
    }

    public Optional<Template> version(long versionId) {
        return db.read(c -> repo.byVersionId(c, versionId));
    }

    public List<Template> usedBy(long groupId) {
        return db.read(c -> repo.usedByGroup(c, groupId));
    }

    public Template create(TemplateKind kind, String name, String language, String body) {
        checkText(name, body);
        return db.inTransaction(c -> {
            long id = repo.insertTemplate(c, kind, name.strip(), language, false);
            long v = repo.insertVersion(c, id, body, clock.instant());
            return repo.byVersionId(c, v).orElseThrow();
        });
    }

    /** Saves a new version of the template; groups keep the version they were given. */
    public Template revise(long templateId, String body) {
        checkText("x", body);
        return db.inTransaction(c -> {
            long v = repo.insertVersion(c, templateId, body, clock.instant());
            return repo.byVersionId(c, v).orElseThrow();
        });
    }

    /** The filled text of a template version for a group. */
    public String render(Template t, String group, String campaign, Instant dissolveAt, String owner, ZoneId zone) {
        return TemplateRenderer.render(t.body(), group, campaign, dissolveAt,
                TemplateRenderer.ownerOrDefault(owner, t.language()), zone);
    }

    /**
     * Within the caller's transaction: records which template versions the group uses and returns the filled
     * texts by kind token.
     */
    public Map<String, String> applyIn(Connection c, Group g, Campaign campaign, Instant dissolveAt,
                                       Map<String, Long> versions, ZoneId zone) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (var e : versions.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Template t = repo.byVersionId(c, e.getValue()).orElseThrow(
                    () -> new ValidationException(FieldError.of("template", "validation.template.notFound")));
            repo.useForGroup(c, g.id(), t.kind(), t.versionId());
            out.put(t.kind().token(), TemplateRenderer.render(t.body(), g.name(),
                    campaign == null ? null : campaign.name(), dissolveAt,
                    TemplateRenderer.ownerOrDefault(g.owner(), t.language()), zone));
        }
        return out;
    }

    private static void checkText(String name, String body) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(FieldError.of("name", "validation.template.name"));
        }
        if (body == null || body.isBlank()) {
            throw new ValidationException(FieldError.of("body", "validation.template.body"));
        }
    }
}
