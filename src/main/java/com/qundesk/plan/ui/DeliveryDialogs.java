package com.qundesk.plan.ui;

import com.qundesk.ui.DialogButtons;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.DeliveryEdit;
import com.qundesk.plan.PlannedDelivery;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.ValueDimension;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The value event a delivery writes, editable before it is saved; and the reason a delivery is skipped. */
public final class DeliveryDialogs {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private DeliveryDialogs() {
    }

    /** The value event as planned (dimension, title, reach) at the current time; empty when cancelled. */
    public static Optional<DeliveryEdit> deliver(ViewContext view, Window owner, PlannedDelivery d) {
        Messages m = view.messages();
        Dialog<DeliveryEdit> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("plan.deliver.title"));
        dialog.setHeaderText(m.get("plan.deliver.header", d.groupName(), view.formats().dateTime(d.occurrence())));
        ComboBox<ValueDimension> dimension = dimensions(m);
        dimension.setValue(d.item().dimension());
        TextField title = field("deliverTitle", d.item().title());
        TextField reach = field("deliverReach", d.item().reach() == null ? "" : Integer.toString(d.item().reach()));
        reach.setPromptText(m.get("plan.deliver.reachPrompt"));
        TextField at = field("deliverAt", WHEN.format(view.clock().instant().atZone(view.formats().zone())));
        TextField note = field("deliverNote", "");
        Label error = new Label();
        error.getStyleClass().add("danger-title");
        GridPane grid = grid(m, new String[] {"plan.field.dimension", "plan.field.title", "plan.field.reach",
                "plan.field.at", "plan.field.note"}, dimension, title, reach, at, note);
        grid.add(error, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(m.get("plan.deliver.save"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(view.messages()));
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("deliverSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = title.getText().isBlank() ? m.get("validation.value.title")
                    : reachOf(reach.getText()) == Integer.MIN_VALUE ? m.get("plan.deliver.badReach")
                    : instantOf(view, at.getText()) == null ? m.get("plan.deliver.badTime") : null;
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b != save ? null : new DeliveryEdit(dimension.getValue(), title.getText().strip(),
                reach.getText().isBlank() ? null : reachOf(reach.getText()), instantOf(view, at.getText()),
                note.getText().isBlank() ? null : note.getText().strip()));
        return dialog.showAndWait();
    }

    /** The reason for skipping (required); empty when cancelled. */
    public static Optional<String> skipReason(ViewContext view, Window owner, PlannedDelivery d) {
        Messages m = view.messages();
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("plan.skip.title"));
        dialog.setHeaderText(m.get("plan.skip.header", d.groupName(), d.item().title(),
                view.formats().dateTime(d.occurrence())));
        TextField reason = field("skipReason", "");
        reason.setPromptText(m.get("plan.skip.prompt"));
        dialog.getDialogPane().setContent(reason);
        ButtonType ok = new ButtonType(m.get("plan.skip.save"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(view.messages()));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("skipSave");
        okButton.disableProperty().bind(reason.textProperty().map(String::isBlank));
        dialog.setResultConverter(b -> b == ok ? reason.getText().strip() : null);
        return dialog.showAndWait();
    }

    static ComboBox<ValueDimension> dimensions(Messages m) {
        ComboBox<ValueDimension> box = new ComboBox<>();
        box.getItems().setAll(ValueDimension.values());
        box.setId("dimension");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ValueDimension d) {
                return d == null ? "" : m.get(d.messageKey());
            }

            @Override
            public ValueDimension fromString(String s) {
                return null;
            }
        });
        return box;
    }

    static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(28);
        return f;
    }

    static GridPane grid(Messages m, String[] labelKeys, Node... fields) {
        // the label column keeps its longest label whole ("重复规则（RRULE）" was "重复规则...")
        GridPane grid = com.qundesk.ui.FormGrid.create(10, 8);
        for (int i = 0; i < fields.length; i++) {
            grid.add(new Label(m.get(labelKeys[i])), 0, i);
            grid.add(fields[i], 1, i);
        }
        return grid;
    }

    /** The reach typed, null when blank, {@code Integer.MIN_VALUE} when not a number of people. */
    static Integer reachOf(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            int r = Integer.parseInt(text.strip());
            return r < 0 ? Integer.MIN_VALUE : r;
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    static Instant instantOf(ViewContext view, String text) {
        try {
            return LocalDateTime.parse(text.strip(), WHEN).atZone(view.formats().zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
