package com.qundesk.app;

import com.qundesk.core.UserPrefs;
import com.qundesk.testsupport.TextAudit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start's dialog, as the operator sees it: in the language preselected, then in the other one picked in
 * its own combo box — nothing cut off, nothing in the other language, and the choice kept in the preferences.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunDialogUiTest {

    @TempDir
    Path dir;

    private final Locale defaultLocale = Locale.getDefault();
    private FirstRunDialog.Asked asked;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 320, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (asked != null) {
            robot.interact(() -> {
                asked.alert().setResult(ButtonType.CANCEL);
                asked.alert().close();
            });
        }
        Locale.setDefault(defaultLocale);
    }

    @Test
    void itSpeaksOneLanguageAtATimeAndSwitchesWhenAnotherIsPicked(FxRobot robot) {
        UserPrefs prefs = new UserPrefs(dir.resolve("settings.properties"));
        prefs.put(UserPrefs.LANGUAGE, "zh");
        robot.interact(() -> {
            asked = FirstRunDialog.build(prefs);
            asked.alert().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = asked.alert().getDialogPane();
        audit(true, pane);
        assertThat(pane.getHeaderText()).matches(".*[\\u4e00-\\u9fff].*");

        @SuppressWarnings("unchecked")
        ComboBox<Locale> language = (ComboBox<Locale>) pane.lookup("#firstRunLanguage");
        robot.interact(() -> language.setValue(language.getItems().stream()
                .filter(l -> l.getLanguage().equals("en")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            pane.applyCss();
            pane.layout();
        });
        audit(false, pane);
        assertThat(pane.getHeaderText()).doesNotMatch(".*[\\u4e00-\\u9fff].*");
        assertThat(prefs.get(UserPrefs.LANGUAGE, null)).isEqualTo("en");
    }

    private static void audit(boolean chinese, DialogPane pane) {
        // the combo box names each language in its own words: both are data here, not UI text
        TextAudit audit = new TextAudit(chinese, List.of("简体中文", "English"));
        audit.audit("first-run dialog", pane);
        assertThat(audit.findings()).as(chinese ? "zh" : "en").isEmpty();
    }
}
