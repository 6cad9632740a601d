package com.qundesk.dashboard;

import com.qundesk.db.Database;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.FlashState;
import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Purpose;
import com.qundesk.value.DailyStat;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.LedgerService;
import com.qundesk.value.Outcome;
import com.qundesk.value.ValueEvent;
import com.qundesk.value.GroupMetrics;
import com.qundesk.value.HealthService;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Computes the portfolio dashboard from the health verdicts plus a few range queries for trends. */
public final class DashboardService {

    public static final int TREND_POINTS = 6;
    public static final int WEEKS = 12;
    public static final int TOP_N = 5;
    /** A flash group dissolved within this long after its due time still counts as on time. */
    public static final Duration ON_TIME_GRACE = Duration.ofHours(12);

    private final Database db;
    private final GroupService groups;
    private final HealthService health;
    private final FlashService flash;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public DashboardService(Database db, GroupService groups, HealthService health, FlashService flash, Clock clock,
                            Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.health = health;
        this.flash = flash;
        this.clock = clock;
        this.zone = zone;
    }

    public Portfolio portfolio(LocalDate day, int windowDays) {
        List<GroupHealth> verdicts = health.evaluate(day, windowDays);
        List<Group> all = groups.list();
        Map<GroupStatus, Integer> byStatus = new EnumMap<>(GroupStatus.class);
        Map<Purpose, Integer> byPurpose = new EnumMap<>(Purpose.class);
        for (Group g : all) {
            byStatus.merge(g.status(), 1, Integer::sum);
            if (g.status().isLive()) {
                byPurpose.merge(g.purpose(), 1, Integer::sum);
            }
        }
        int delivered = (int) verdicts.stream().filter(GroupHealth::deliveredValue).count();
        double share = verdicts.isEmpty() ? 0 : (double) delivered / verdicts.size();

        List<GroupHealth> ranked = verdicts.stream().filter(h -> h.group().memberCount() > 0)
                .sorted(Comparator.comparingDouble(GroupHealth::valuePerMember).reversed()).toList();
        List<GroupHealth> top = ranked.stream().limit(TOP_N).toList();
        List<GroupHealth> bottom = ranked.reversed().stream().limit(TOP_N).toList();

        return new Portfolio(day, windowDays, byStatus, byPurpose, verdicts.size(), delivered, share,
                trend(day, windowDays, verdicts, share), valueByWeek(day), funnel(verdicts), top, bottom, verdicts,
                discipline());
    }

    /** One group's verdict, weekly value and outcome timeline, the window's daily stats and its history. */
    public GroupDetail groupDetail(long groupId, LocalDate day, int windowDays, LedgerService ledger) {
        GroupHealth h = health.evaluateGroup(groupId, day, windowDays);
        ZoneId z = zone.get();
        LocalDate firstWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        Map<LocalDate, int[]> events = new TreeMap<>();
        Map<LocalDate, double[]> conversions = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            events.put(firstWeek.plusWeeks(i), new int[1]);
            conversions.put(firstWeek.plusWeeks(i), new double[1]);
        }
        for (ValueEvent e : ledger.events(groupId, firstWeek.atStartOfDay(z).toInstant(),
                day.plusDays(1).atStartOfDay(z).toInstant())) {
            int[] c = events.get(e.at().atZone(z).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (c != null) {
                c[0]++;
            }
        }
        for (Outcome o : ledger.outcomes(groupId, firstWeek, day)) {
            if (o.type() == OutcomeType.GMV || o.type() == OutcomeType.COUPONS_ISSUED) {
                continue;
            }
            double[] c = conversions.get(o.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (c != null) {
                c[0] += o.value();
            }
        }
        List<GroupDetail.Week> weeks = new ArrayList<>();
        events.forEach((w, c) -> weeks.add(new GroupDetail.Week(w, c[0], conversions.get(w)[0])));
        List<DailyStat> stats = ledger.stats(groupId, day.minusDays(windowDays - 1L), day);
        return new GroupDetail(h, weeks, stats, groups.history(groupId));
    }

    /** The delivered share for earlier windows of the same length (value events or outcomes > 0). */
    private List<Portfolio.TrendPoint> trend(LocalDate day, int windowDays, List<GroupHealth> verdicts,
                                             double current) {
        ZoneId z = zone.get();
        Set<Long> live = new HashSet<>();
        verdicts.forEach(h -> live.add(h.group().id()));
        LocalDate earliest = day.minusDays((long) windowDays * TREND_POINTS - 1);
        Map<Long, List<Long>> activeDays = db.read(c -> {
            Map<Long, List<Long>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT group_id, at FROM value_event WHERE at >= ? AND at < ?")) {
                ps.setLong(1, earliest.atStartOfDay(z).toInstant().toEpochMilli());
                ps.setLong(2, day.plusDays(1).atStartOfDay(z).toInstant().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(
                                Instant.ofEpochMilli(rs.getLong(2)).atZone(z).toLocalDate().toEpochDay());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT group_id, day FROM outcome WHERE day BETWEEN ? AND ? AND value > 0")) {
                ps.setLong(1, earliest.toEpochDay());
                ps.setLong(2, day.toEpochDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    }
                }
            }
            return out;
        });
        List<Portfolio.TrendPoint> points = new ArrayList<>();
        for (int i = TREND_POINTS - 1; i >= 1; i--) {
            LocalDate end = day.minusDays((long) windowDays * i);
            long from = end.minusDays(windowDays - 1L).toEpochDay();
            long to = end.toEpochDay();
            int delivered = 0;
            for (long id : live) {
                List<Long> days = activeDays.get(id);
                if (days != null && days.stream().anyMatch(d -> d >= from && d <= to)) {
                    delivered++;
                }
            }
            points.add(new Portfolio.TrendPoint(end, live.isEmpty() ? 0 : (double) delivered / live.size()));
        }
        points.add(new Portfolio.TrendPoint(day, current));
        return points;
    }

    /** Value events per dimension per week over the last {@link #WEEKS} weeks (weeks start on Monday). */
    private List<Portfolio.WeekValue> valueByWeek(LocalDate day) {
        ZoneId z = zone.get();
        LocalDate firstWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        Map<LocalDate, Map<ValueDimension, Integer>> weeks = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.put(firstWeek.plusWeeks(i), new EnumMap<>(ValueDimension.class));
        }
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, dimension FROM value_event WHERE at >= ? AND at < ?")) {
                ps.setLong(1, firstWeek.atStartOfDay(z).toInstant().toEpochMilli());
                ps.setLong(2, day.plusDays(1).atStartOfDay(z).toInstant().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate d = Instant.ofEpochMilli(rs.getLong(1)).atZone(z).toLocalDate()
                                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        Map<ValueDimension, Integer> m = weeks.get(d);
                        if (m != null) {
                            m.merge(ValueDimension.fromToken(rs.getString(2)), 1, Integer::sum);
                        }
                    }
                }
            }
            return null;
        });
        List<Portfolio.WeekValue> out = new ArrayList<>();
        weeks.forEach((k, v) -> out.add(new Portfolio.WeekValue(k, v)));
        return out;
    }

    private static Portfolio.Funnel funnel(List<GroupHealth> verdicts) {
        double issued = 0;
        double redeemed = 0;
        double orders = 0;
        double gmv = 0;
        double signups = 0;
        List<Portfolio.GroupRate> rates = new ArrayList<>();
        for (GroupHealth h : verdicts) {
            GroupMetrics m = h.metrics();
            issued += m.outcome(OutcomeType.COUPONS_ISSUED);
            redeemed += m.outcome(OutcomeType.COUPONS_REDEEMED);
            orders += m.outcome(OutcomeType.ORDERS);
            gmv += m.outcome(OutcomeType.GMV);
            signups += m.outcome(OutcomeType.SIGNUPS);
            if (m.redemptionRate() != null) {
                rates.add(new Portfolio.GroupRate(h.group().id(), h.group().name(),
                        m.outcome(OutcomeType.COUPONS_ISSUED), m.outcome(OutcomeType.COUPONS_REDEEMED),
                        m.redemptionRate()));
            }
        }
        rates.sort(Comparator.comparingDouble(Portfolio.GroupRate::rate).reversed());
        return new Portfolio.Funnel(issued, redeemed, issued > 0 ? redeemed / issued : null, orders, gmv, signups,
                rates);
    }

    private Portfolio.FlashDiscipline discipline() {
        Instant now = clock.instant();
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        int open = 0;
        for (FlashGroup f : flash.list()) {
            var l = f.lifecycle();
            if (l.state() == FlashState.DISSOLVED) {
                if (l.endedAt() != null && !l.endedAt().isAfter(l.dueAt().plus(ON_TIME_GRACE))) {
                    onTime++;
                } else {
                    late++;
                }
            } else if (!l.state().isFinal()) {
                if (!now.isBefore(l.dueAt())) {
                    overdue++;
                } else {
                    open++;
                }
            }
        }
        return new Portfolio.FlashDiscipline(onTime, late, overdue, open);
    }
}
