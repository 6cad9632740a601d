package com.qundesk.ui;

import com.qundesk.i18n.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;

import java.util.Optional;

/**
 * Dialog buttons in the UI language. JavaFX's own {@code ButtonType.OK}/{@code CANCEL} take their text from
 * the JVM's default locale once, when the class loads, so a Chinese UI on an English PC (or after switching
 * the language in Settings) showed "OK"/"Cancel". Answers are read by the button's role, not its identity.
 */
public final class DialogButtons {
    private DialogButtons() {
    }

    public static ButtonType ok(Messages m) {
        return new ButtonType(m.get("dialog.ok"), ButtonData.OK_DONE);
    }

    public static ButtonType cancel(Messages m) {
        return new ButtonType(m.get("dialog.cancel"), ButtonData.CANCEL_CLOSE);
    }

    /** An alert with OK (and Cancel, for a confirmation) in the UI language. */
    public static Alert alert(Alert.AlertType type, String text, Messages m) {
        return type == Alert.AlertType.CONFIRMATION ? new Alert(type, text, ok(m), cancel(m))
                : new Alert(type, text, ok(m));
    }

    /** Whether the dialog was closed with its OK button. */
    public static boolean accepted(Optional<ButtonType> answer) {
        return answer.filter(b -> b.getButtonData() == ButtonData.OK_DONE).isPresent();
    }
}
