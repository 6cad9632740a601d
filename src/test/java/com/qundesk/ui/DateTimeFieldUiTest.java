package com.qundesk.ui;

import com.qundesk.i18n.Messages;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The date-time field says beside itself when the local time shown is skipped or doubled by a DST change. */
@ExtendWith(ApplicationExtension.class)
class DateTimeFieldUiTest {

    private DateTimeField field;

    @Start
    void start(Stage stage) {
        field = new DateTimeField(ZoneId.of("America/New_York"), Instant.parse("2027-03-10T17:00:00Z"),
                new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(field, 600, 80));
        stage.show();
    }

    @Test
    void aSkippedOrDoubledLocalTimeIsSaidAndAnOrdinaryOneIsNot(FxRobot robot) {
        assertThat(field.note().isVisible()).isFalse();

        robot.interact(() -> {
            field.datePicker().setValue(LocalDate.of(2027, 3, 14));
            field.timeField().setText("02:30");
        });
        assertThat(field.note().isVisible()).isTrue();
        assertThat(field.note().getText()).contains("2027-03-14T02:30 does not exist in America/New_York")
                .contains("read as 2027-03-14T03:30-04:00");
        assertThat(field.value()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));

        robot.interact(() -> {
            field.datePicker().setValue(LocalDate.of(2027, 11, 7));
            field.timeField().setText("01:30");
        });
        assertThat(field.note().getText()).contains("happens twice").contains("Write 2027-11-07T01:30-05:00");

        robot.interact(() -> field.timeField().setText("12:00"));
        assertThat(field.note().isVisible()).isFalse();
        assertThat(field.note().getText()).isEmpty();
    }
}
