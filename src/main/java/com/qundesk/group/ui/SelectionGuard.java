package com.qundesk.group.ui;

import com.qundesk.group.Group;
import javafx.application.Platform;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the form's unsaved edits when the table's selection moves away from the group they belong to (another row
 * clicked, the selection cleared, a filter or a reload dropping the row): once the move has settled it asks the
 * form's question (save / discard / cancel), then moves on to what was selected or goes back to the edited group.
 */
final class SelectionGuard {

    private final GroupFormController form;
    private final Supplier<List<Group>> selected;
    private final Consumer<List<Long>> moveTo;
    private final Consumer<Long> goBackTo;
    private final Runnable goBackToDraft;
    /** True from a move away from unsaved edits until the operator has answered. */
    private boolean asking;

    /**
     * {@code moveTo} selects and shows the groups of those ids, {@code goBackTo} selects the edited group again,
     * {@code goBackToDraft} clears the selection for the new group's draft.
     */
    SelectionGuard(GroupFormController form, Supplier<List<Group>> selected, Consumer<List<Long>> moveTo,
                   Consumer<Long> goBackTo, Runnable goBackToDraft) {
        this.form = form;
        this.selected = selected;
        this.moveTo = moveTo;
        this.goBackTo = goBackTo;
        this.goBackToDraft = goBackToDraft;
    }

    /**
     * Whether the form keeps what it shows for the selection {@code sel}: it has unsaved edits and one group or
     * none is selected (the question is asked once the selection settles, when it is another group than the edited
     * one). Several rows selected leave the form as it is anyway.
     */
    boolean holds(List<Group> sel) {
        if (!form.hasUnsavedEdits() || sel.size() > 1) {
            return false;
        }
        if (!asking && movesAway(sel)) {
            asking = true;
            Platform.runLater(this::ask); // a row that goes and comes back within one event is no move
        }
        return true;
    }

    private boolean movesAway(List<Group> sel) {
        return !Objects.equals(sel.isEmpty() ? null : sel.getFirst().id(), editedId());
    }

    private void ask() {
        List<Group> sel = selected.get();
        if (!form.hasUnsavedEdits() || sel.size() > 1 || !movesAway(sel)) {
            asking = false;
            return;
        }
        List<Long> wanted = sel.stream().map(Group::id).toList();
        Long edited = editedId();
        form.confirmLeave(() -> {
            asking = false;
            moveTo.accept(wanted);
        }, () -> {
            asking = false;
            if (edited == null) {
                goBackToDraft.run();
            } else {
                goBackTo.accept(edited);
            }
        });
    }

    /** The group the form edits ({@code null} for a new one). */
    private Long editedId() {
        Group g = form.model().original();
        return g == null ? null : g.id();
    }
}
