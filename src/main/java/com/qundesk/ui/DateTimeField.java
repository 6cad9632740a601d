package com.qundesk.ui;

import com.qundesk.i18n.LocalTimeNote;
import com.qundesk.i18n.Messages;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** A date picker and an HH:mm field, read and written as an instant in the operator's zone. */
public final class DateTimeField extends HBox {

    private final ZoneId zone;
    private final DatePicker date = new IsoDatePicker();
    private final TextField time = new TextField();
    /** Says when the local time shown does not exist or happens twice in the zone (a DST change). */
    private final Label note = new Label();

    public DateTimeField(ZoneId zone, Instant initial) {
        this(zone, initial, null);
    }

    /** With {@code m}, a note beside the field says when the time shown is skipped or doubled by a DST change. */
    public DateTimeField(ZoneId zone, Instant initial, Messages m) {
        super(6);
        this.zone = zone;
        time.setPrefColumnCount(5);
        time.setPromptText("HH:mm");
        note.getStyleClass().add("field-note");
        note.setWrapText(true);
        note.setManaged(false);
        note.setVisible(false);
        getChildren().addAll(date, time, note);
        setValue(initial);
        if (m != null) {
            date.valueProperty().addListener((o, a, b) -> updateNote(m));
            time.textProperty().addListener((o, a, b) -> updateNote(m));
            updateNote(m);
        }
    }

    private void updateNote(Messages m) {
        Instant v = value();
        String text = v == null ? null : LocalTimeNote.of(localValue(), zone, m).orElse(null);
        note.setText(text == null ? "" : text);
        note.setVisible(text != null);
        note.setManaged(text != null);
    }

    /** The text of the DST note beside the field (empty when the time shown is an ordinary one). */
    public Label note() {
        return note;
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
        LocalDateTime local = localValue();
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private LocalDateTime localValue() {
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
            return d.atTime(LocalTime.parse(t));
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
