package com.qundesk.flash.ui;

import com.qundesk.ui.DateTimeField;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.VBox;

import java.time.Instant;

/** The form that moves a flash group's dissolution ({@code RescheduleDialog.fxml}): the new due time. */
final class RescheduleDialog {

    private DialogPane pane;
    private DateTimeField when;

    @FXML private VBox fields;
    @FXML private ButtonType ok;

    private RescheduleDialog() {
    }

    /** The form, its field showing {@code due}. */
    static RescheduleDialog load(ViewContext view, Instant due) {
        RescheduleDialog form = new RescheduleDialog();
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(RescheduleDialog.class).root();
        form.when = new DateTimeField(view.formats().zone(), due, view.messages());
        form.when.setId("rescheduleWhen");
        form.fields.getChildren().add(1, form.when);
        return form;
    }

    DialogPane pane() {
        return pane;
    }

    DateTimeField when() {
        return when;
    }

    ButtonType ok() {
        return ok;
    }
}
