package com.qundesk.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The local days from {@code first} to {@code last} in a zone, for turning many epoch-millisecond times into day
 * offsets by a binary search over the days' starts instead of a zone conversion per row (exact across DST changes).
 */
final class DayIndex {

    private final long[] starts;

    DayIndex(LocalDate first, LocalDate last, ZoneId zone) {
        int n = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        starts = new long[n + 1];
        for (int i = 0; i <= n; i++) {
            starts[i] = first.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    long startMillis() {
        return starts[0];
    }

    /** The start of the day after {@code last} (exclusive end). */
    long endMillis() {
        return starts[starts.length - 1];
    }

    /** The day's offset from {@code first} (0-based), or -1 outside the range. */
    int indexOf(long epochMillis) {
        if (epochMillis < starts[0] || epochMillis >= starts[starts.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(starts, epochMillis);
        return i >= 0 ? i : -i - 2;
    }
}
