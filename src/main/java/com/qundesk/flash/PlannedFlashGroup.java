package com.qundesk.flash;

import java.time.Instant;

/** One line of the wizard's preview: the name and the schedule a group would get. */
public record PlannedFlashGroup(int index, String name, Instant opensAt, Instant dueAt) {
}
