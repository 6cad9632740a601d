package com.qundesk.flash;

import java.time.Instant;

/**
 * What the scheduler tells the operator once: a group opened, a reminder before its due time, or its
 * dissolution falling due. {@code late} is true when it fell due while QunDesk was closed.
 */
public record Notice(long groupId, String groupName, Type type, Instant dueAt, Instant firedFor, boolean late) {
    public enum Type { OPENED, REMINDER, DISSOLUTION_DUE }
}
