package com.qundesk.value;

import com.qundesk.db.Database;
import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashRepository;
import com.qundesk.group.Group;
import com.qundesk.group.GroupScope;
import com.qundesk.group.GroupService;
import com.qundesk.settings.WorkspaceSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Judges every live group over a window: metrics, value index, health rules and a recommendation. */
public final class HealthService {

    public static final int DEFAULT_WINDOW = 30;

    private final Database db;
    private final GroupService groups;
    private final FlashRepository flash;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public HealthService(Database db, GroupService groups, FlashRepository flash, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.flash = flash;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every active group's health for the {@code windowDays} ending on {@code day} (inclusive). */
    public List<GroupHealth> evaluate(LocalDate day, int windowDays) {
        return evaluate(day, windowDays, GroupScope.TEAM);
    }

    /** Every live group's health among the groups of {@code scope} (the team's, one operator's, the unassigned). */
    public List<GroupHealth> evaluate(LocalDate day, int windowDays, GroupScope scope) {
        return db.read(c -> evaluate(c, day, windowDays, scope.filter(groups.listIn(c)),
                flash.findOfLiveGroups(c, scope), scope));
    }

    /**
     * One group's health (also for dissolved or archived groups). Reads only that group's rows, so its cost does
     * not grow with the number of groups in the workspace.
     */
    public GroupHealth evaluateGroup(long groupId, LocalDate day, int windowDays) {
        return db.read(c -> evaluateGroup(c, groupId, day, windowDays, zone.get()));
    }

    /** The same in the caller's transaction, in the zone the caller already holds. */
    public GroupHealth evaluateGroup(Connection c, long groupId, LocalDate day, int windowDays, ZoneId z)
            throws SQLException {
        checkWindow(windowDays);
        Group g = groups.requireIn(c, groupId);
        LocalDate from = day.minusDays(windowDays - 1L);
        Map<Long, GroupMetrics> metrics = MetricsRepository.compute(c, from, day, z, ValueModel.halfLife(windowDays),
                id -> g.memberCount(), groupId);
        return judge(g, metrics.getOrDefault(groupId, new GroupMetrics(groupId, from, day)),
                flash.find(c, groupId).orElse(null), groups.isBroadcastIn(c, groupId), thresholds(c),
                evalAt(day, z), z);
    }

    public LocalDate today() {
        return clock.instant().atZone(zone.get()).toLocalDate();
    }

    /**
     * Every live group's health, for callers that already hold the groups and the flash lifecycles (at least
     * those of the live groups) of the same transaction (the portfolio reads them once for all its parts).
     */
    public List<GroupHealth> evaluate(Connection c, LocalDate day, int windowDays, List<Group> all,
                                      List<FlashLifecycle> flashLifecycles) throws SQLException {
        return evaluate(c, day, windowDays, all, flashLifecycles, GroupScope.TEAM);
    }

    /**
     * The same among the groups of {@code scope}: {@code all} holds (at least) the scope's groups, and the metrics
     * are read for the scope's groups only.
     */
    public List<GroupHealth> evaluate(Connection c, LocalDate day, int windowDays, List<Group> all,
                                      List<FlashLifecycle> flashLifecycles, GroupScope scope) throws SQLException {
        checkWindow(windowDays);
        ZoneId z = zone.get();
        LocalDate from = day.minusDays(windowDays - 1L);
        Instant evalAt = evalAt(day, z);
        Map<Long, Integer> members = new HashMap<>();
        for (Group g : all) {
            members.put(g.id(), g.memberCount());
        }
        Map<Long, GroupMetrics> metrics = MetricsRepository.ofScope(c, from, day, z, ValueModel.halfLife(windowDays),
                id -> members.getOrDefault(id, 0), scope);
        Map<Long, FlashLifecycle> lifecycles = new HashMap<>();
        for (FlashLifecycle f : flashLifecycles) {
            lifecycles.put(f.groupId(), f);
        }
        Set<Long> broadcast = groups.broadcastIdsIn(c);
        HealthThresholds t = thresholds(c);
        List<GroupHealth> out = new ArrayList<>();
        for (Group g : all) {
            if (!g.status().isLive() || !scope.covers(g)) {
                continue;
            }
            GroupMetrics m = metrics.getOrDefault(g.id(), new GroupMetrics(g.id(), from, day));
            out.add(judge(g, m, lifecycles.get(g.id()), broadcast.contains(g.id()), t, evalAt, z));
        }
        out.sort(Comparator.comparing((GroupHealth h) -> h.recommendation().ordinal())
                .thenComparing(h -> h.index().value()));
        return out;
    }

    private static GroupHealth judge(Group g, GroupMetrics m, FlashLifecycle lifecycle, boolean broadcast,
                                     HealthThresholds t, Instant evalAt, ZoneId z) {
        ValueIndex index = ValueModel.index(m, g.memberCount());
        List<RuleFinding> findings = HealthRules.evaluate(g, m, lifecycle, broadcast, t, evalAt, z);
        GroupHealth tmp = new GroupHealth(g, m, index, findings, Recommendation.KEEP, List.of());
        Recommender.Verdict v = Recommender.recommend(findings, index, tmp.deliveredValue());
        return new GroupHealth(g, m, index, findings, v.recommendation(), v.reasons());
    }

    private static void checkWindow(int windowDays) {
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("window must be 1..366 days");
        }
    }

    /**
     * The instant the rules judge at: now for today, else the end of the day asked for — a past day as it ended, a
     * future day as it will end if nothing else happens (ages, due times and quiet days all counted to then).
     */
    private Instant evalAt(LocalDate day, ZoneId z) {
        Instant now = clock.instant();
        return day.equals(now.atZone(z).toLocalDate()) ? now : endOf(day, z);
    }

    private static Instant endOf(LocalDate day, ZoneId z) {
        return day.plusDays(1).atStartOfDay(z).toInstant().minusMillis(1);
    }

    /** Thresholds from the workspace settings ({@code health.*}), defaults where unset. */
    public HealthThresholds thresholds() {
        return db.read(HealthService::thresholds);
    }

    static HealthThresholds thresholds(Connection c) throws SQLException {
        HealthThresholds d = HealthThresholds.DEFAULTS;
        return new HealthThresholds(
                intSetting(c, "health.oversizedMembers", d.oversizedMembers()),
                intSetting(c, "health.silentDays", d.silentDays()),
                doubleSetting(c, "health.noisyMessagesPerDay", d.noisyMessagesPerDay()),
                doubleSetting(c, "health.concentratedTop3Share", d.concentratedTop3Share()),
                intSetting(c, "health.concentratedMinMessages", d.concentratedMinMessages()),
                doubleSetting(c, "health.adHeavyShare", d.adHeavyShare()),
                intSetting(c, "health.staleCoreDays", d.staleCoreDays()),
                doubleSetting(c, "health.churnLeaveShare", d.churnLeaveShare()),
                doubleSetting(c, "health.nearCapacityShare", d.nearCapacityShare()),
                WorkspaceSettings.get(c, "health.lowFrequencyTags").map(s -> List.of(s.split("\\s*,\\s*")))
                        .orElse(d.lowFrequencyTags()));
    }

    private static int intSetting(Connection c, String key, int fallback) throws SQLException {
        try {
            return WorkspaceSettings.get(c, key).map(String::strip).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double doubleSetting(Connection c, String key, double fallback) throws SQLException {
        try {
            return WorkspaceSettings.get(c, key).map(String::strip).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
