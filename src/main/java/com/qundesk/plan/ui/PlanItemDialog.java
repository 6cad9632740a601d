package com.qundesk.plan.ui;

import com.qundesk.ui.DialogButtons;
import com.qundesk.core.ValidationException;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanRequest;
import com.qundesk.plan.Recurrence;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.ValueDimension;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A new plan item: dimension, title, the text to paste, expected reach, the first time and an optional rhythm. */
final class PlanItemDialog {

    private PlanItemDialog() {
    }

    static Optional<PlanRequest> show(ViewContext view, Window owner, long groupId) {
        Messages m = view.messages();
        Dialog<PlanRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.get("plan.add.title"));
        dialog.setHeaderText(m.get("plan.add.header"));
        ComboBox<ValueDimension> dimension = DeliveryDialogs.dimensions(m);
        dimension.setValue(ValueDimension.INFORMATION);
        TextField title = DeliveryDialogs.field("planTitle", "");
        TextArea text = new TextArea();
        text.setId("planText");
        text.setPrefRowCount(3);
        text.setWrapText(true);
        text.setPromptText(m.get("plan.add.textPrompt"));
        TextField reach = DeliveryDialogs.field("planReach", "");
        reach.setPromptText(m.get("plan.deliver.reachPrompt"));
        TextField start = DeliveryDialogs.field("planStart", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(view.clock().instant().atZone(view.formats().zone()).plusHours(1).withMinute(0)));
        ComboBox<String> rule = new ComboBox<>();
        rule.setId("planRule");
        rule.setEditable(true);
        RhythmText.offer(rule, m);
        rule.setPromptText(m.get("plan.add.rulePrompt"));
        Label error = new Label();
        error.getStyleClass().add("danger-title");
        GridPane grid = DeliveryDialogs.grid(m, new String[] {"plan.field.dimension", "plan.field.title",
                "plan.field.text", "plan.field.reach", "plan.field.start", "plan.field.rule"},
                dimension, title, text, reach, start, rule);
        grid.add(error, 0, 6, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(m.get("plan.add.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, DialogButtons.cancel(view.messages()));
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("planSave");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = null;
            if (title.getText().isBlank()) {
                problem = m.get("validation.value.title");
            } else if (DeliveryDialogs.reachOf(reach.getText()) != null
                    && DeliveryDialogs.reachOf(reach.getText()) == Integer.MIN_VALUE) {
                problem = m.get("plan.deliver.badReach");
            } else if (DeliveryDialogs.instantOf(view, start.getText()) == null) {
                problem = m.get("plan.deliver.badTime");
            } else {
                try {
                    Recurrence.normalise(RhythmText.ruleOf(rule));
                } catch (ValidationException ex) {
                    problem = m.describe(ex);
                }
            }
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        dialog.setResultConverter(b -> {
            if (b != save) {
                return null;
            }
            Instant first = DeliveryDialogs.instantOf(view, start.getText());
            String r = RhythmText.ruleOf(rule);
            return new PlanRequest(groupId, dimension.getValue(), title.getText().strip(),
                    text.getText().isBlank() ? null : text.getText(), DeliveryDialogs.reachOf(reach.getText()),
                    r == null || r.isBlank() ? null : r, first);
        });
        return dialog.showAndWait();
    }
}
