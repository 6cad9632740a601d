package com.qundesk.value;

import java.time.LocalDate;

/** One day's measured result of one type for a group (and optionally a campaign). */
public record Outcome(long groupId, Long campaignId, LocalDate day, OutcomeType type, double value) {
}
