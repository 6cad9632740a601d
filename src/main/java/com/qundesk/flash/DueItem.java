package com.qundesk.flash;

import java.time.Instant;

/**
 * One line of the due list: a reminder or a dissolution of a flash group, overdue or upcoming as of an instant, and
 * the operator it is assigned to (the group's assignee, else its campaign's; null: nobody).
 */
public record DueItem(long groupId, String name, Kind kind, Instant dueAt, State state, String assignee) {
    public enum Kind { REMINDER, DISSOLUTION }

    public enum State { OVERDUE, UPCOMING }
}
