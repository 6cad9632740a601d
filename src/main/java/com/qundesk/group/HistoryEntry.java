package com.qundesk.group;

import java.time.Instant;

/**
 * One recorded change to a group: an action (created, edited, split…) and, for edits, the field and values; who made
 * it ({@code actor}, the operator's login; null for changes recorded before operators were known) and the group's
 * version the change made (null for events that leave the group's row as it was).
 */
public record HistoryEntry(long id, long groupId, Instant at, String action, String field, String oldValue,
                           String newValue, String note, String actor, Long version) {
}
