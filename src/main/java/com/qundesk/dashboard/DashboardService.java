package com.qundesk.dashboard;

import com.qundesk.db.Database;
import com.qundesk.flash.FlashDiscipline;
import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashRepository;
import com.qundesk.group.Group;
import com.qundesk.group.GroupScope;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Purpose;
import com.qundesk.stats.DailyStat;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.LedgerService;
import com.qundesk.value.Outcome;
import com.qundesk.value.ValueEvent;
import com.qundesk.value.GroupMetrics;
import com.qundesk.value.HealthService;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private final FlashRepository flash;
    private final ValueHistoryRepository valueHistory = new ValueHistoryRepository();
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public DashboardService(Database db, GroupService groups, HealthService health, FlashRepository flash, Clock clock,
                            Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.health = health;
        this.flash = flash;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The portfolio on {@code day}: the groups and flash lifecycles are read once, in one read transaction, and
     * shared by the verdicts, the status counts and the flash discipline.
     */
    public Portfolio portfolio(LocalDate day, int windowDays) {
        return portfolio(day, windowDays, GroupScope.TEAM);
    }

    /**
     * The portfolio of the groups of {@code scope}: the team's (every group) or one operator's — the same numbers a
     * workspace holding only those groups shows. Each query reads only the scope's groups.
     */
    public Portfolio portfolio(LocalDate day, int windowDays, GroupScope scope) {
        return db.read(c -> {
            List<Group> all = scope.filter(groups.listIn(c));
            List<FlashLifecycle> lifecycles = flash.findOfLiveGroups(c, scope);
            List<GroupHealth> verdicts = health.evaluate(c, day, windowDays, all, lifecycles, scope);
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

            History history = history(c, day, windowDays, verdicts, share, scope);
            return new Portfolio(day, windowDays, byStatus, byPurpose, verdicts.size(), delivered, share,
                    history.trend(), history.weeks(), funnel(verdicts), top, bottom, verdicts,
                    FlashDiscipline.of(flash.endings(c, ON_TIME_GRACE, scope), lifecycles, clock.instant()));
        });
    }

    /**
     * One group's verdict, weekly value and outcome timeline, the window's daily stats and its history, read in one
     * transaction (one connection: opening one per part was a third of the call).
     */
    public GroupDetail groupDetail(long groupId, LocalDate day, int windowDays, LedgerService ledger) {
        ZoneId z = zone.get();
        return db.read(c -> groupDetail(c, groupId, day, windowDays, ledger, z));
    }

    private GroupDetail groupDetail(Connection c, long groupId, LocalDate day, int windowDays, LedgerService ledger,
                                    ZoneId z) throws SQLException {
        GroupHealth h = health.evaluateGroup(c, groupId, day, windowDays, z);
        LocalDate firstWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        Map<LocalDate, int[]> events = new TreeMap<>();
        Map<LocalDate, double[]> conversions = new TreeMap<>();
        for (int i = 0; i < WEEKS; i++) {
            events.put(firstWeek.plusWeeks(i), new int[1]);
            conversions.put(firstWeek.plusWeeks(i), new double[1]);
        }
        for (ValueEvent e : ledger.eventsIn(c, groupId, firstWeek.atStartOfDay(z).toInstant(),
                day.plusDays(1).atStartOfDay(z).toInstant())) {
            int[] n = events.get(e.at().atZone(z).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (n != null) {
                n[0]++;
            }
        }
        for (Outcome o : ledger.outcomesIn(c, groupId, firstWeek, day)) {
            if (o.type() == OutcomeType.GMV || o.type() == OutcomeType.COUPONS_ISSUED) {
                continue;
            }
            double[] sum = conversions.get(o.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (sum != null) {
                sum[0] += o.value();
            }
        }
        List<GroupDetail.Week> weeks = new ArrayList<>();
        events.forEach((w, n) -> weeks.add(new GroupDetail.Week(w, n[0], conversions.get(w)[0])));
        List<DailyStat> stats = ledger.statsIn(c, groupId, day.minusDays(windowDays - 1L), day);
        return new GroupDetail(h, weeks, stats, groups.historyIn(c, groupId));
    }

    /** The trend and the weekly value, from one scan of the value events of the trend's six windows. */
    private record History(List<Portfolio.TrendPoint> trend, List<Portfolio.WeekValue> weeks) {
    }

    /**
     * The delivered share for earlier windows of the same length (value events or outcomes > 0), and value events
     * per dimension per week over the last {@link #WEEKS} weeks (weeks start on Monday). Both read the same
     * covering index of value events by time, so one range scan (the trend's, which holds the weeks' range) feeds
     * both.
     */
    private History history(Connection c, LocalDate day, int windowDays, List<GroupHealth> verdicts, double current,
                            GroupScope scope) throws SQLException {
        ZoneId z = zone.get();
        LocalDate firstWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        LocalDate earliest = day.minusDays((long) windowDays * TREND_POINTS - 1);
        LocalDate first = firstWeek.isBefore(earliest) ? firstWeek : earliest;
        DayIndex days = new DayIndex(first, day, z);
        int trendOffset = (int) (earliest.toEpochDay() - first.toEpochDay());
        int weekOffset = (int) (firstWeek.toEpochDay() - first.toEpochDay());
        ValueHistoryRepository.Buckets scanned = valueHistory.scan(c, days, trendOffset, weekOffset, windowDays, WEEKS,
                earliest, day, scope);
        Map<Long, Integer> windowsWithValue = scanned.windowsWithValue();
        List<Map<ValueDimension, Integer>> weeks = scanned.weeks();
        int[] delivered = new int[TREND_POINTS];
        for (GroupHealth h : verdicts) {
            int mask = windowsWithValue.getOrDefault(h.group().id(), 0);
            for (int k = 0; k < TREND_POINTS; k++) {
                if ((mask & (1 << k)) != 0) {
                    delivered[k]++;
                }
            }
        }
        List<Portfolio.TrendPoint> points = new ArrayList<>();
        for (int i = TREND_POINTS - 1; i >= 1; i--) {
            LocalDate end = day.minusDays((long) windowDays * i);
            int k = TREND_POINTS - 1 - i;
            points.add(new Portfolio.TrendPoint(end, verdicts.isEmpty() ? 0 : (double) delivered[k] / verdicts.size()));
        }
        points.add(new Portfolio.TrendPoint(day, current));
        List<Portfolio.WeekValue> byWeek = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            byWeek.add(new Portfolio.WeekValue(firstWeek.plusWeeks(i), weeks.get(i)));
        }
        return new History(points, byWeek);
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
}
