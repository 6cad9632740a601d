package com.qundesk.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneRules;

/**
 * Lenient, fast reading of the times exporters write. Local times ({@code 2024-10-04 11:42:07}, {@code 2024/10/4 11:42},
 * {@code 6/3/2021 17:30}, with {@code T} or a space, with or without seconds or zero padding) are read in the given
 * zone; RFC 3339 times with an offset or {@code Z} keep their offset. Hand-written because it runs once per imported
 * message: a million rows must not go through {@code DateTimeFormatter}.
 */
public final class LocalTimes {

    /** A parsed time: the UTC epoch second and whether the text carried seconds. */
    public record Parsed(long epochSecond, boolean hasSeconds) {
    }

    private LocalTimes() {
    }

    /**
     * Parses {@code text} in {@code zone}; returns null when it is not a date-time QunDesk can read (or the date does
     * not exist, e.g. February 30).
     */
    public static Parsed parse(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1).strip(); // a BOM left on a first cell
        }
        int n = s.length();
        if (n < 8) {
            return null;
        }
        int[] f = new int[6];
        char[] seps = new char[6];
        int count = 0;
        int i = 0;
        while (i < n && count < 6) {
            int start = i;
            int v = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 4) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            f[count] = v;
            seps[count] = i < n ? s.charAt(i) : 0;
            count++;
            if (count == 6 || i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c != '-' && c != '/' && c != ':' && c != ' ' && c != 'T') {
                break;
            }
            if (count >= 4 && c != ':') {
                // after the hour only ':' goes on to minutes and seconds: "11:42+08:00", "11:42 -05:00" and
                // "11:42-05:00" end the time here and leave the offset (read as seconds before)
                break;
            }
            i++;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        if (count < 5) {
            return null;
        }
        int year;
        int month;
        int day;
        if (f[0] >= 1000) {
            year = f[0];
            month = f[1];
            day = f[2];
        } else if (f[2] >= 1000 && seps[0] == '/') {
            // M/D/YYYY, as spreadsheets re-save US-style dates
            month = f[0];
            day = f[1];
            year = f[2];
        } else {
            return null;
        }
        int hour = f[3];
        int minute = f[4];
        boolean hasSeconds = count >= 6;
        int second = hasSeconds ? f[5] : 0;
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return null;
        }
        if (second == 60) {
            second = 59;
        }
        if (hasSeconds && i < n && s.charAt(i) == '.') {
            // fractional seconds
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second));
        String rest = s.substring(i).strip();
        ZoneOffset offset;
        if (rest.isEmpty()) {
            offset = offsetOf(zone, local);
        } else {
            offset = parseOffset(rest);
            if (offset == null) {
                return null;
            }
        }
        return new Parsed(local.toEpochSecond(offset), hasSeconds);
    }

    private static ZoneOffset offsetOf(ZoneId zone, LocalDateTime local) {
        if (zone instanceof ZoneOffset o) {
            return o;
        }
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return rules.getOffset(java.time.Instant.EPOCH);
        }
        // a time in a DST gap or overlap takes the earlier offset, as ZonedDateTime.of does
        return rules.getValidOffsets(local).isEmpty()
                ? rules.getTransition(local).getOffsetBefore()
                : rules.getValidOffsets(local).getFirst();
    }

    private static ZoneOffset parseOffset(String rest) {
        if (rest.equals("Z") || rest.equals("z") || rest.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(rest.length() == 5 && (rest.charAt(0) == '+' || rest.charAt(0) == '-')
                    ? rest.substring(0, 3) + ":" + rest.substring(3) : rest);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Parses an RFC 3339 / ISO offset date-time strictly; null when it is not one. */
    public static Long parseOffsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toEpochSecond();
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    /** A plausible message time: between 2000-01-01 and 2100-01-01 (anything else is an absurd value). */
    public static boolean plausible(long epochSecond) {
        return epochSecond >= 946_684_800L && epochSecond < 4_102_444_800L;
    }
}
