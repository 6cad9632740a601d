package com.qundesk.value;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
