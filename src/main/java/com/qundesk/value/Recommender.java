package com.qundesk.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns fired rules into one recommendation, the most drastic that applies: an overdue flash group or a
 * silent group is dissolved; a low-frequency long-term group becomes flash groups; a stale core group is
 * re-formed; an oversized or nearly full group is split; noise, concentration, ads or churn mean improve.
 */
public final class Recommender {

    private Recommender() {
    }

    public record Verdict(Recommendation recommendation, List<RuleFinding> reasons) {
    }

    public static Verdict recommend(List<RuleFinding> findings, ValueIndex index, boolean deliveredValue) {
        Map<Recommendation, Set<HealthRule>> causes = Map.of(
                Recommendation.DISSOLVE, Set.of(HealthRule.OVERDUE_FLASH, HealthRule.SILENT),
                Recommendation.CONVERT_TO_FLASH, Set.of(HealthRule.LOW_FREQUENCY),
                Recommendation.RE_FORM, Set.of(HealthRule.STALE_CORE),
                Recommendation.SPLIT, Set.of(HealthRule.OVERSIZED, HealthRule.NEAR_CAPACITY),
                Recommendation.IMPROVE, Set.of(HealthRule.NOISY, HealthRule.CONCENTRATED, HealthRule.AD_HEAVY,
                        HealthRule.CHURN_SPIKE));
        for (Recommendation r : Recommendation.values()) {
            Set<HealthRule> rules = causes.get(r);
            if (rules == null) {
                continue;
            }
            List<RuleFinding> reasons = new ArrayList<>();
            for (RuleFinding f : findings) {
                if (rules.contains(f.rule())) {
                    reasons.add(f);
                }
            }
            if (!reasons.isEmpty()) {
                // the other fired rules still explain the verdict
                for (RuleFinding f : findings) {
                    if (!reasons.contains(f)) {
                        reasons.add(f);
                    }
                }
                return new Verdict(r, reasons);
            }
        }
        return new Verdict(Recommendation.KEEP, List.of(new RuleFinding(null, Map.of("valueIndex", index.value()),
                !index.perMember() ? "recommendation.keep.noMembers"
                        : deliveredValue ? "recommendation.keep.reason" : "recommendation.keep.quiet",
                List.of(index.value()))));
    }
}
