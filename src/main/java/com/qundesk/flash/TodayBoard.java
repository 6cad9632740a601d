package com.qundesk.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the Today view shows, as of an instant: overdue dissolutions, those due within the hour ("now"),
 * those due in the next 24 hours, groups to open in the next 24 hours, and every open flash group.
 * A plain value computed off the FX thread.
 *
 * <p>In a team each operator sees their items first ({@link #forOperator}): "mine" are the flash groups assigned to
 * them (the group's assignee, else its campaign's) and those assigned to nobody, which nobody else owns.
 *
 * @param me           the operator the board is ordered for (null: nobody's, in due order)
 * @param othersHidden how many flash groups of other operators this board leaves out (0 when it shows all)
 */
public record TodayBoard(Instant at, List<FlashGroup> overdue, List<FlashGroup> dueNow, List<FlashGroup> dueSoon,
                         List<FlashGroup> toOpen, List<FlashGroup> open, String me, int othersHidden) {

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
        return new TodayBoard(at, overdue, dueNow, dueSoon, toOpen, open, null, 0);
    }

    /** Whether {@code f} is {@code me}'s: assigned to them or to nobody. */
    public static boolean isMine(FlashGroup f, String me) {
        return f.assignee() == null || f.assignee().equals(me);
    }

    /**
     * This board for {@code me}: in each section the items assigned to them first, then the unassigned, then the
     * others' (each part in its due order); with {@code mineOnly} the others' are left out and counted.
     */
    public TodayBoard forOperator(String me, boolean mineOnly) {
        Set<Long> hidden = new HashSet<>();
        Function<List<FlashGroup>, List<FlashGroup>> mineFirst = list -> {
            List<FlashGroup> out = new ArrayList<>(list);
            out.sort(Comparator.comparingInt(f -> f.assignee() == null ? 1 : f.assignee().equals(me) ? 0 : 2));
            if (mineOnly) {
                out.stream().filter(f -> !isMine(f, me)).forEach(f -> hidden.add(f.group().id()));
                out.removeIf(f -> !isMine(f, me));
            }
            return List.copyOf(out);
        };
        return new TodayBoard(at, mineFirst.apply(overdue), mineFirst.apply(dueNow), mineFirst.apply(dueSoon),
                mineFirst.apply(toOpen), mineFirst.apply(open), me, hidden.size());
    }

    public boolean isEmpty() {
        return overdue.isEmpty() && dueNow.isEmpty() && dueSoon.isEmpty() && toOpen.isEmpty() && open.isEmpty();
    }
}
