package com.qundesk.campaign;

import java.time.Instant;

/**
 * One recorded change to a campaign: an action (created, edited, cancelled, outcome) and, for edits, the field and its
 * values; who made it ({@code actor}, the operator's login) and the campaign's version the change made.
 */
public record CampaignHistoryEntry(long id, long campaignId, Instant at, String action, String field, String oldValue,
                                   String newValue, String actor, Long version) {
}
