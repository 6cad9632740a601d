package com.qundesk.value;

import java.util.List;

/**
 * The configurable thresholds of the health rules (Settings). Defaults follow PRODUCT.md: Dunbar's 150,
 * 30 silent days, 100 messages a day, top-3 above 60%, a yearly re-formation, 95% of the platform cap.
 */
public record HealthThresholds(int oversizedMembers, int silentDays, double noisyMessagesPerDay,
                               double concentratedTop3Share, int concentratedMinMessages,
                               double adHeavyShare, int staleCoreDays, double churnLeaveShare,
                               double nearCapacityShare, List<String> lowFrequencyTags) {

    public static final HealthThresholds DEFAULTS = new HealthThresholds(150, 30, 100, 0.60, 50, 0.05, 365,
            0.05, 0.95, List.of("低频", "low-frequency"));

    public HealthThresholds {
        lowFrequencyTags = List.copyOf(lowFrequencyTags);
    }
}
