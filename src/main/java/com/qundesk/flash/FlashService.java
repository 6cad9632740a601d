package com.qundesk.flash;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.core.ValidationException;
import com.qundesk.i18n.MessageRef;
import com.qundesk.settings.WorkspaceSettings;
import com.qundesk.template.TemplateService;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Flash groups: created in batches from a preset, moved through their lifecycle, with reminders kept as rows.
 * Every method is one transaction; every transition is written to the group's history.
 */
public final class FlashService {

    private final Database db;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final TemplateService templates;
    private final FlashRepository repo;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final List<FlashCreationHook> creationHooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FlashService(Database db, GroupService groups, CampaignService campaigns, TemplateService templates,
                        FlashRepository repo, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.campaigns = campaigns;
        this.templates = templates;
        this.repo = repo;
        this.clock = clock;
        this.zone = zone;
    }

    /** Adds a hook told about every batch of groups {@link #create} makes, in the same transaction. */
    public void addCreationHook(FlashCreationHook hook) {
        creationHooks.add(hook);
    }

    /** The schedule the plan would create, without creating anything. */
    public List<PlannedFlashGroup> preview(FlashPlan plan) {
        return db.read(c -> schedule(c, plan));
    }

    /** Creates all the plan's groups, lifecycles and reminders in one transaction. */
    public List<FlashGroup> create(FlashPlan plan) {
        return db.inTransaction(c -> {
            List<PlannedFlashGroup> schedule = schedule(c, plan);
            Campaign campaign = plan.campaignId() == null ? null : campaigns.require(c, plan.campaignId());
            Instant now = now();
            List<FlashGroup> out = new ArrayList<>();
            for (PlannedFlashGroup p : schedule) {
                Group draft = Group.draft(plan.platform(), p.name(), plan.purpose(), GroupKind.FLASH).toBuilder()
                        .owner(plan.owner())
                        .capacity(plan.capacity() == null ? plan.platform().defaultCapacity() : plan.capacity())
                        .status(GroupStatus.DISSOLUTION_SCHEDULED)
                        // a group planned for later exists as a record from now; one opened earlier from its opening
                        .createdAt(p.opensAt().isAfter(now) ? now : p.opensAt())
                        .tags(campaign == null ? List.of() : List.of(campaign.name()))
                        .build();
                Group g = groups.insertIn(c, draft, "flash-created", campaign == null ? null : campaign.name());
                Map<String, String> texts = templates.applyIn(c, g, campaign, p.dueAt(), plan.templateVersions(),
                        zone.get());
                if (!texts.isEmpty()) {
                    g = groups.updateIn(c, g.toBuilder().rules(texts.getOrDefault("rules", g.rules()))
                            .announcement(texts.getOrDefault("announcement", g.announcement())).build(), null);
                }
                FlashState state = p.opensAt().isAfter(now) ? FlashState.PLANNED : FlashState.OPEN;
                FlashLifecycle f = new FlashLifecycle(g.id(), plan.preset(), state, p.opensAt(), p.dueAt(), null, null,
                        Set.of(), Set.of());
                repo.insert(c, f);
                scheduleReminders(c, g.id(), p.dueAt(), now);
                if (campaign != null) {
                    campaigns.link(c, campaign.id(), g.id());
                }
                out.add(new FlashGroup(g, f, campaign == null ? null : campaign.id(),
                        campaign == null ? null : campaign.name(), campaign == null ? null : campaign.assignee()));
            }
            for (FlashCreationHook hook : creationHooks) {
                hook.created(c, out, campaign);
            }
            return out;
        });
    }

    /** Every flash group's {@linkplain FlashLifecycle#stateAt state now}, by group id. */
    public Map<Long, FlashState> statesNow() {
        Instant now = now();
        return db.read(c -> {
            Map<Long, FlashState> out = new HashMap<>();
            for (FlashLifecycle f : repo.findAll(c)) {
                out.put(f.groupId(), f.stateAt(now));
            }
            return out;
        });
    }

    public List<FlashGroup> list() {
        return db.read(c -> {
            Map<Long, Group> byId = new HashMap<>();
            for (Group g : groups.listIn(c)) {
                byId.put(g.id(), g);
            }
            var campaignOf = campaigns.campaignOfEveryGroup(c);
            List<FlashGroup> out = new ArrayList<>();
            for (FlashLifecycle f : repo.findAll(c)) {
                Group g = byId.get(f.groupId());
                if (g == null) {
                    continue;
                }
                var k = campaignOf.get(g.id());
                out.add(new FlashGroup(g, f, k == null ? null : k.id(), k == null ? null : k.name(),
                        k == null ? null : k.assignee()));
            }
            return out;
        });
    }

    public FlashGroup get(long groupId) {
        return db.read(c -> flashGroup(c, groupId));
    }

    /** Reminders that are not cancelled, for the due list and the calendar. */
    public List<Reminder> activeReminders() {
        return db.read(repo::activeReminders);
    }

    /** What is due as of {@code at}: overdue, and upcoming within {@code within}. */
    public List<DueItem> due(Instant at, java.time.Duration within) {
        return DueQuery.due(list(), activeReminders(), at, within);
    }

    public List<Reminder> reminders(long groupId) {
        return db.read(c -> repo.remindersOf(c, groupId));
    }

    /** Marks a planned group open (the operator created it in WeChat, or its opening time came). */
    public FlashGroup open(long groupId) {
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            move(c, f, FlashState.OPEN, null, withState(f, FlashState.OPEN));
            return flashGroup(c, groupId);
        });
    }

    /**
     * Records that a person dissolved the group. With unchecked checklist items it is refused unless
     * {@code skipChecklist}; the skipped items are then recorded.
     */
    public FlashGroup dissolve(long groupId, String reason, boolean skipChecklist) {
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            Set<ChecklistItem> open = EnumSet.allOf(ChecklistItem.class);
            open.removeAll(f.done());
            if (!open.isEmpty() && !skipChecklist) {
                throw new ChecklistIncompleteException(groupId, open);
            }
            Instant now = now();
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            FlashLifecycle next = new FlashLifecycle(f.groupId(), f.preset(), FlashState.DISSOLVED, f.opensAt(),
                    f.dueAt(), now, why, open, f.done());
            move(c, f, FlashState.DISSOLVED, why, next);
            repo.cancelPendingReminders(c, groupId, now);
            Group g = groups.requireIn(c, groupId);
            String groupReason = why != null ? why : now.isAfter(f.dueAt()) ? "flash: dissolved after due time"
                    : "flash: dissolved on schedule";
            groups.updateIn(c, g.toBuilder().status(GroupStatus.DISSOLVED).dissolvedAt(now)
                    .dissolutionReason(groupReason).build(), null);
            if (!open.isEmpty()) {
                groups.recordIn(c, groupId, "checklist-skipped", null, null, null,
                        String.join(",", open.stream().map(ChecklistItem::token).toList()));
            }
            return flashGroup(c, groupId);
        });
    }

    /** Moves the due time later, with a reason; old reminders are cancelled and new ones scheduled. */
    public FlashGroup extend(long groupId, Instant newDue, String reason) {
        requireReason(reason);
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            Instant now = now();
            if (!newDue.isAfter(now)) {
                throw new ValidationException(FieldError.of("dueAt", "validation.flash.extendPast"));
            }
            FlashLifecycle next = new FlashLifecycle(f.groupId(), f.preset(), FlashState.EXTENDED, f.opensAt(),
                    newDue, null, reason.strip(), f.skipped(), f.done());
            move(c, f, FlashState.EXTENDED, reason.strip(), next);
            groups.recordIn(c, groupId, "due-moved", "dueAt", f.dueAt().toString(), newDue.toString(), null);
            repo.cancelPendingReminders(c, groupId, now);
            scheduleReminders(c, groupId, newDue, now);
            return flashGroup(c, groupId);
        });
    }

    /** Keeps the group for good: it becomes a long-term group and its reminders are cancelled. */
    public FlashGroup convert(long groupId, String reason) {
        requireReason(reason);
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            Instant now = now();
            FlashLifecycle next = new FlashLifecycle(f.groupId(), f.preset(), FlashState.CONVERTED, f.opensAt(),
                    f.dueAt(), now, reason.strip(), f.skipped(), f.done());
            move(c, f, FlashState.CONVERTED, reason.strip(), next);
            repo.cancelPendingReminders(c, groupId, now);
            Group g = groups.requireIn(c, groupId);
            groups.updateIn(c, g.toBuilder().kind(GroupKind.LONG_TERM).status(GroupStatus.ACTIVE).build(), null);
            return flashGroup(c, groupId);
        });
    }

    /**
     * Moves the planned dissolution of a group that is not yet due (no reason needed); reminders follow.
     * A due group is extended instead.
     */
    public FlashGroup reschedule(long groupId, Instant newDue) {
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            Instant now = now();
            FlashState effective = f.stateAt(now);
            if (effective == FlashState.DUE || f.state().isFinal()) {
                throw new ValidationException(FieldError.of("dueAt", "validation.flash.rescheduleState",
                        MessageRef.of(effective.messageKey())));
            }
            if (newDue.isBefore(f.opensAt()) || !newDue.isAfter(now)) {
                throw new ValidationException(FieldError.of("dueAt", "validation.flash.rescheduleTime"));
            }
            repo.update(c, new FlashLifecycle(f.groupId(), f.preset(), f.state(), f.opensAt(), newDue, null, null,
                    f.skipped(), f.done()));
            groups.recordIn(c, groupId, "due-moved", "dueAt", f.dueAt().toString(), newDue.toString(), null);
            repo.cancelPendingReminders(c, groupId, now);
            scheduleReminders(c, groupId, newDue, now);
            return flashGroup(c, groupId);
        });
    }

    public FlashGroup setChecklist(long groupId, ChecklistItem item, boolean done) {
        return db.inTransaction(c -> {
            FlashLifecycle f = require(c, groupId);
            if (f.state().isFinal()) {
                throw new ValidationException(FieldError.of("checklist", "validation.flash.final",
                        MessageRef.of(f.state().messageKey())));
            }
            if (done != f.done().contains(item)) {
                repo.setChecklist(c, groupId, item, done ? now() : null);
                groups.recordIn(c, groupId, done ? "checklist-done" : "checklist-undone", null, null, null,
                        item.token());
            }
            return flashGroup(c, groupId);
        });
    }

    // --- shared with the scheduler ----------------------------------------------------------

    /** Writes a state change after checking that it is allowed, and logs it. */
    void move(Connection c, FlashLifecycle from, FlashState to, String reason, FlashLifecycle next)
            throws SQLException {
        if (!from.state().canMoveTo(to)) {
            Group g = groups.requireIn(c, from.groupId());
            throw new ValidationException(FieldError.of("state", "validation.flash.transition", g.name(),
                    MessageRef.of(from.state().messageKey()), MessageRef.of(to.messageKey())));
        }
        repo.update(c, next);
        groups.recordIn(c, from.groupId(), "transition", "state", from.state().token(), to.token(), reason);
    }

    /**
     * {@link #move} by the schedule: only if the group is still in {@code from}'s state, so that of a team's copies
     * only the first makes it (and reports it); false for the others.
     */
    boolean moveIfStill(Connection c, FlashLifecycle from, FlashState to, String reason) throws SQLException {
        if (!from.state().canMoveTo(to) || !repo.moveState(c, from.groupId(), from.state(), to)) {
            return false;
        }
        groups.recordIn(c, from.groupId(), "transition", "state", from.state().token(), to.token(), reason);
        return true;
    }

    static FlashLifecycle withState(FlashLifecycle f, FlashState s) {
        return new FlashLifecycle(f.groupId(), f.preset(), s, f.opensAt(), f.dueAt(), f.endedAt(), f.endReason(),
                f.skipped(), f.done());
    }

    // --- internals ---------------------------------------------------------------------------

    private List<PlannedFlashGroup> schedule(Connection c, FlashPlan plan) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (plan.preset() == null) {
            throw new ValidationException(FieldError.of("preset", "validation.flash.preset"));
        }
        if (plan.count() < 1 || plan.count() > FlashPlan.MAX_COUNT) {
            errors.add(FieldError.of("count", "validation.flash.count", FlashPlan.MAX_COUNT));
        }
        if (plan.opensAt() == null) {
            errors.add(FieldError.of("opensAt", "validation.flash.opensAt"));
        }
        Campaign campaign = null;
        if (plan.campaignId() != null) {
            campaign = campaigns.require(c, plan.campaignId());
        } else if (plan.preset().needsCampaign()) {
            errors.add(FieldError.of("campaign", "validation.flash.needsCampaign",
                    MessageRef.of(plan.preset().messageKey())));
        }
        if (plan.preset() == LifetimePreset.CUSTOM && plan.duration() == null && plan.dissolveAt() == null) {
            errors.add(FieldError.of("duration", "validation.flash.customNeedsTime"));
        }
        if (plan.duration() != null && (plan.duration().isNegative() || plan.duration().isZero())) {
            errors.add(FieldError.of("duration", "validation.flash.durationPositive"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant opens = plan.opensAt().truncatedTo(ChronoUnit.SECONDS);
        Instant due = plan.preset().dueAt(opens, campaign == null ? null : campaign.endsAt(),
                plan.duration(), plan.dissolveAt(), zone.get());
        if (!due.isAfter(opens)) {
            throw new ValidationException(FieldError.of("dueAt", "validation.flash.dueBeforeOpen"));
        }
        List<PlannedFlashGroup> out = new ArrayList<>();
        for (int k = 1; k <= plan.count(); k++) {
            out.add(new PlannedFlashGroup(k, plan.nameFor(k, campaign == null ? null : campaign.name()), opens, due));
        }
        return out;
    }

    /** One reminder per configured offset that is still ahead, and the dissolution itself at the due time. */
    void scheduleReminders(Connection c, long groupId, Instant due, Instant now) throws SQLException {
        for (int offset : WorkspaceSettings.reminderOffsets(c)) {
            if (offset == 0) {
                continue;
            }
            Instant at = due.minus(offset, ChronoUnit.MINUTES);
            if (at.isAfter(now)) {
                repo.insertReminder(c, groupId, Reminder.Kind.REMINDER, at, offset);
            }
        }
        repo.insertReminder(c, groupId, Reminder.Kind.DISSOLUTION, due, 0);
    }

    FlashGroup get(Connection c, long groupId) throws SQLException {
        return flashGroup(c, groupId);
    }

    private FlashGroup flashGroup(Connection c, long groupId) throws SQLException {
        FlashLifecycle f = require(c, groupId);
        Group g = groups.requireIn(c, groupId);
        var k = campaigns.campaignOfGroup(c, groupId);
        return new FlashGroup(g, f, k.map(Campaign::id).orElse(null), k.map(Campaign::name).orElse(null),
                k.map(Campaign::assignee).orElse(null));
    }

    private FlashLifecycle require(Connection c, long groupId) throws SQLException {
        groups.requireIn(c, groupId); // an id that does not exist is said so, not "not a flash group"
        return repo.find(c, groupId).orElseThrow(
                () -> new ValidationException(FieldError.of("group", "validation.flash.notFlash", groupId)));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(FieldError.of("reason", "validation.flash.reason"));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
