package com.qundesk.stats;

import java.time.LocalDate;

/**
 * One group's activity on one local day. {@code members} and {@code leaves} may be unknown (null) when the
 * source does not carry them. Chat volume is reported as attention cost, never as value.
 */
public record DailyStat(long groupId, LocalDate day, Integer members, int joins, Integer leaves, int removals,
                        int messages, int speakers, double top3Share, int ownerMessages, int flaggedAds,
                        String source) {
}
