package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.util.List;

/**
 * A group's plan judged over a window: occurrences planned, delivered and skipped (by occurrence time), the
 * dimensions its active plan never covers, and the signs of mechanical pushing.
 */
public record PlanJudgement(long groupId, int planned, int delivered, int skipped,
                            List<ValueDimension> dimensionsNeverPlanned, List<PushingSign> pushingSigns) {

    public PlanJudgement {
        dimensionsNeverPlanned = List.copyOf(dimensionsNeverPlanned);
        pushingSigns = List.copyOf(pushingSigns);
    }

    public static PlanJudgement empty(long groupId) {
        return new PlanJudgement(groupId, 0, 0, 0, List.of(ValueDimension.values()), List.of());
    }

    public boolean hasPlan() {
        return dimensionsNeverPlanned.size() < ValueDimension.values().length;
    }
}
