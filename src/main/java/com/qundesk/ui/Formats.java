package com.qundesk.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the operator reads them: in their zone and language. */
public final class Formats {
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public Formats(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant i) {
        return i == null ? "" : dateTime.format(i);
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public LocalDate toDate(Instant i) {
        return i == null ? null : i.atZone(zone).toLocalDate();
    }

    /** The start of {@code d} in the operator's zone. */
    public Instant startOf(LocalDate d) {
        return d == null ? null : d.atStartOfDay(zone).toInstant();
    }
}
