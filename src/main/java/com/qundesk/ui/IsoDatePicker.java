package com.qundesk.ui;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A date picker that shows and reads dates as 2026-12-05, like every other date in the app, whatever the OS
 * locale (JavaFX's default converter printed 12/5/2026 on an American system). Typing 2026-12-5 or 2026/12/5
 * works too; anything else leaves the value unchanged.
 */
public class IsoDatePicker extends DatePicker {
    private static final DateTimeFormatter SHOW = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter READ = DateTimeFormatter.ofPattern("uuuu-M-d");

    public IsoDatePicker() {
        this(null);
    }

    public IsoDatePicker(LocalDate date) {
        super(date);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : SHOW.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.strip().replace('/', '-').replace('.', '-'), READ);
                } catch (DateTimeParseException e) {
                    return getValue();
                }
            }
        });
    }
}
