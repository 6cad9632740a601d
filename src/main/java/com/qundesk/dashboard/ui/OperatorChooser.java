package com.qundesk.dashboard.ui;

import com.qundesk.group.GroupScope;
import com.qundesk.group.OperatorService;
import com.qundesk.ui.ViewContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's "whose groups": the team's (every group, the default), one operator's (the groups assigned to
 * them) or the unassigned ones. The operators are read off the FX thread; where no group is assigned to anybody the
 * chooser stays hidden and the dashboard is the team's, as before.
 */
public final class OperatorChooser {

    private final ViewContext ui;
    private final OperatorService operators;
    private ComboBox<GroupScope> box;
    private Label label;
    private Map<String, String> names = Map.of();
    /** True while the choices are replaced: the box passes through no value, which is no choice of the operator's. */
    private boolean replacing;

    private record Choices(List<String> assignees, Map<String, String> names) {
    }

    public OperatorChooser(ViewContext ui, OperatorService operators) {
        this.ui = ui;
        this.operators = operators;
    }

    /** Takes over {@code chooser} and its label: {@code onChange} runs when the operator picks another scope. */
    void attach(Label chooserLabel, ComboBox<GroupScope> chooser, Runnable onChange) {
        box = chooser;
        label = chooserLabel;
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(GroupScope s) {
                if (s == null || s.team()) {
                    return ui.messages().get("dashboard.scope.team");
                }
                return s.assignee() == null ? ui.messages().get("dashboard.scope.unassigned")
                        : names.getOrDefault(s.assignee(), s.assignee());
            }

            @Override
            public GroupScope fromString(String text) {
                return null;
            }
        });
        box.getItems().setAll(GroupScope.TEAM);
        box.setValue(GroupScope.TEAM);
        show(false);
        box.valueProperty().addListener((o, was, now) -> {
            if (!replacing && now != null && !now.equals(was)) {
                onChange.run();
            }
        });
    }

    /** The scope chosen (the team's until the operators are read). */
    GroupScope scope() {
        GroupScope s = box == null ? null : box.getValue();
        return s == null ? GroupScope.TEAM : s;
    }

    /** Reads the operators groups are assigned to again, keeping the choice while it is still offered. */
    void reload() {
        ui.tasks().run(() -> new Choices(operators.groupAssignees(), operators.displayNames()), c -> {
            names = c.names();
            GroupScope chosen = scope();
            List<GroupScope> items = new ArrayList<>();
            items.add(GroupScope.TEAM);
            c.assignees().forEach(a -> items.add(GroupScope.of(a)));
            items.add(GroupScope.UNASSIGNED);
            if (!items.contains(chosen)) {
                chosen = GroupScope.TEAM;
            }
            GroupScope keep = chosen;
            replacing = true;
            try {
                box.getItems().setAll(items);
                box.setValue(keep);
            } finally {
                replacing = false;
            }
            show(!c.assignees().isEmpty() || !keep.team());
        });
    }

    private void show(boolean visible) {
        for (javafx.scene.Node n : List.of(label, box)) {
            n.setVisible(visible);
            n.setManaged(visible);
        }
    }
}
