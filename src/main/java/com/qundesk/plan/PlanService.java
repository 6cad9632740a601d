package com.qundesk.plan;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.db.Database;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashRepository;
import com.qundesk.flash.NoticeInbox;
import com.qundesk.flash.NoticeInboxRepository;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.core.ValidationException;
import com.qundesk.template.TemplateRenderer;
import com.qundesk.value.LedgerRepository;
import com.qundesk.value.ValueEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The value plan: items per group, their occurrences as of any instant, and what became of each — delivered
 * (writing exactly one value event) or skipped with a reason. Every public method is one transaction.
 */
public final class PlanService {

    /** An occurrence is "due" from this long before to this long after its time; earlier it is overdue. */
    public static final Duration DUE_WINDOW = Duration.ofHours(1);
    /** Overdue occurrences are looked for this far back (a daily item ignored for a year is not 365 cards). */
    public static final Duration OVERDUE_HORIZON = Duration.ofDays(30);

    private final Database db;
    private final PlanRepository repo;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final FlashRepository flash;
    private final LedgerRepository ledger;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final Supplier<Locale> locale;
    private final NoticeInbox inbox;

    public PlanService(Database db, PlanRepository repo, GroupService groups, CampaignService campaigns,
                       FlashRepository flash, LedgerRepository ledger, Clock clock, Supplier<ZoneId> zone,
                       Supplier<Locale> locale, NoticeInbox inbox) {
        this.db = db;
        this.inbox = inbox;
        this.repo = repo;
        this.groups = groups;
        this.campaigns = campaigns;
        this.flash = flash;
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
        this.locale = locale;
    }

    /** Adds an item to a group's plan. */
    public PlanItem add(PlanRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.dimension() == null) {
            errors.add(FieldError.of("dimension", "validation.value.dimension"));
        }
        if (r.title() == null || r.title().isBlank()) {
            errors.add(FieldError.of("title", "validation.value.title"));
        }
        if (r.reach() != null && r.reach() < 0) {
            errors.add(FieldError.of("reach", "validation.value.reach"));
        }
        if (r.start() == null) {
            errors.add(FieldError.of("start", "validation.plan.start"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String rule = Recurrence.normalise(r.rrule());
        return db.inTransaction(c -> {
            groups.requireIn(c, r.groupId());
            PlanItem item = new PlanItem(null, r.groupId(), r.dimension(), r.title().strip(), blankToNull(r.body()),
                    r.reach(), rule, r.start().truncatedTo(ChronoUnit.SECONDS), zone.get(), PlanItem.Source.MANUAL,
                    now(), null);
            return repo.item(c, repo.insertItem(c, item, null)).orElseThrow();
        });
    }

    /** A group by its id or its external id (the CLI's {@code --group}). */
    public long resolveGroup(String idOrExternalId) {
        String ref = idOrExternalId == null ? "" : idOrExternalId.strip();
        return db.read(c -> {
            for (Group g : groups.listIn(c)) {
                if (ref.equals(String.valueOf(g.id())) || ref.equals(g.externalId())) {
                    return g.id();
                }
            }
            throw new ValidationException(FieldError.of("group", "validation.plan.group", ref));
        });
    }

    /** Items of one group, or of every group when {@code groupId} is null (ended ones too). */
    public List<PlanItem> list(Long groupId) {
        return db.read(c -> repo.items(c, groupId, false));
    }

    /** Ends an item: no further occurrences; what was delivered stays in the ledger. */
    public void end(long itemId) {
        db.inTransaction(c -> {
            requireItem(c, itemId);
            repo.endItem(c, itemId, now());
            return null;
        });
    }

    /** Every occurrence in [from, to) with its state as of {@code at}, in time order. */
    public List<PlannedDelivery> occurrences(Instant from, Instant to, Instant at) {
        return db.read(c -> occurrences(c, null, from, to, at));
    }

    /** What is open as of {@code at}: overdue (up to {@link #OVERDUE_HORIZON} back), due, and upcoming within. */
    public List<PlannedDelivery> due(Instant at, Duration within) {
        return db.read(c -> occurrences(c, null, at.minus(OVERDUE_HORIZON), at.plus(within).plusMillis(1), at)
                .stream().filter(d -> d.state().open()).toList());
    }

    /** One group's occurrences in [from, to), for the group detail. */
    public List<PlannedDelivery> occurrencesOf(long groupId, Instant from, Instant to) {
        return db.read(c -> occurrences(c, groupId, from, to, clock.instant()));
    }

    /**
     * Marks an occurrence delivered and writes its value event (the plan's dimension, title and reach unless
     * edited; the group's campaign). An occurrence that already has an outcome is left as it is.
     */
    public Delivery deliver(long itemId, Instant occurrence, DeliveryEdit edit) {
        DeliveryEdit e = edit == null ? DeliveryEdit.AS_PLANNED : edit;
        if (e.title() != null && e.title().isBlank()) {
            throw new ValidationException(FieldError.of("title", "validation.value.title"));
        }
        if (e.reach() != null && e.reach() < 0) {
            throw new ValidationException(FieldError.of("reach", "validation.value.reach"));
        }
        return db.inTransaction(c -> {
            PlanItem item = requireOccurrence(c, itemId, occurrence);
            Optional<Delivery> existing = repo.delivery(c, itemId, occurrence);
            if (existing.isPresent()) {
                return existing.get();
            }
            Group g = groups.requireIn(c, item.groupId());
            Instant now = now();
            int reach = e.reach() != null ? e.reach() : item.reach() != null ? item.reach() : g.memberCount();
            ValueEvent ev = new ValueEvent(null, g.id(),
                    campaigns.campaignOfGroup(c, g.id()).map(Campaign::id).orElse(null),
                    (e.at() != null ? e.at() : now).truncatedTo(ChronoUnit.MILLIS),
                    e.dimension() != null ? e.dimension() : item.dimension(),
                    e.title() != null ? e.title().strip() : item.title(), reach, e.note());
            ledger.insertEvent(c, ev, now);
            long eventId = repo.valueEventId(c, g.id(), ev.at(), ev.dimension(), ev.title()).orElseThrow();
            Delivery d = new Delivery(itemId, occurrence, Delivery.State.DELIVERED, eventId, null, now);
            repo.insertDelivery(c, d);
            return d;
        });
    }

    /** Skips an occurrence, keeping the reason; an occurrence that already has an outcome is left as it is. */
    public Delivery skip(long itemId, Instant occurrence, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(FieldError.of("reason", "validation.plan.skipReason"));
        }
        return db.inTransaction(c -> {
            requireOccurrence(c, itemId, occurrence);
            Optional<Delivery> existing = repo.delivery(c, itemId, occurrence);
            if (existing.isPresent()) {
                return existing.get();
            }
            Delivery d = new Delivery(itemId, occurrence, Delivery.State.SKIPPED, null, reason.strip(), now());
            repo.insertDelivery(c, d);
            return d;
        });
    }

    /**
     * The occurrences that came due since they were last announced, each announced once (a row per occurrence):
     * after the app was closed, everything that fell due meanwhile (up to {@link #OVERDUE_HORIZON} back) and is
     * still open comes back once. The occurrences are read first and the announcements written in a short write
     * transaction of their own: a long read upgraded to a write fails at once (SQLITE_BUSY) when another writer,
     * such as the flash reminders' poll, committed meanwhile; the notice rows keep it exactly-once all the same.
     * In a team the copy that announces an occurrence addresses it to the group's assignee (no assignee: whoever is
     * on duty) and each copy returns the ones for its operator, once ({@link NoticeInbox}).
     */
    public List<PlannedDelivery> poll() {
        Instant now = now();
        List<PlannedDelivery> open = db.read(c -> occurrences(c, null, now.minus(OVERDUE_HORIZON), now.plusMillis(1),
                now)).stream().filter(d -> d.state().open()).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> {
            for (PlannedDelivery d : open) {
                if (repo.markNoticed(c, d.item().id(), d.occurrence(), now)) {
                    inbox.address(c, NoticeInboxRepository.Entry.of(d.item().groupId(), NoticeInboxRepository.DELIVERY,
                            d.item().id(), null, d.occurrence(), false, false), now);
                }
            }
            Set<String> mine = new HashSet<>();
            for (NoticeInboxRepository.Entry e : inbox.take(c, true, now)) {
                mine.add(e.planItemId() + "@" + e.firedFor().toEpochMilli());
            }
            return open.stream().filter(d -> mine.contains(d.item().id() + "@" + d.occurrence().toEpochMilli()))
                    .toList();
        });
    }

    /** Every group's plan judged over the {@code windowDays} ending on {@code day} (inclusive), by group id. */
    public Map<Long, PlanJudgement> judge(LocalDate day, int windowDays) {
        ZoneId z = zone.get();
        Instant from = day.minusDays(windowDays - 1L).atStartOfDay(z).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(z).toInstant();
        return db.read(c -> {
            List<PlanJudge.Occurrence> window = new ArrayList<>();
            for (PlannedDelivery d : occurrences(c, null, from, to, clock.instant())) {
                window.add(new PlanJudge.Occurrence(d.item(), d.groupName(), d.occurrence(),
                        d.delivery() == null ? null : d.delivery().state()));
            }
            return PlanJudge.judge(repo.items(c, null, true), window, z);
        });
    }

    /** One group's judgement (an empty plan when it has none). */
    public PlanJudgement judgeGroup(long groupId, LocalDate day, int windowDays) {
        return judge(day, windowDays).getOrDefault(groupId, PlanJudgement.empty(groupId));
    }

    /** Gives each group just created by the flash wizard the plan its preset carries (a {@code FlashCreationHook}). */
    public void applyPresetPlan(Connection c, List<FlashGroup> created, Campaign campaign) throws SQLException {
        Locale l = locale.get();
        Instant now = now();
        for (FlashGroup f : created) {
            FlashLifecycle life = f.lifecycle();
            for (PresetPlans.Entry e : PresetPlans.of(life.preset())) {
                Instant at = PresetPlans.at(e, life.opensAt(), life.dueAt(),
                        campaign == null ? null : campaign.startsAt(), campaign == null ? null : campaign.endsAt());
                if (at != null) {
                    repo.insertItem(c, new PlanItem(null, f.group().id(), e.dimension(), e.title(l), e.body(l), null,
                            null, at, zone.get(), PlanItem.Source.FLASH, now, null), null);
                }
            }
        }
    }

    // --- internals ---------------------------------------------------------------------------

    private List<PlannedDelivery> occurrences(Connection c, Long groupId, Instant from, Instant to, Instant at)
            throws SQLException {
        Map<Long, Group> byId = new HashMap<>();
        for (Group g : groups.listIn(c)) {
            byId.put(g.id(), g);
        }
        var campaignOf = campaigns.campaignOfEveryGroup(c);
        Map<Long, Instant> dueOf = new HashMap<>();
        for (FlashLifecycle f : flash.findAll(c)) {
            dueOf.put(f.groupId(), f.dueAt());
        }
        Map<Long, Map<Long, Delivery>> outcomes = repo.deliveries(c, from, to);
        ZoneId z = zone.get();
        List<PlannedDelivery> out = new ArrayList<>();
        for (PlanItem item : repo.items(c, groupId, false)) {
            Group g = byId.get(item.groupId());
            if (g == null) {
                continue;
            }
            Instant until = earliest(to, item.endedAt(), g.dissolvedAt());
            Map<Long, Delivery> done = outcomes.getOrDefault(item.id(), Map.of());
            var k = campaignOf.get(g.id());
            String text = item.body() == null ? null : TemplateRenderer.render(item.body(), g.name(),
                    k == null ? null : k.name(), dueOf.get(g.id()),
                    TemplateRenderer.ownerOrDefault(g.owner(), locale.get().getLanguage()), z);
            for (Instant t : Recurrence.between(item, from, until)) {
                Delivery d = done.get(t.toEpochMilli());
                out.add(new PlannedDelivery(item, g.name(), t, state(t, d, at), text, d));
            }
        }
        out.sort(Comparator.comparing(PlannedDelivery::occurrence).thenComparing(d -> d.item().id()));
        return out;
    }

    private static PlannedDelivery.State state(Instant t, Delivery d, Instant at) {
        if (d != null) {
            return d.state() == Delivery.State.DELIVERED ? PlannedDelivery.State.DELIVERED
                    : PlannedDelivery.State.SKIPPED;
        }
        if (t.isBefore(at.minus(DUE_WINDOW))) {
            return PlannedDelivery.State.OVERDUE;
        }
        return t.isAfter(at.plus(DUE_WINDOW)) ? PlannedDelivery.State.UPCOMING : PlannedDelivery.State.DUE;
    }

    private PlanItem requireItem(Connection c, long itemId) throws SQLException {
        return repo.item(c, itemId).orElseThrow(
                () -> new ValidationException(FieldError.of("planItem", "validation.plan.item", String.valueOf(itemId))));
    }

    private PlanItem requireOccurrence(Connection c, long itemId, Instant occurrence) throws SQLException {
        PlanItem item = requireItem(c, itemId);
        if (occurrence == null || !Recurrence.isOccurrence(item, occurrence)) {
            throw new ValidationException(FieldError.of("occurrence", "validation.plan.occurrence",
                    String.valueOf(occurrence), item.title()));
        }
        return item;
    }

    /** The plan ends with the item or the group, whichever ends first. */
    private static Instant earliest(Instant to, Instant... ends) {
        Instant out = to;
        for (Instant e : ends) {
            if (e != null && e.isBefore(out)) {
                out = e;
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
