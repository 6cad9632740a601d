package com.qundesk.group.registry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a group's creation time as registries hold it: a date or date-time written by a person or a spreadsheet
 * ({@code 2024-03-05}, {@code 2024/3/5 10:30}, {@code 2024.3.5}, {@code 2024年3月5日}), an ISO time with an offset,
 * an Excel date serial (what an .xlsx date cell reads as: days since 1899-12-30, a fraction for the time), or epoch
 * seconds or milliseconds (WeCom's {@code create_time}). Times without an offset are in the operator's zone.
 */
final class RegistryDates {

    private static final Pattern LOCAL = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private RegistryDates() {
    }

    static Optional<Instant> parse(String text, ZoneId zone) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher m = LOCAL.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return Optional.of(LocalDateTime.of(d, t).atZone(zone).toInstant());
            }
            if (NUMBER.matcher(s).matches() && s.length() <= 24) {
                return number(s, zone);
            }
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> number(String s, ZoneId zone) {
        double v = Double.parseDouble(s);
        if (v >= 1e12 && v < 1e14 && s.indexOf('.') < 0) {
            return Optional.of(Instant.ofEpochMilli((long) v));
        }
        if (v >= 1e9 && v < 1e11 && s.indexOf('.') < 0) {
            return Optional.of(Instant.ofEpochSecond((long) v));
        }
        if (v >= 1 && v < 200_000) {
            long days = (long) Math.floor(v);
            long seconds = Math.round((v - days) * 86_400);
            return Optional.of(EXCEL_EPOCH.plusDays(days).atStartOfDay(zone).toInstant().plusSeconds(seconds));
        }
        return Optional.empty();
    }
}
