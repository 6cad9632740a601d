package com.qundesk.cli;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;

import com.qundesk.i18n.LocalTimeNote;
import com.qundesk.i18n.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * The instant {@code text} (an ISO duration) after {@code start}: years, months, weeks and days are calendar
     * units in {@code zone} (P1D across a DST change is 23 or 25 hours, the same wall-clock time next day, as the
     * activity and camp presets count), hours, minutes and seconds exact.
     */
    static Instant after(Instant start, String text, ZoneId zone, String option) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        try {
            int tee = t.indexOf('T');
            String datePart = tee < 0 ? t : t.substring(0, tee);
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration time = tee < 0 ? Duration.ZERO : Duration.parse("P" + t.substring(tee));
            if (period.isNegative() || time.isNegative() || (period.isZero() && time.isZero())) {
                throw new DateTimeParseException("not positive", t, 0);
            }
            return start.atZone(zone).plus(period).toInstant().plus(time);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ValidationException(FieldError.of(option, "cli.error.duration", option, text));
        }
    }

    /**
     * What to tell the operator about the local date-time {@code text} in {@code zone}: that it does not exist
     * (skipped by a spring-forward change) or happens twice (a fall-back change), and how it was read. Empty for
     * instants, dates and ordinary local times.
     */
    static Optional<String> note(String text, ZoneId zone, Messages m) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(text.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return LocalTimeNote.of(local, zone, m);
    }
}
