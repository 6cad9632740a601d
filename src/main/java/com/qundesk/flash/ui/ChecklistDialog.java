package com.qundesk.flash.ui;

import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * The form of a flash group's checklist ({@code ChecklistDialog.fxml}): the items, the farewell text to copy and
 * the ways to end the group. {@link FlashDialogs} fills it and acts on the answer.
 */
final class ChecklistDialog {

    private final ViewContext view;
    private DialogPane pane;

    @FXML private VBox items;
    @FXML private TextArea farewellText;
    @FXML private Label copied;
    @FXML private ButtonType dissolve;
    @FXML private ButtonType extend;
    @FXML private ButtonType convert;
    @FXML private ButtonType close;

    private ChecklistDialog(ViewContext view) {
        this.view = view;
    }

    static ChecklistDialog load(ViewContext view) {
        ChecklistDialog form = new ChecklistDialog(view);
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(ChecklistDialog.class).root();
        // four buttons of one size did not fit: "Keep as long-term…" showed as "Keep as long-..."
        for (ButtonType type : form.pane.getButtonTypes()) {
            javafx.scene.Node b = form.pane.lookupButton(type);
            javafx.scene.control.ButtonBar.setButtonUniformSize(b, false);
            ((javafx.scene.control.Button) b).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return form;
    }

    @FXML
    private void onCopyFarewell() {
        ClipboardContent content = new ClipboardContent();
        content.putString(farewellText.getText());
        Clipboard.getSystemClipboard().setContent(content);
        copied.setText(view.messages().get("checklist.copied"));
    }

    /** A group already ended can only be closed: its checklist is shown as it was. */
    void onlyClose() {
        pane.getButtonTypes().setAll(close);
    }

    DialogPane pane() {
        return pane;
    }

    VBox items() {
        return items;
    }

    TextArea farewellText() {
        return farewellText;
    }

    ButtonType dissolve() {
        return dissolve;
    }

    ButtonType extend() {
        return extend;
    }

    ButtonType convert() {
        return convert;
    }

    ButtonType close() {
        return close;
    }
}
