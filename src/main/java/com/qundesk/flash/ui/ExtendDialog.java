package com.qundesk.flash.ui;

import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;

/** The form that extends a flash group ({@code ExtendDialog.fxml}): the new due date and time, and why. */
final class ExtendDialog {

    private DialogPane pane;

    @FXML private DatePicker extendDate;
    @FXML private TextField extendTime;
    @FXML private TextField extendReason;
    @FXML private ButtonType ok;

    private ExtendDialog() {
    }

    static ExtendDialog load(ViewContext view) {
        ExtendDialog form = new ExtendDialog();
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(ExtendDialog.class).root();
        form.pane.lookupButton(form.ok).disableProperty().bind(form.extendReason.textProperty().isEmpty()
                .or(form.extendDate.valueProperty().isNull()));
        return form;
    }

    DialogPane pane() {
        return pane;
    }

    DatePicker date() {
        return extendDate;
    }

    TextField time() {
        return extendTime;
    }

    TextField reason() {
        return extendReason;
    }

    ButtonType ok() {
        return ok;
    }
}
