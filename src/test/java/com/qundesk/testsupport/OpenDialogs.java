package com.qundesk.testsupport;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

import static com.qundesk.testsupport.FxWindows.waitFor;

/**
 * The dialogs a headless window test has open, and the two things it does with them: open one as a button would
 * (the dialog waits for its answer inside the button's handler, so the opener runs later on the FX thread) and
 * answer one.
 */
public final class OpenDialogs {

    private OpenDialogs() {
    }

    /** Every showing window whose content is a dialog pane (dialogs and alerts), oldest first. */
    public static List<DialogPane> showing() {
        List<DialogPane> out = new ArrayList<>();
        for (Window win : List.copyOf(Window.getWindows())) {
            if (win.isShowing() && win.getScene() != null && win.getScene().getRoot() instanceof DialogPane d) {
                out.add(d);
            }
        }
        return out;
    }

    /** Runs {@code opener} later on the FX thread and returns the dialog it opened. */
    public static DialogPane open(Runnable opener) throws Exception {
        List<DialogPane> before = showing();
        Platform.runLater(opener);
        waitFor(() -> showing().stream().anyMatch(p -> !before.contains(p)));
        return showing().stream().filter(p -> !before.contains(p)).findFirst().orElseThrow();
    }

    /** Presses the button {@code type} of {@code pane} and returns the dialog that press opened. */
    public static DialogPane pressAndOpen(DialogPane pane, ButtonType type) throws Exception {
        return open(() -> ((Button) pane.lookupButton(type)).fire());
    }

    /** The {@code index}-th button type of {@code pane} with the button data {@code data}. */
    public static ButtonType type(DialogPane pane, ButtonBar.ButtonData data, int index) {
        return pane.getButtonTypes().stream().filter(t -> t.getButtonData() == data).skip(index).findFirst()
                .orElseThrow(() -> new AssertionError("no " + data + " button #" + index + " in " + pane.getButtonTypes()));
    }

    /** Answers {@code pane} with its cancel button (or closes it when it has none) and waits until it is gone. */
    public static void cancel(DialogPane pane) throws Exception {
        Platform.runLater(() -> {
            for (ButtonType type : pane.getButtonTypes()) {
                if (type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                    ((Button) pane.lookupButton(type)).fire();
                    return;
                }
            }
            pane.getScene().getWindow().hide();
        });
        waitFor(() -> !showing().contains(pane));
    }
}
