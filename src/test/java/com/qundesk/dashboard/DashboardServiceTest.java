package com.qundesk.dashboard;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo workspace tells the story the dashboard exists for. */
@BothDatabases
class DashboardServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void theDemoPortfolioHasStarsSplitsDissolutionsAndACoreGroupToReForm() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        Portfolio p = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30);
        assertThat(p.liveGroups()).isGreaterThan(25);
        assertThat(p.deliveredTrend()).hasSize(DashboardService.TREND_POINTS);
        assertThat(p.valueByWeek()).hasSize(DashboardService.WEEKS);
        assertThat(p.top()).hasSize(DashboardService.TOP_N);
        assertThat(p.top().getFirst().valuePerMember()).isGreaterThan(p.bottom().getFirst().valuePerMember());
        assertThat(p.recommendations()).extracting(GroupHealth::recommendation).contains(Recommendation.KEEP,
                Recommendation.SPLIT, Recommendation.DISSOLVE, Recommendation.RE_FORM, Recommendation.CONVERT_TO_FLASH);
        GroupHealth board = p.recommendations().stream().filter(h -> h.group().name().equals("核心会员私董会"))
                .findFirst().orElseThrow();
        assertThat(board.recommendation()).isEqualTo(Recommendation.RE_FORM);
        assertThat(p.flash().overdue()).isPositive();
    }

    /** The headline numbers, recomputed from what the demo's ledger holds for the window's days. */
    @Test
    void theDeliveredShareAndTheRedemptionRateAreWhatTheLedgerHolds() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var day = w.ctx.health().today();
        var from = day.minusDays(29);
        java.time.ZoneId z = w.ctx.zone();
        int live = 0;
        int delivered = 0;
        double issued = 0;
        double redeemed = 0;
        for (var g : w.ctx.groups().list()) {
            if (!g.status().isLive()) {
                continue;
            }
            live++;
            var outcomes = w.ctx.ledger().outcomes(g.id(), from, day);
            boolean events = !w.ctx.ledger().events(g.id(), from.atStartOfDay(z).toInstant(),
                    day.plusDays(1).atStartOfDay(z).toInstant()).isEmpty();
            delivered += events || outcomes.stream().anyMatch(o -> o.value() > 0) ? 1 : 0;
            for (var o : outcomes) {
                issued += o.type() == com.qundesk.value.OutcomeType.COUPONS_ISSUED ? o.value() : 0;
                redeemed += o.type() == com.qundesk.value.OutcomeType.COUPONS_REDEEMED ? o.value() : 0;
            }
        }
        Portfolio p = w.ctx.dashboard().portfolio(day, 30);
        assertThat(new Object[] {p.liveGroups(), p.deliveredGroups()}).containsExactly(live, delivered);
        assertThat(p.deliveredShare()).isEqualTo((double) delivered / live);
        assertThat(p.deliveredTrend().getLast().share()).isEqualTo(p.deliveredShare());
        assertThat(issued).as("the demo issues coupons").isPositive();
        assertThat(p.funnel().couponsIssued()).isEqualTo(issued);
        assertThat(p.funnel().couponsRedeemed()).isEqualTo(redeemed);
        assertThat(p.funnel().redemptionRate()).isEqualTo(redeemed / issued);
    }

    /** Three groups written by hand: the numbers the dashboard must show follow from them exactly. */
    @Test
    void aSmallPortfolioGivesTheNumbersItsDataImplies() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        var s = new com.qundesk.testsupport.StoredGroups(w);
        var day = com.qundesk.testsupport.StoredGroups.TODAY;
        var events = s.group("events", com.qundesk.group.Purpose.FAN, 100, 400);
        var coupons = s.group("coupons", com.qundesk.group.Purpose.SHOPPING, 200, 400);
        var quiet = s.group("quiet", com.qundesk.group.Purpose.FAN, 50, 400);
        s.event(events, day.minusDays(3).atTime(9, 0), com.qundesk.value.ValueDimension.CASES, 80);
        s.outcome(coupons, day.minusDays(5), com.qundesk.value.OutcomeType.COUPONS_ISSUED, 40);
        s.outcome(coupons, day.minusDays(5), com.qundesk.value.OutcomeType.COUPONS_REDEEMED, 6);
        s.outcome(quiet, day.minusDays(5), com.qundesk.value.OutcomeType.COUPONS_ISSUED, 10);
        s.outcome(quiet, day.minusDays(30), com.qundesk.value.OutcomeType.COUPONS_REDEEMED, 9); // before the window
        Portfolio p = w.ctx.dashboard().portfolio(day, 30);
        // a value event, 6 coupons redeemed, 10 coupons issued: each a value event or an outcome > 0 in the window
        assertThat(p.deliveredGroups()).isEqualTo(3);
        assertThat(p.deliveredShare()).isEqualTo(1.0);
        // redeemed / issued in the window: 6 / (40 + 10) = 12% (the 9 redeemed before the window do not count)
        assertThat(p.funnel().redemptionRate()).isEqualTo(0.12);
        // events: 80 · 2^(−(3 d + 15 h) / 15 d) / 100 members / (30 / 7) weeks = 0.1579
        assertThat(p.top().getFirst().group().name()).isEqualTo("events");
        assertThat(p.top().getFirst().valuePerMember()).isEqualTo(0.1579);
        assertThat(p.recommendations()).filteredOn(h -> h.group().name().equals("quiet")).singleElement()
                .satisfies(h -> assertThat(h.recommendation()).isEqualTo(Recommendation.KEEP));
    }

    @Test
    void reFormingCreatesACampaignANewGroupAndSchedulesTheOldOnesDissolution() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        long board = w.ctx.groups().list().stream().filter(g -> g.name().equals("核心会员私董会")).findFirst()
                .orElseThrow().id();
        var r = w.ctx.planner().reform(board, "核心会员私董会（2027）");
        assertThat(r.newGroup().reformedAt()).isEqualTo(TestWorkspace.NOW);
        assertThat(w.ctx.campaigns().groupIds(r.campaign().id())).contains(board, r.newGroup().id());
        assertThat(r.oldGroup().lifecycle().dueAt()).isAfter(r.campaign().endsAt());
        GroupHealth after = w.ctx.health().evaluateGroup(r.newGroup().id(), w.ctx.health().today(), 30);
        assertThat(after.findings()).noneMatch(f -> f.rule() == com.qundesk.value.HealthRule.STALE_CORE);
    }

    @Test
    void oneGroupsHealthReadAloneEqualsItsVerdictInThePortfolio() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var day = w.ctx.health().today();
        for (GroupHealth all : w.ctx.health().evaluate(day, 30)) {
            GroupHealth one = w.ctx.health().evaluateGroup(all.group().id(), day, 30);
            var a = all.metrics();
            var b = one.metrics();
            assertThat(b.eventsByDimension).as(all.group().name()).isEqualTo(a.eventsByDimension);
            assertThat(b.outcomes).as(all.group().name()).isEqualTo(a.outcomes);
            assertThat(new Object[] {b.messages, b.joins, b.leaves, b.statDays, b.lastValueAt, b.lastOutcomeDay,
                    b.maxLeaveShareDay, b.weightedReach, b.membersSum}).as(all.group().name())
                    .containsExactly(a.messages, a.joins, a.leaves, a.statDays, a.lastValueAt, a.lastOutcomeDay,
                            a.maxLeaveShareDay, a.weightedReach, a.membersSum);
            assertThat(one.recommendation()).as(all.group().name()).isEqualTo(all.recommendation());
            assertThat(one.findings()).as(all.group().name()).isEqualTo(all.findings());
            assertThat(one.index().value()).as(all.group().name()).isEqualTo(all.index().value());
        }
    }

    @Test
    void aGroupsDetailHoldsItsVerdictWeeksStatsAndHistoryAsEachIsReadAlone() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var day = w.ctx.health().today();
        java.time.ZoneId z = w.ctx.zone();
        int weeksWithEvents = 0;
        for (GroupHealth all : w.ctx.health().evaluate(day, 30)) {
            long id = all.group().id();
            GroupDetail d = w.ctx.dashboard().groupDetail(id, day, 30, w.ctx.ledger());
            String name = all.group().name();
            assertThat(d.health().recommendation()).as(name).isEqualTo(all.recommendation());
            assertThat(d.health().findings()).as(name).isEqualTo(all.findings());
            assertThat(d.stats()).as(name).isEqualTo(w.ctx.ledger().stats(id, day.minusDays(29), day));
            assertThat(d.history()).as(name).isEqualTo(w.ctx.groups().history(id));
            assertThat(d.weeks()).as(name).hasSize(DashboardService.WEEKS);
            for (GroupDetail.Week week : d.weeks()) {
                var end = week.start().plusDays(7).isAfter(day.plusDays(1)) ? day.plusDays(1) : week.start().plusDays(7);
                int events = w.ctx.ledger().events(id, week.start().atStartOfDay(z).toInstant(),
                        end.atStartOfDay(z).toInstant()).size();
                double conversions = w.ctx.ledger().outcomes(id, week.start(), end.minusDays(1)).stream()
                        .filter(o -> o.type() != com.qundesk.value.OutcomeType.GMV
                                && o.type() != com.qundesk.value.OutcomeType.COUPONS_ISSUED)
                        .mapToDouble(com.qundesk.value.Outcome::value).sum();
                assertThat(week.valueEvents()).as("%s, week of %s", name, week.start()).isEqualTo(events);
                assertThat(week.conversions()).as("%s, week of %s", name, week.start())
                        .isCloseTo(conversions, org.assertj.core.data.Offset.offset(1e-9));
                weeksWithEvents += events > 0 ? 1 : 0;
            }
        }
        assertThat(weeksWithEvents).as("the demo's groups have value in their weeks").isPositive();
    }

    @Test
    void theTrendAndTheWeeksCountWhatTheLedgerHolds() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var day = w.ctx.health().today();
        java.time.ZoneId z = w.ctx.zone();
        Portfolio p = w.ctx.dashboard().portfolio(day, 30);
        // every earlier window: the share of today's live groups with a value event or a positive outcome in it
        for (Portfolio.TrendPoint point : p.deliveredTrend().subList(0, DashboardService.TREND_POINTS - 1)) {
            var from = point.windowEnd().minusDays(29);
            long delivered = p.recommendations().stream().filter(h -> {
                long id = h.group().id();
                boolean events = !w.ctx.ledger().events(id, from.atStartOfDay(z).toInstant(),
                        point.windowEnd().plusDays(1).atStartOfDay(z).toInstant()).isEmpty();
                boolean outcomes = w.ctx.ledger().outcomes(id, from, point.windowEnd()).stream()
                        .anyMatch(o -> o.value() > 0);
                return events || outcomes;
            }).count();
            assertThat(point.share()).as("window ending %s", point.windowEnd())
                    .isEqualTo((double) delivered / p.liveGroups());
        }
        // every week: the events of all groups from its Monday to its Sunday (or today), per dimension
        for (Portfolio.WeekValue week : p.valueByWeek()) {
            var end = week.weekStart().plusDays(7).isAfter(day.plusDays(1)) ? day.plusDays(1) : week.weekStart().plusDays(7);
            var expected = new java.util.EnumMap<com.qundesk.value.ValueDimension, Integer>(
                    com.qundesk.value.ValueDimension.class);
            w.ctx.ledger().events(null, week.weekStart().atStartOfDay(z).toInstant(), end.atStartOfDay(z).toInstant())
                    .forEach(e -> expected.merge(e.dimension(), 1, Integer::sum));
            assertThat(week.counts()).as("week of %s", week.weekStart()).isEqualTo(expected);
        }
        assertThat(p.valueByWeek().stream().mapToInt(v -> v.counts().values().stream().mapToInt(i -> i).sum()).sum())
                .as("the demo has value events in the last weeks").isPositive();
    }

    @Test
    void theFlashDisciplineCountsEveryFlashGroupOnceByHowItEndedOrStands() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        var now = w.ctx.clock().instant();
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        int open = 0;
        int planned = 0;
        for (var f : w.ctx.flash().list()) {
            var l = f.lifecycle();
            if (l.state() == com.qundesk.flash.FlashState.DISSOLVED) {
                if (l.endedAt() != null && !l.endedAt().isAfter(l.dueAt().plus(DashboardService.ON_TIME_GRACE))) {
                    onTime++;
                } else {
                    late++;
                }
            } else if (!l.state().isFinal()) {
                if (!now.isBefore(l.dueAt())) {
                    overdue++;
                } else if (l.state() == com.qundesk.flash.FlashState.PLANNED && now.isBefore(l.opensAt())) {
                    planned++; // to open: Today lists it so, not as open
                } else {
                    open++;
                }
            }
        }
        var d = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30).flash();
        assertThat(new int[] {d.onTime(), d.late(), d.overdue(), d.open(), d.planned()})
                .containsExactly(onTime, late, overdue, open, planned);
        assertThat(onTime + late).as("the demo has dissolved flash groups").isPositive();
        assertThat(open).as("and open ones").isPositive();
    }
}
