package com.qundesk.ui;

import com.qundesk.group.ui.GroupDialogs;
import com.qundesk.i18n.Messages;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DatePicker;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The UI language decides the texts JavaFX draws itself, whatever the OS (here: an American English JVM). */
@ExtendWith(ApplicationExtension.class)
class UiLanguageUiTest {

    private Locale before;

    @Start
    void start(Stage stage) {
        // nothing: the dialogs and controls under test bring their own windows
    }

    @BeforeEach
    void americanPc() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void aConfirmationInTheChineseUiHasChineseButtonsAndItsAnswerIsRead(FxRobot robot) throws Exception {
        Messages zh = new Messages(Messages.CHINESE);
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(GroupDialogs.confirm(null, zh, "删除这个群？", "删除后无法恢复。")));
        waitFor(() -> !robot.lookup(".dialog-pane .button").queryAllAs(Button.class).isEmpty());
        List<String> texts = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .map(Button::getText).toList();
        assertThat(texts).containsExactlyInAnyOrder("确定", "取消");
        Button ok = robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && ButtonBar.getButtonData(b) == ButtonBar.ButtonData.OK_DONE).queryButton();
        robot.interact(ok::fire);
        waitFor(() -> answer.get() != null);
        assertThat(answer.get()).isTrue();
    }

    @Test
    void datePickersShowAndReadIsoDatesOnAnAmericanPc(FxRobot robot) throws Exception {
        DatePicker picker = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            DatePicker p = new IsoDatePicker(LocalDate.of(2026, 12, 5));
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(p), 300, 100));
            stage.show();
            return p;
        }).get();
        assertThat(picker.getEditor().getText()).isEqualTo("2026-12-05");
        robot.interact(() -> {
            picker.getEditor().setText("2026/1/9");
            picker.setValue(picker.getConverter().fromString(picker.getEditor().getText()));
        });
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(picker.getEditor().getText()).isEqualTo("2026-01-09");
        robot.interact(() -> picker.getScene().getWindow().hide());
    }
}
