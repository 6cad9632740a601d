package com.qundesk.group.ui;

import com.qundesk.group.Group;
import com.qundesk.group.SplitRequest;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.FormGrid;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The small dialogs of the groups view: split, dissolve, confirm. Every text comes from the bundle. */
public final class GroupDialogs {

    private GroupDialogs() {
    }

    /** Asks how to split {@code parent}; empty when cancelled. */
    public static Optional<SplitRequest> split(Window owner, Messages m, Group parent) {
        Dialog<SplitRequest> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("group.split.title"));
        d.setHeaderText(m.get("group.split.header", parent.name(), parent.memberCount()));
        ButtonType ok = new ButtonType(m.get("group.split.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));

        Spinner<Integer> count = new Spinner<>(2, SplitRequest.MAX_CHILDREN, defaultCount(parent));
        count.setId("splitCount");
        count.setEditable(true);
        TextField pattern = new TextField(SplitRequest.DEFAULT_PATTERN);
        pattern.setId("splitPattern");
        ListView<String> preview = new ListView<>();
        preview.setId("splitPreview");
        preview.setPrefHeight(160);
        Runnable update = () -> {
            SplitRequest r = new SplitRequest(count.getValue(), pattern.getText());
            List<String> lines = new ArrayList<>();
            for (int k = 1; k <= r.count(); k++) {
                lines.add(m.get("group.split.previewLine", r.nameFor(parent.name(), k),
                        r.membersFor(parent.memberCount(), k)));
            }
            preview.getItems().setAll(lines);
        };
        count.valueProperty().addListener((o, a, b) -> update.run());
        pattern.textProperty().addListener((o, a, b) -> update.run());
        update.run();

        GridPane grid = FormGrid.create(10, 8);
        grid.addRow(0, new Label(m.get("group.split.count")), count);
        grid.addRow(1, new Label(m.get("group.split.pattern")), pattern);
        grid.add(new Label(m.get("group.split.patternHint")), 1, 2);
        grid.add(preview, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.setResultConverter(b -> b == ok ? new SplitRequest(count.getValue(), pattern.getText()) : null);
        return d.showAndWait();
    }

    /** Sub-groups of about 150 members (Dunbar's number), at least two. */
    private static int defaultCount(Group parent) {
        return Math.max(2, Math.min(SplitRequest.MAX_CHILDREN, (int) Math.ceil(parent.memberCount() / 150.0)));
    }

    /** Asks for the dissolution reason; empty when cancelled. */
    static Optional<String> dissolveReason(Window owner, Messages m, List<Group> groups) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("group.dissolve.title"));
        d.setHeaderText(groups.size() == 1 ? m.get("group.dissolve.headerOne", groups.getFirst().name())
                : m.get("group.dissolve.headerMany", groups.size()));
        ButtonType ok = new ButtonType(m.get("group.dissolve.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));
        TextArea reason = new TextArea();
        reason.setId("dissolveReason");
        reason.setPromptText(m.get("group.dissolve.prompt"));
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        d.getDialogPane().setContent(reason);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        d.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    public static boolean confirm(Window owner, Messages m, String header, String text) {
        Alert a = DialogButtons.alert(Alert.AlertType.CONFIRMATION, text, m);
        a.initOwner(owner);
        a.setTitle(m.get("app.title"));
        a.setHeaderText(header);
        return DialogButtons.accepted(a.showAndWait());
    }
}
