package com.qundesk.value;

import com.qundesk.db.Dialect;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.StoredGroups;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.qundesk.testsupport.StoredGroups.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MetricsRepository's aggregation from stored rows, through HealthService as the dashboard calls it: the worked example
 * B of docs/value-model.md and each rule's aggregated input at its threshold and just below (today is 2026-11-24
 * in Asia/Shanghai, the 30-day window runs 2026-10-26..2026-11-24).
 */
@BothDatabases
class MetricsQueryTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    TestWorkspace w;
    StoredGroups s;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        s = new StoredGroups(w);
    }

    @Test
    void eachStoredDimensionIsCountedAsItself() {
        Group g = s.group("dimensions", Purpose.FAN, 100, 400);
        java.util.Map<ValueDimension, Integer> expected = new java.util.EnumMap<>(ValueDimension.class);
        for (ValueDimension d : ValueDimension.values()) {
            for (int i = 0; i <= d.ordinal(); i++) { // 1 benefit, 2 pieces of information, … 6 connections
                s.event(g, TODAY.minusDays(1 + i).atTime(10, d.ordinal()), d, 10);
            }
            expected.put(d, d.ordinal() + 1);
        }
        assertThat(s.health(g).metrics().eventsByDimension).isEqualTo(expected);
        assertThat(w.ctx.health().evaluate(TODAY, 30).stream().filter(h -> h.group().id() == g.id()).findFirst()
                .orElseThrow().metrics().eventsByDimension).isEqualTo(expected);
    }

    @Test
    void workedExampleBWeighsEventsByAgeCapsReachAndKeepsToTheWindow() {
        Group g = s.group("B", Purpose.FAN, 100, 400);
        // half-life = max(7, 30 / 2) = 15 days; ages run to the window's end, 2026-11-25 00:00
        s.event(g, LocalDate.of(2026, 11, 10).atStartOfDay(), ValueDimension.BENEFITS, 60);   // 15 d: 0.5 · 60 = 30
        s.event(g, LocalDate.of(2026, 10, 26).atStartOfDay(), ValueDimension.INFORMATION, 40); // 30 d: 0.25 · 40 = 10
        s.event(g, LocalDate.of(2026, 10, 25).atTime(23, 59, 59), ValueDimension.ACTIVITIES, 1000); // before: out
        s.event(g, LocalDate.of(2026, 11, 17).atTime(12, 0), ValueDimension.CASES, 0); // unknown: 0.5^0.5 · 50 = 35.36
        s.event(g, LocalDate.of(2026, 11, 10).atStartOfDay(), ValueDimension.RESOURCES, 250); // capped: 0.5 · 100 = 50
        s.outcome(g, LocalDate.of(2026, 10, 25), OutcomeType.ORDERS, 100); // the day before the window: out
        s.outcome(g, LocalDate.of(2026, 10, 26), OutcomeType.SIGNUPS, 4);
        s.outcome(g, LocalDate.of(2026, 11, 1), OutcomeType.ORDERS, 3);
        s.outcome(g, LocalDate.of(2026, 11, 1), OutcomeType.GMV, 1500);
        s.outcome(g, LocalDate.of(2026, 11, 5), OutcomeType.REFERRALS, 1);
        s.outcome(g, LocalDate.of(2026, 11, 5), OutcomeType.COUPONS_ISSUED, 20);
        s.outcome(g, LocalDate.of(2026, 11, 5), OutcomeType.COUPONS_REDEEMED, 5);
        s.outcome(g, TODAY, OutcomeType.RENEWALS, 2);

        GroupHealth h = s.health(g);
        GroupMetrics m = h.metrics();
        // 30 + 10 + 50 · 2^(−7.5/15) + 50 = 125.3553
        assertThat(m.weightedReach).isCloseTo(90 + 50 * Math.pow(0.5, 0.5), within(1e-9));
        assertThat(m.valueEvents()).isEqualTo(4);
        assertThat(m.outcome(OutcomeType.ORDERS)).isEqualTo(3.0);
        assertThat(m.redemptionRate()).isEqualTo(0.25); // 5 / 20
        assertThat(m.lastValueAt).isEqualTo(StoredGroups.at(LocalDate.of(2026, 11, 17).atTime(12, 0)));
        assertThat(m.lastOutcomeDay).isEqualTo(TODAY);
        var t = h.index().terms();
        // V = 125.3553 / 100 / (30 / 7) = 0.292496
        assertThat(t.get("valuePerMemberPerWeek")).isEqualTo(0.2925);
        // conversions = 4 + 3 + 1 + 5 + 2 = 15; 15 / 100 / (30 / 7) = 0.035
        assertThat(t.get("conversionsPerMemberPerWeek")).isEqualTo(0.035);
        // GMV 1500 / 100 / (30 / 7) = ¥3.5; O = 0.035 + 3.5 / 100 = 0.07
        assertThat(t.get("gmvPerMemberPerWeek")).isEqualTo(3.5);
        // 60 · (1 − e^(−0.292496 / 0.5)) = 26.5734
        assertThat(t.get("valuePoints")).isEqualTo(26.6);
        // 30 · (1 − e^(−0.07 / 0.1)) = 15.1024
        assertThat(t.get("outcomePoints")).isEqualTo(15.1);
        // 4 dimensions: 10 · 4 / 6 = 6.6667
        assertThat(t.get("breadthPoints")).isEqualTo(6.7);
        // 26.5734 + 15.1024 + 6.6667 = 48.3425
        assertThat(h.index().value()).isEqualTo(48.3);
    }

    @Test
    void noisyAveragesOverTheStatsDaysAndFiresAbove100() {
        Group loud = s.group("loud", Purpose.FAN, 50, 400);
        Group busy = s.group("busy", Purpose.FAN, 50, 400);
        for (int d = 0; d < 10; d++) {
            s.messages(loud, TODAY.minusDays(d), d == 0 ? 101 : 100);
            s.messages(busy, TODAY.minusDays(d), 100);
            s.event(loud, TODAY.minusDays(d).atTime(9, 0), ValueDimension.INFORMATION, 10);
            s.event(busy, TODAY.minusDays(d).atTime(9, 0), ValueDimension.INFORMATION, 10);
        }
        s.messages(busy, TODAY.minusDays(30), 5000); // the day before the window
        GroupMetrics m = s.health(loud).metrics();
        assertThat(new Object[] {m.statDays, m.messages, m.daysAbove100}).containsExactly(10, 1001L, 1);
        // 1001 / 10 stats days = 100.1 > 100; 1000 / 10 = 100 is not above
        assertThat(s.fired(loud)).contains(HealthRule.NOISY);
        assertThat(s.fired(busy)).doesNotContain(HealthRule.NOISY);
        RuleFinding f = s.health(loud).findings().stream().filter(x -> x.rule() == HealthRule.NOISY).findFirst()
                .orElseThrow();
        assertThat(f.evidence()).containsEntry("messagesPerDay", 100.1).containsEntry("daysAbove100", 1);
    }

    @Test
    void concentratedWeighsEachDaysTopThreeShareByItsMessages() {
        Group at = s.group("at", Purpose.FAN, 50, 400);
        Group above = s.group("above", Purpose.FAN, 50, 400);
        Group few = s.group("few", Purpose.FAN, 50, 400);
        Group enough = s.group("enough", Purpose.FAN, 50, 400);
        for (Group g : new Group[] {at, above, few, enough}) {
            s.event(g, TODAY.minusDays(1).atTime(9, 0), ValueDimension.CASES, 10);
        }
        s.stat(at, TODAY.minusDays(2), null, null, 100, 0.5, 0);
        s.stat(at, TODAY.minusDays(1), null, null, 25, 1.0, 0);     // (50 + 25) / 125 = 60%: not above
        s.stat(above, TODAY.minusDays(2), null, null, 100, 0.5, 0);
        s.stat(above, TODAY.minusDays(1), null, null, 26, 1.0, 0);  // (50 + 26) / 126 = 60.3%
        s.stat(few, TODAY.minusDays(1), null, null, 49, 1.0, 0);    // 100% of 49 messages: too few to judge
        s.stat(enough, TODAY.minusDays(1), null, null, 50, 1.0, 0); // 100% of 50
        assertThat(s.health(at).metrics().top3Share()).isEqualTo(0.6);
        assertThat(s.fired(at)).doesNotContain(HealthRule.CONCENTRATED);
        assertThat(s.fired(above)).contains(HealthRule.CONCENTRATED);
        assertThat(s.fired(few)).doesNotContain(HealthRule.CONCENTRATED);
        assertThat(s.fired(enough)).contains(HealthRule.CONCENTRATED);
    }

    @Test
    void adHeavyIsTheWindowsFlaggedAdsOverItsMessages() {
        Group at = s.group("at", Purpose.FAN, 50, 400);
        Group above = s.group("above", Purpose.FAN, 50, 400);
        for (Group g : new Group[] {at, above}) {
            s.event(g, TODAY.minusDays(1).atTime(9, 0), ValueDimension.CASES, 10);
            s.stat(g, TODAY.minusDays(3), null, null, 100, 0, 6);
        }
        s.stat(at, TODAY.minusDays(2), null, null, 20, 0, 0);    // 6 / 120 = 5%: not above
        s.stat(above, TODAY.minusDays(2), null, null, 19, 0, 0); // 6 / 119 = 5.04%
        assertThat(s.health(at).metrics().adShare()).isEqualTo(0.05);
        assertThat(s.fired(at)).doesNotContain(HealthRule.AD_HEAVY);
        assertThat(s.fired(above)).contains(HealthRule.AD_HEAVY);
    }

    @Test
    void churnSpikeTakesTheWorstDayOfLeavesOverThatDaysMembers() {
        Group at = s.group("at", Purpose.FAN, 100, 400);
        Group above = s.group("above", Purpose.FAN, 100, 400);
        for (Group g : new Group[] {at, above}) {
            s.event(g, TODAY.minusDays(1).atTime(9, 0), ValueDimension.CASES, 10);
            s.stat(g, TODAY.minusDays(5), null, 40, 10, 0, 0); // members unknown that day: not a share
            s.stat(g, TODAY.minusDays(4), 200, 9, 10, 0, 0);   // 4.5%
            s.stat(g, TODAY.minusDays(31), 100, 50, 10, 0, 0); // before the window
        }
        s.stat(at, TODAY.minusDays(3), 100, 5, 10, 0, 0);      // 5%: not above
        s.stat(above, TODAY.minusDays(3), 100, 6, 10, 0, 0);   // 6%
        GroupMetrics m = s.health(above).metrics();
        assertThat(m.maxLeaveShare).isEqualTo(0.06);
        assertThat(m.maxLeaveShareDay).isEqualTo(TODAY.minusDays(3));
        assertThat(m.leaves).isEqualTo(40 + 9 + 6);
        assertThat(s.fired(at)).doesNotContain(HealthRule.CHURN_SPIKE);
        assertThat(s.fired(above)).contains(HealthRule.CHURN_SPIKE);
    }

    @Test
    void silentCountsFromTheLastValueEventOrPositiveOutcome() {
        Group thirty = s.group("thirty", Purpose.FAN, 50, 400);
        Group twentyNine = s.group("twenty-nine", Purpose.FAN, 50, 400);
        Group outcome = s.group("outcome", Purpose.FAN, 50, 400);
        Group zero = s.group("zero outcome", Purpose.FAN, 50, 400);
        s.event(thirty, TODAY.minusDays(30).atTime(12, 0), ValueDimension.CASES, 10);
        s.event(twentyNine, TODAY.minusDays(29).atTime(12, 0), ValueDimension.CASES, 10);
        s.event(outcome, TODAY.minusDays(60).atTime(12, 0), ValueDimension.CASES, 10);
        s.outcome(outcome, TODAY.minusDays(29), OutcomeType.ORDERS, 1);
        s.event(zero, TODAY.minusDays(60).atTime(12, 0), ValueDimension.CASES, 10);
        s.outcome(zero, TODAY.minusDays(2), OutcomeType.ORDERS, 0); // a zero is not an outcome
        assertThat(s.health(thirty).metrics().lastValueAt)
                .isEqualTo(StoredGroups.at(TODAY.minusDays(30).atTime(12, 0)));
        assertThat(s.fired(thirty)).contains(HealthRule.SILENT);
        assertThat(s.fired(twentyNine)).doesNotContain(HealthRule.SILENT);
        assertThat(s.health(outcome).metrics().lastOutcomeDay).isEqualTo(TODAY.minusDays(29));
        assertThat(s.fired(outcome)).doesNotContain(HealthRule.SILENT);
        assertThat(s.health(zero).metrics().lastOutcomeDay).isNull();
        assertThat(s.fired(zero)).contains(HealthRule.SILENT);
        assertThat(s.health(zero).recommendation()).isEqualTo(Recommendation.DISSOLVE);
    }

    @Test
    void silentWaitsUntilTheGroupIsThirtyDaysOld() {
        Group old = s.group("thirty days", Purpose.FAN, 50, 30);
        Group young = s.group("twenty-nine days", Purpose.FAN, 50, 29);
        assertThat(s.fired(old)).contains(HealthRule.SILENT);
        assertThat(s.fired(young)).doesNotContain(HealthRule.SILENT);
    }

    @Test
    void aPlannedFlashGroupIsNotSilentButAnOpenOneIs() {
        Instant now = w.clock.instant();
        w.clock.set(now.minus(Duration.ofDays(60)));
        Instant then = w.clock.instant();
        // both created 60 days ago: one opens in two days, the other opened then and is due in two days
        var planned = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, 1,
                now.plus(Duration.ofDays(2)), Duration.ofDays(3), null, "planned", null, Platform.WECHAT, null, null,
                null, null)).getFirst().group();
        var open = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, 1, then,
                Duration.ofDays(62), null, "open", null, Platform.WECHAT, null, null, null, null)).getFirst().group();
        w.clock.set(now);
        assertThat(planned.createdAt()).isEqualTo(then);
        assertThat(s.fired(planned)).doesNotContain(HealthRule.SILENT);
        assertThat(s.fired(open)).contains(HealthRule.SILENT).doesNotContain(HealthRule.OVERDUE_FLASH);
    }
}
