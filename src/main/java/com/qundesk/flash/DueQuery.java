package com.qundesk.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is due as of an instant, computed from the stored schedule (so it answers for any instant, past or
 * future, without firing anything). A dissolution is overdue once its due time has passed; a reminder is
 * overdue once its time has passed while the dissolution is still ahead; both are upcoming within the window.
 */
public final class DueQuery {

    private DueQuery() {
    }

    public static List<DueItem> due(List<FlashGroup> flash, List<Reminder> reminders, Instant at, Duration within) {
        Instant until = at.plus(within);
        Map<Long, FlashGroup> live = flash.stream().filter(f -> !f.lifecycle().state().isFinal())
                .collect(Collectors.toMap(f -> f.group().id(), f -> f));
        List<DueItem> out = new ArrayList<>();
        for (FlashGroup f : live.values()) {
            Instant due = f.lifecycle().dueAt();
            if (!due.isAfter(at)) {
                out.add(new DueItem(f.group().id(), f.group().name(), DueItem.Kind.DISSOLUTION, due,
                        DueItem.State.OVERDUE, f.assignee()));
            } else if (!due.isAfter(until)) {
                out.add(new DueItem(f.group().id(), f.group().name(), DueItem.Kind.DISSOLUTION, due,
                        DueItem.State.UPCOMING, f.assignee()));
            }
        }
        for (Reminder r : reminders) {
            FlashGroup f = live.get(r.groupId());
            if (f == null || r.kind() != Reminder.Kind.REMINDER || r.cancelledAt() != null) {
                continue;
            }
            Instant due = f.lifecycle().dueAt();
            if (!due.isAfter(at)) {
                continue; // the dissolution item says it all
            }
            if (!r.fireAt().isAfter(at)) {
                out.add(new DueItem(r.groupId(), f.group().name(), DueItem.Kind.REMINDER, r.fireAt(),
                        DueItem.State.OVERDUE, f.assignee()));
            } else if (!r.fireAt().isAfter(until)) {
                out.add(new DueItem(r.groupId(), f.group().name(), DueItem.Kind.REMINDER, r.fireAt(),
                        DueItem.State.UPCOMING, f.assignee()));
            }
        }
        out.sort(Comparator.comparing(DueItem::dueAt).thenComparing(DueItem::groupId));
        return out;
    }
}
