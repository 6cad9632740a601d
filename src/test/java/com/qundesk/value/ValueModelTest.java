package com.qundesk.value;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ValueModelTest {

    private static GroupMetrics metrics() {
        GroupMetrics m = new GroupMetrics(1, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 24));
        m.eventsByDimension.put(ValueDimension.BENEFITS, 4);
        m.eventsByDimension.put(ValueDimension.CASES, 2);
        m.weightedReach = 300;
        m.outcomes.put(OutcomeType.ORDERS, 20.0);
        m.outcomes.put(OutcomeType.GMV, 2000.0);
        return m;
    }

    @Test
    void groupsThatDifferOnlyInMessageVolumeGetTheSameIndex() {
        GroupMetrics quiet = metrics();
        quiet.messages = 30;
        quiet.statDays = 30;
        quiet.top3Weighted = 10;
        GroupMetrics loud = metrics();
        loud.messages = 30_000;
        loud.statDays = 30;
        loud.daysAbove100 = 30;
        loud.top3Weighted = 25_000;
        assertThat(ValueModel.index(loud, 100)).isEqualTo(ValueModel.index(quiet, 100));
    }

    @Test
    void moreValuePerMemberAndMoreOutcomesRaiseTheIndexWhichStaysWithin0And100() {
        GroupMetrics base = metrics();
        double before = ValueModel.index(base, 100).value();
        base.weightedReach = 3000;
        double more = ValueModel.index(base, 100).value();
        assertThat(more).isGreaterThan(before);
        assertThat(ValueModel.index(base, 1000).value()).isLessThan(more);
        base.weightedReach = 1e9;
        base.outcomes.put(OutcomeType.ORDERS, 1e9);
        for (ValueDimension d : ValueDimension.values()) {
            base.eventsByDimension.put(d, 1);
        }
        assertThat(ValueModel.index(base, 100).value()).isLessThanOrEqualTo(100).isGreaterThan(99);
        assertThat(ValueModel.index(new GroupMetrics(2, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)), 50)
                .value()).isZero();
    }

    @Test
    void theTermsExplainTheNumber() {
        ValueIndex i = ValueModel.index(metrics(), 100);
        double sum = i.terms().get("valuePoints") + i.terms().get("outcomePoints") + i.terms().get("breadthPoints");
        assertThat(i.value()).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.11));
        assertThat(i.terms()).containsKeys("valuePerMemberPerWeek", "conversionsPerMemberPerWeek",
                "gmvPerMemberPerWeek", "dimensionsCovered");
    }

    /**
     * docs/value-model.md, worked example A: a 28-day window (4 weeks), 50 members, a recency-weighted reach of 40,
     * 6 orders + 2 sign-ups + 2 redeemed coupons, ¥2,000 of GMV (and 7 coupons issued, which do not count), three
     * dimensions.
     */
    @Test
    void workedExampleAEachTermAndTheTotalByHand() {
        GroupMetrics m = new GroupMetrics(1, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 24));
        assertThat(m.windowDays()).isEqualTo(28);
        m.weightedReach = 40;
        m.eventsByDimension.put(ValueDimension.BENEFITS, 2);
        m.eventsByDimension.put(ValueDimension.CASES, 1);
        m.eventsByDimension.put(ValueDimension.CONNECTIONS, 5);
        m.outcomes.put(OutcomeType.ORDERS, 6.0);
        m.outcomes.put(OutcomeType.SIGNUPS, 2.0);
        m.outcomes.put(OutcomeType.COUPONS_REDEEMED, 2.0);
        m.outcomes.put(OutcomeType.COUPONS_ISSUED, 7.0);
        m.outcomes.put(OutcomeType.GMV, 2000.0);
        ValueIndex i = ValueModel.index(m, 50);
        // V = 40 / 50 members / 4 weeks = 0.2
        assertThat(i.terms().get("valuePerMemberPerWeek")).isEqualTo(0.2);
        // conversions = 6 + 2 + 2 = 10; 10 / 50 / 4 = 0.05
        assertThat(i.terms().get("conversionsPerMemberPerWeek")).isEqualTo(0.05);
        // GMV 2000 / 50 / 4 = ¥10 per member per week, worth 10 / 100 = 0.1 conversions: O = 0.05 + 0.1 = 0.15
        assertThat(i.terms().get("gmvPerMemberPerWeek")).isEqualTo(10.0);
        // valuePoints = 60 · (1 − e^(−0.2 / 0.5)) = 60 · (1 − 0.670320) = 19.7808
        assertThat(i.terms().get("valuePoints")).isEqualTo(19.8);
        // outcomePoints = 30 · (1 − e^(−0.15 / 0.1)) = 30 · (1 − 0.223130) = 23.3061
        assertThat(i.terms().get("outcomePoints")).isEqualTo(23.3);
        // breadthPoints = 10 · 3 / 6 = 5
        assertThat(i.terms().get("dimensionsCovered")).isEqualTo(3.0);
        assertThat(i.terms().get("breadthPoints")).isEqualTo(5.0);
        // index = 19.7808 + 23.3061 + 5 = 48.0869
        assertThat(i.value()).isEqualTo(48.1);
    }

    @Test
    void theHalfLifeIsHalfTheWindowButNeverUnderAWeek() {
        // max(7 days, W / 2)
        assertThat(ValueModel.halfLife(7)).hasHours(7 * 24);
        assertThat(ValueModel.halfLife(13)).hasHours(7 * 24);
        assertThat(ValueModel.halfLife(14)).hasHours(7 * 24);
        assertThat(ValueModel.halfLife(15)).hasHours(15 * 12);
        assertThat(ValueModel.halfLife(30)).hasDays(15);
        assertThat(ValueModel.halfLife(90)).hasDays(45);
    }

    @Test
    void aFullWindowSaturatesTowardsButNeverPast100() {
        // V = 1 → 60 · (1 − e^−2) = 51.8799; O = 1 → 30 · (1 − e^−10) = 29.9986; all six dimensions → 10
        GroupMetrics m = new GroupMetrics(1, LocalDate.of(2026, 11, 18), LocalDate.of(2026, 11, 24));
        m.weightedReach = 10;
        m.outcomes.put(OutcomeType.REFERRALS, 10.0);
        for (ValueDimension d : ValueDimension.values()) {
            m.eventsByDimension.put(d, 1);
        }
        ValueIndex i = ValueModel.index(m, 10);
        assertThat(i.terms().get("valuePoints")).isEqualTo(51.9);
        assertThat(i.terms().get("outcomePoints")).isEqualTo(30.0);
        assertThat(i.value()).isCloseTo(51.8799 + 29.9986 + 10, within(0.05));
    }

    @Test
    void aGroupWithoutAMemberCountGetsNoPerMemberFiguresOnlyItsBreadth() {
        GroupMetrics m = metrics();
        ValueIndex i = ValueModel.index(m, 0);
        // 2 of 6 dimensions: 10 · 2 / 6 = 3.3333; nothing is divided by a made-up member count
        assertThat(i.value()).isEqualTo(3.3);
        assertThat(i.perMember()).isFalse();
        assertThat(i.terms()).containsOnlyKeys("dimensionsCovered", "breadthPoints");
        assertThat(ValueModel.index(m, 100).perMember()).isTrue();
    }
}
