package com.qundesk.plan;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Database;
import com.qundesk.group.Group;
import com.qundesk.group.GroupService;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plan templates: one plan for many groups — the live groups of a purpose, or carrying a tag, or both. Applying a
 * template gives each fitting group that does not have its items yet one plan item per template item (source
 * {@code template}), so applying again reaches only the groups that joined since. Every public method is one
 * transaction; the plan items are written by {@link PlanRepository}, their only writer.
 */
public final class PlanTemplateService {

    private final Database db;
    private final PlanTemplateRepository repo;
    private final PlanRepository plans;
    private final GroupService groups;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public PlanTemplateService(Database db, PlanTemplateRepository repo, PlanRepository plans, GroupService groups,
                               Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.repo = repo;
        this.plans = plans;
        this.groups = groups;
        this.clock = clock;
        this.zone = zone;
    }

    /** Stores a new template (its id and items ignored on input); every problem is reported, naming its field. */
    public PlanTemplate define(PlanTemplate draft) {
        PlanTemplate t = normalised(draft);
        List<FieldError> errors = check(t);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return db.inTransaction(c -> {
            if (repo.nameTaken(c, t.name())) {
                throw new ValidationException(FieldError.of("name", "validation.planTemplate.nameTaken", t.name()));
            }
            return repo.find(c, repo.insert(c, t, clock.instant())).orElseThrow();
        });
    }

    /** Every template with its items, by name. */
    public List<PlanTemplate> list() {
        return db.read(repo::all);
    }

    /** A template by its exact name or its id (the CLI's NAME_OR_ID). */
    public PlanTemplate resolve(String nameOrId) {
        String ref = nameOrId == null ? "" : nameOrId.strip();
        return db.read(c -> find(c, ref));
    }

    /** Deletes a template; the plan items it made stay in their groups' plans. */
    public void delete(long id) {
        db.inTransaction(c -> {
            require(c, id);
            repo.delete(c, id);
            return null;
        });
    }

    /**
     * Applies template {@code id} to every live group it fits that does not have its items yet; with
     * {@code dryRun}, says what it would do and writes nothing.
     */
    public TemplateApplication apply(long id, boolean dryRun) {
        Database.SqlWork<TemplateApplication> work = c -> apply(c, require(c, id), dryRun);
        return dryRun ? db.read(work) : db.inTransaction(work);
    }

    /**
     * The first time a template item falls in a group's plan: the next {@code time} on the operator's wall clock
     * after {@code now} (today if still ahead, else tomorrow; a time the DST change skips moves forward by the gap),
     * and for a rhythm the first occurrence of the rule at or after that.
     */
    public static Instant firstOccurrence(LocalTime time, String rrule, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(time).atZone(zone);
        if (!at.toInstant().isAfter(now)) {
            at = local.toLocalDate().plusDays(1).atTime(time).atZone(zone);
        }
        return rrule == null ? at.toInstant() : Recurrence.firstAtOrAfter(rrule, at.toInstant(), zone);
    }

    // --- internals ---------------------------------------------------------------------------

    private TemplateApplication apply(Connection c, PlanTemplate t, boolean dryRun) throws SQLException {
        Set<Long> have = plans.groupsWithTemplate(c, t.id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ZoneId z = zone.get();
        List<TemplateApplication.GroupItems> added = new ArrayList<>();
        List<TemplateApplication.GroupRef> already = new ArrayList<>();
        for (Group g : groups.listIn(c)) {
            if (!g.status().isLive() || g.dissolvedAt() != null || !t.fits(g.purpose(), g.tags())) {
                continue;
            }
            TemplateApplication.GroupRef ref = new TemplateApplication.GroupRef(g.id(), g.name());
            if (have.contains(g.id())) {
                already.add(ref);
                continue;
            }
            List<PlanItem> made = new ArrayList<>();
            for (PlanTemplateItem i : t.items()) {
                PlanItem item = new PlanItem(null, g.id(), i.dimension(), i.title(), i.body(), i.reach(), i.rrule(),
                        firstOccurrence(i.timeOfDay(), i.rrule(), now, z), z, PlanItem.Source.TEMPLATE, now, null);
                made.add(dryRun ? item : plans.item(c, plans.insertItem(c, item, t.id())).orElseThrow());
            }
            added.add(new TemplateApplication.GroupItems(ref, made));
        }
        return new TemplateApplication(t, dryRun, added, already);
    }

    private PlanTemplate find(Connection c, String ref) throws SQLException {
        List<PlanTemplate> all = repo.all(c);
        for (PlanTemplate t : all) {
            if (t.name().equals(ref)) {
                return t;
            }
        }
        for (PlanTemplate t : all) {
            if (String.valueOf(t.id()).equals(ref)) {
                return t;
            }
        }
        throw new ValidationException(FieldError.of("template", "validation.planTemplate.unknown", ref));
    }

    private PlanTemplate require(Connection c, long id) throws SQLException {
        return repo.find(c, id).orElseThrow(() -> new ValidationException(
                FieldError.of("template", "validation.planTemplate.unknown", String.valueOf(id))));
    }

    private static PlanTemplate normalised(PlanTemplate d) {
        List<PlanTemplateItem> items = new ArrayList<>();
        for (PlanTemplateItem i : d.items()) {
            String rule;
            try {
                rule = Recurrence.normalise(i.rrule());
            } catch (ValidationException e) {
                rule = i.rrule(); // reported by check, with the item's number
            }
            items.add(new PlanTemplateItem(null, i.dimension(), strip(i.title()), blankToNull(i.body()), i.reach(),
                    rule, i.timeOfDay() == null ? null : i.timeOfDay().truncatedTo(ChronoUnit.MINUTES)));
        }
        return new PlanTemplate(null, strip(d.name()), d.purpose(), blankToNull(strip(d.tag())), null, items);
    }

    private static List<FieldError> check(PlanTemplate t) {
        List<FieldError> errors = new ArrayList<>();
        if (t.name() == null || t.name().isEmpty()) {
            errors.add(FieldError.of("name", "validation.planTemplate.name"));
        }
        if (t.purpose() == null && t.tag() == null) {
            errors.add(FieldError.of("purpose", "validation.planTemplate.target"));
        }
        if (t.items().isEmpty()) {
            errors.add(FieldError.of("items", "validation.planTemplate.items"));
        }
        for (int n = 1; n <= t.items().size(); n++) {
            PlanTemplateItem i = t.items().get(n - 1);
            String at = "items[" + n + "].";
            if (i.dimension() == null) {
                errors.add(FieldError.of(at + "dimension", "validation.planTemplate.itemDimension", n));
            }
            if (i.title() == null || i.title().isEmpty()) {
                errors.add(FieldError.of(at + "title", "validation.planTemplate.itemTitle", n));
            }
            if (i.timeOfDay() == null) {
                errors.add(FieldError.of(at + "time", "validation.planTemplate.itemTime", n, ""));
            }
            if (i.reach() != null && i.reach() < 0) {
                errors.add(FieldError.of(at + "reach", "validation.planTemplate.itemReach", n));
            }
            if (i.rrule() != null) {
                try {
                    Recurrence.normalise(i.rrule());
                } catch (ValidationException e) {
                    errors.add(FieldError.of(at + "rrule", "validation.planTemplate.itemRule", n, i.rrule()));
                }
            }
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
