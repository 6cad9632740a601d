package com.qundesk.shell;

import com.qundesk.core.UserPrefs;
import com.qundesk.flash.TodayBoard;
import com.qundesk.group.OperatorService;
import com.qundesk.plan.ui.TodayDeliveries;
import com.qundesk.workspace.AppContext;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the first Today view shows — the flash board, whose its items are, and the value plan's deliveries —
 * read in the task that opens the workspace, so the window installs Today complete and draws it in one pass instead
 * of drawing the board, then drawing it again with its owners, then the deliveries (issue 17: three drawings and
 * three reads queued behind each other on the two worker threads at start).
 */
public record TodayStart(TodayBoard board, Owners owners, TodayDeliveries deliveries) {

    /**
     * Whose Today's items are: the "Mine | All" switch is shown when anything is assigned (or in a team); display
     * names by login; each assigned group's assignee.
     */
    public record Owners(boolean showSwitch, Map<String, String> names, Map<Long, String> ofGroups) {
        static final Owners UNKNOWN = new Owners(false, Map.of(), Map.of());

        public Owners {
            names = Map.copyOf(names);
            ofGroups = Map.copyOf(ofGroups);
        }

        /** Reads them (off the FX thread); {@code local}: the workspace is a file. */
        static Owners read(OperatorService operators, boolean local) {
            return new Owners(!local || operators.anyAssigned(), operators.displayNames(),
                    operators.assigneeOfGroups());
        }
    }

    /**
     * Reads what Today shows at {@code now} from the workspace just opened (off the FX thread): the board always (it
     * decides whether the window opens on Today), whose its items are and the deliveries only when the window will
     * open on Today — something is due, or Today was the view last open. Otherwise they are not read at start (the
     * deliveries are the dearest read of it), and a Today opened later reads them itself ({@link #complete}).
     */
    public static TodayStart read(AppContext ctx, Instant now) {
        TodayStart board = new TodayStart(TodayBoard.of(ctx.flash().list(), now), null, null);
        boolean lastOnToday = Section.fromToken(ctx.prefs().get(UserPrefs.LAST_VIEW, Section.TODAY.token()),
                Section.TODAY) == Section.TODAY;
        if (!lastOnToday && !board.needsAttention()) {
            return board;
        }
        return new TodayStart(board.board(), Owners.read(ctx.operators(), ctx.database().isLocal()),
                TodayDeliveries.read(ctx.plans(), ctx.invites(), now, ctx.zone()));
    }

    /** Whose the items are and the deliveries were read too: Today can be drawn from this alone. */
    boolean complete() {
        return owners != null && deliveries != null;
    }

    /** Something is overdue or due now or within a day: the window opens on Today. */
    boolean needsAttention() {
        return !board.overdue().isEmpty() || !board.dueNow().isEmpty() || !board.dueSoon().isEmpty();
    }
}
