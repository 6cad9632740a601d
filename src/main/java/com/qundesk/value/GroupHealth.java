package com.qundesk.value;

import com.qundesk.group.Group;

import java.util.List;

/** One group's verdict for a window: its numbers, value index, fired rules, recommendation and reasons. */
public record GroupHealth(Group group, GroupMetrics metrics, ValueIndex index, List<RuleFinding> findings,
                          Recommendation recommendation, List<RuleFinding> reasons) {

    /** Delivered value in the window: at least one value event or a non-zero outcome. */
    public boolean deliveredValue() {
        return metrics.valueEvents() > 0 || metrics.outcomes.values().stream().anyMatch(v -> v > 0);
    }

    /** Recency-weighted value deliveries per member per week (the index's main term). */
    public double valuePerMember() {
        return index.terms().getOrDefault("valuePerMemberPerWeek", 0.0);
    }
}
