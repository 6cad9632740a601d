package com.qundesk.ui;

import com.qundesk.i18n.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks what to do with a form's unsaved edits before the form shows something else (another view, another row, a
 * new draft): save, discard, or stay.
 */
public final class UnsavedEditsDialog {

    public enum Choice { SAVE, DISCARD, STAY }

    private UnsavedEditsDialog() {
    }

    public static Choice ask(Messages m, Window owner) {
        ButtonType save = new ButtonType(m.get("unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(m.get("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType stay = new ButtonType(m.get("unsaved.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, m.get("unsaved.text"), save, discard, stay);
        a.initOwner(owner);
        a.setTitle(m.get("unsaved.title"));
        a.setHeaderText(m.get("unsaved.header"));
        a.getDialogPane().setId("unsavedEditsDialog");
        ButtonType chosen = a.showAndWait().orElse(stay);
        return chosen == save ? Choice.SAVE : chosen == discard ? Choice.DISCARD : Choice.STAY;
    }
}
