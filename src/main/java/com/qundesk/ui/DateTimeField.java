package com.qundesk.ui;

import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** A date picker and an HH:mm field, read and written as an instant in the operator's zone. */
public final class DateTimeField extends HBox {

    private final ZoneId zone;
    private final DatePicker date = new IsoDatePicker();
    private final TextField time = new TextField();

    public DateTimeField(ZoneId zone, Instant initial) {
        super(6);
        this.zone = zone;
        time.setPrefColumnCount(5);
        time.setPromptText("HH:mm");
        getChildren().addAll(date, time);
        setValue(initial);
    }

    public void setValue(Instant i) {
        if (i == null) {
            date.setValue(null);
            time.setText("");
            return;
        }
        ZonedDateTime z = i.atZone(zone);
        date.setValue(z.toLocalDate());
        time.setText(String.format("%02d:%02d", z.getHour(), z.getMinute()));
    }

    /** The instant shown, or null when the date is empty or the time is not HH:mm. */
    public Instant value() {
        LocalDate d = date.getValue();
        if (d == null) {
            return null;
        }
        String t = time.getText() == null ? "" : time.getText().strip();
        if (t.isEmpty()) {
            t = "00:00";
        }
        try {
            if (t.length() == 4 && t.charAt(1) == ':') {
                t = "0" + t;
            }
            return d.atTime(LocalTime.parse(t)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public DatePicker datePicker() {
        return date;
    }

    public TextField timeField() {
        return time;
    }
}
