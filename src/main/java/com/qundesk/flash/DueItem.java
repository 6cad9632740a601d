package com.qundesk.flash;

import java.time.Instant;

/** One line of the due list: a reminder or a dissolution of a flash group, overdue or upcoming as of an instant. */
public record DueItem(long groupId, String name, Kind kind, Instant dueAt, State state) {
    public enum Kind { REMINDER, DISSOLUTION }

    public enum State { OVERDUE, UPCOMING }
}
