package com.qundesk.app;

import com.qundesk.core.UserPrefs;
import com.qundesk.i18n.Messages;
import com.qundesk.workspace.AppContext;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The first start's one question: the language, and a demo workspace to look around or an empty one. */
final class FirstRunDialog {

    private FirstRunDialog() {
    }

    /**
     * First start: the operator chooses the language (preselected from the OS) and a demo workspace (to look
     * around) or an empty one. The dialog's own texts switch as soon as another language is picked.
     */
    static boolean askForDemo(UserPrefs prefs) {
        Asked asked = build(prefs);
        Optional<ButtonType> answer = asked.alert().showAndWait();
        return answer.isPresent() && answer.get() == asked.demo();
    }

    /** The dialog, built and translated but not shown; {@code demo} is its "demo workspace" answer. */
    record Asked(Alert alert, ButtonType demo) {
    }

    static Asked build(UserPrefs prefs) {
        ButtonType demo = new ButtonType("", ButtonBar.ButtonData.YES);
        ButtonType empty = new ButtonType("", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", demo, empty);
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label languageLabel = new Label();
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("firstRunLanguage");
        language.getItems().setAll(Messages.CHINESE, Messages.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                // each language in its own words, so it can be found without reading the other
                return l == null ? "" : new Messages(l).get("settings.language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languageLabel.setLabelFor(language);
        HBox languageRow = new HBox(8, languageLabel, language);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        alert.getDialogPane().setContent(new VBox(14, languageRow, text));
        Runnable translate = () -> {
            Messages m = new Messages(language.getValue());
            Locale.setDefault(m.locale());
            alert.setTitle(m.get("app.title"));
            alert.setHeaderText(m.get("firstRun.header"));
            text.setText(m.get("firstRun.text"));
            languageLabel.setText(m.get("settings.language"));
            ((Button) alert.getDialogPane().lookupButton(demo)).setText(m.get("firstRun.demo"));
            ((Button) alert.getDialogPane().lookupButton(empty)).setText(m.get("firstRun.empty"));
            // the other language's words are longer or shorter: the buttons and the window follow them
            for (ButtonType b : List.of(demo, empty)) {
                Button button = (Button) alert.getDialogPane().lookupButton(b);
                ButtonBar.setButtonUniformSize(button, false);
                button.setMinWidth(Region.USE_PREF_SIZE);
            }
            if (alert.getDialogPane().getScene() != null && alert.getDialogPane().getScene().getWindow() != null) {
                alert.getDialogPane().applyCss();
                alert.getDialogPane().requestLayout();
                alert.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        language.setValue(AppContext.localeFrom(prefs));
        translate.run();
        language.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                prefs.put(UserPrefs.LANGUAGE, b.getLanguage());
                translate.run();
            }
        });
        return new Asked(alert, demo);
    }

}
