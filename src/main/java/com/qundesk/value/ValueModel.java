package com.qundesk.value;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value index (docs/value-model.md). It rewards value delivered to members and outcomes, per member and
 * per week, weighs recent value more (value events decay with a half-life), rewards breadth across the six
 * dimensions — and does not look at chat volume at all: two groups that differ only in messages score the same.
 */
public final class ValueModel {

    public static final double VALUE_POINTS = 60;
    public static final double OUTCOME_POINTS = 30;
    public static final double BREADTH_POINTS = 10;
    /** Value deliveries per member per week at which the value term reaches 63% of its points. */
    public static final double VALUE_SCALE = 0.5;
    /** Conversions per member per week at which the outcome term reaches 63% of its points. */
    public static final double OUTCOME_SCALE = 0.1;
    /** Yuan of GMV per member that count as one conversion. */
    public static final double GMV_PER_CONVERSION = 100;
    /** Coupon redemption benchmark operators quote (Luckin Coffee's WeCom groups). */
    public static final double REDEMPTION_BENCHMARK = 0.18;

    private ValueModel() {
    }

    /** Recency half-life for a window: half the window, at least a week. */
    public static Duration halfLife(int windowDays) {
        return Duration.ofHours(Math.max(7 * 24, windowDays * 12L));
    }

    /**
     * @param members the group's member count; 0 means unknown: such a group gets no per-member figures (no value
     *                or outcome points, only breadth) rather than a number that divides by a guess
     */
    public static ValueIndex index(GroupMetrics m, int members) {
        double breadth = m.dimensionsCovered() / (double) ValueDimension.values().length;
        double breadthPoints = BREADTH_POINTS * breadth;
        Map<String, Double> terms = new LinkedHashMap<>();
        if (members <= 0) {
            terms.put("dimensionsCovered", (double) m.dimensionsCovered());
            terms.put("breadthPoints", round(breadthPoints, 1));
            return new ValueIndex(round(breadthPoints, 1), terms);
        }
        double n = members;
        double weeks = m.windowDays() / 7.0;
        double valuePerMemberWeek = m.weightedReach / n / weeks;
        double conversions = m.outcome(OutcomeType.ORDERS) + m.outcome(OutcomeType.SIGNUPS)
                + m.outcome(OutcomeType.RENEWALS) + m.outcome(OutcomeType.REFERRALS)
                + m.outcome(OutcomeType.COUPONS_REDEEMED);
        double conversionsPerMemberWeek = conversions / n / weeks;
        double gmvPerMemberWeek = m.outcome(OutcomeType.GMV) / n / weeks;
        double outcomeRate = conversionsPerMemberWeek + gmvPerMemberWeek / GMV_PER_CONVERSION;

        double valuePoints = VALUE_POINTS * saturate(valuePerMemberWeek / VALUE_SCALE);
        double outcomePoints = OUTCOME_POINTS * saturate(outcomeRate / OUTCOME_SCALE);
        terms.put("valuePerMemberPerWeek", round(valuePerMemberWeek, 4));
        terms.put("conversionsPerMemberPerWeek", round(conversionsPerMemberWeek, 4));
        terms.put("gmvPerMemberPerWeek", round(gmvPerMemberWeek, 2));
        terms.put("dimensionsCovered", (double) m.dimensionsCovered());
        terms.put("valuePoints", round(valuePoints, 1));
        terms.put("outcomePoints", round(outcomePoints, 1));
        terms.put("breadthPoints", round(breadthPoints, 1));
        return new ValueIndex(round(valuePoints + outcomePoints + breadthPoints, 1), terms);
    }

    private static double saturate(double x) {
        return 1 - Math.exp(-Math.max(0, x));
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
