package com.qundesk.flash.ui;

import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;

/** The form that keeps a flash group as a long-term group ({@code ConvertDialog.fxml}): why it is kept. */
final class ConvertDialog {

    private DialogPane pane;

    @FXML private TextArea convertReason;
    @FXML private ButtonType ok;

    private ConvertDialog() {
    }

    static ConvertDialog load(ViewContext view) {
        ConvertDialog form = new ConvertDialog();
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(ConvertDialog.class).root();
        form.pane.lookupButton(form.ok).disableProperty().bind(form.convertReason.textProperty().isEmpty());
        return form;
    }

    DialogPane pane() {
        return pane;
    }

    TextArea reason() {
        return convertReason;
    }

    ButtonType ok() {
        return ok;
    }
}
