package com.qundesk.cli;

import com.qundesk.group.FieldError;
import com.qundesk.group.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the CLI's times: an instant (Z or offset), a local date-time or a date, in the operator's zone. */
final class CliTimes {

    private CliTimes() {
    }

    /** A date means its start ({@code endOfDay} false) or its last second ({@code endOfDay} true). */
    static Instant parse(String text, ZoneId zone, boolean endOfDay, String option) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the other forms
        }
        try {
            LocalDate d = LocalDate.parse(t);
            return endOfDay ? d.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)
                    : d.atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(FieldError.of(option, "cli.error.time", option, text));
        }
    }

    static Duration duration(String text, String option) {
        try {
            return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ValidationException(FieldError.of(option, "cli.error.duration", option, text));
        }
    }
}
