package com.qundesk.imports.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.imports.chat.ad.AdDetector;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.ViewContext;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Import view's editor of the ad detector's keyword list: one a line, {@code !phrase} for a phrase that is no ad. */
final class AdKeywordsDialog {

    private AdKeywordsDialog() {
    }

    /**
     * Loads the list in the background, lets the operator edit or reset it, and saves it; {@code saved} runs on the
     * FX thread once it is stored. {@code busy} is disabled while the list loads.
     */
    static void edit(ViewContext view, ChatImportService imports, Window owner, Node busy, Runnable saved) {
        Messages m = view.messages();
        view.tasks().run(() -> imports.adDetector().toSetting(), current -> {
            TextArea area = new TextArea(current);
            area.setPrefRowCount(14);
            area.setPrefColumnCount(28);
            Label hint = new Label(m.get("import.ads.hint"));
            hint.setWrapText(true);
            hint.setMaxWidth(420);
            Dialog<ButtonType> d = new Dialog<>();
            d.setTitle(m.get("import.ads.title"));
            d.setHeaderText(m.get("import.ads.title"));
            d.getDialogPane().setContent(new VBox(8, hint, area));
            ButtonType reset = new ButtonType(m.get("import.ads.reset"), ButtonBar.ButtonData.LEFT);
            ButtonType cancel = DialogButtons.cancel(m);
            d.getDialogPane().getButtonTypes().addAll(reset, DialogButtons.ok(m), cancel);
            d.initOwner(owner);
            ButtonType choice = d.showAndWait().orElse(cancel);
            if (choice == cancel) {
                return;
            }
            String text = choice == reset ? AdDetector.defaults().toSetting() : area.getText();
            view.tasks().run(() -> {
                imports.setAdKeywords(text);
                return null;
            }, x -> saved.run());
        }, busy);
    }
}
