package com.qundesk.flash;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The stored lifecycle of one flash group: its preset, state, opening and due times, end and checklist. */
public record FlashLifecycle(long groupId, LifetimePreset preset, FlashState state, Instant opensAt, Instant dueAt,
                             Instant endedAt, String endReason, Set<ChecklistItem> skipped,
                             Set<ChecklistItem> done) {

    public FlashLifecycle {
        skipped = ordered(skipped);
        done = ordered(done);
    }

    private static Set<ChecklistItem> ordered(Set<ChecklistItem> items) {
        return items.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(items));
    }

    /**
     * The state as of {@code now} — the one definition every view, the report and the CLI show: a group not ended
     * whose due time has passed is due; a planned group whose opening time has come is open (the reminder timer
     * stores that a moment later).
     */
    public FlashState stateAt(Instant now) {
        if (state.isFinal()) {
            return state;
        }
        if (!now.isBefore(dueAt)) {
            return FlashState.DUE;
        }
        if (state == FlashState.PLANNED && !now.isBefore(opensAt)) {
            return FlashState.OPEN;
        }
        return state;
    }
}
