package com.qundesk.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the Today view shows, as of an instant: overdue dissolutions, those due within the hour ("now"),
 * those due in the next 24 hours, groups to open in the next 24 hours, and every open flash group.
 * A plain value computed off the FX thread.
 */
public record TodayBoard(Instant at, List<FlashGroup> overdue, List<FlashGroup> dueNow, List<FlashGroup> dueSoon,
                         List<FlashGroup> toOpen, List<FlashGroup> open) {

    public static final Duration NOW_WINDOW = Duration.ofHours(1);
    public static final Duration SOON_WINDOW = Duration.ofHours(24);

    public static TodayBoard of(List<FlashGroup> all, Instant at) {
        List<FlashGroup> overdue = new ArrayList<>();
        List<FlashGroup> dueNow = new ArrayList<>();
        List<FlashGroup> dueSoon = new ArrayList<>();
        List<FlashGroup> toOpen = new ArrayList<>();
        List<FlashGroup> open = new ArrayList<>();
        for (FlashGroup f : all) {
            FlashLifecycle l = f.lifecycle();
            FlashState state = l.stateAt(at); // the one definition, as Groups, the dashboard and the CLI
            if (state.isFinal()) {
                continue;
            }
            Instant due = l.dueAt();
            if (state == FlashState.DUE) {
                overdue.add(f);
            } else if (!due.isAfter(at.plus(NOW_WINDOW))) {
                dueNow.add(f);
            } else if (!due.isAfter(at.plus(SOON_WINDOW))) {
                dueSoon.add(f);
            }
            if (state == FlashState.PLANNED) {
                if (!l.opensAt().isAfter(at.plus(SOON_WINDOW))) {
                    toOpen.add(f);
                }
            } else if (state != FlashState.DUE) {
                open.add(f);
            }
        }
        Comparator<FlashGroup> byDue = Comparator.comparing(f -> f.lifecycle().dueAt());
        overdue.sort(byDue);
        dueNow.sort(byDue);
        dueSoon.sort(byDue);
        open.sort(byDue);
        toOpen.sort(Comparator.comparing(f -> f.lifecycle().opensAt()));
        return new TodayBoard(at, overdue, dueNow, dueSoon, toOpen, open);
    }

    public boolean isEmpty() {
        return overdue.isEmpty() && dueNow.isEmpty() && dueSoon.isEmpty() && toOpen.isEmpty() && open.isEmpty();
    }
}
