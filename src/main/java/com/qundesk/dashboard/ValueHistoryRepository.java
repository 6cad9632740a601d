package com.qundesk.dashboard;

import com.qundesk.group.GroupScope;
import com.qundesk.value.MetricsRepository;
import com.qundesk.value.ValueDimension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's history reads: one range scan of the value events and one of the outcomes over the trend's
 * windows, bucketed per group and window and per week as they are read (no row is kept).
 */
final class ValueHistoryRepository {

    /**
     * @param windowsWithValue per group, bit k set when trend window k holds a value event or an outcome > 0
     * @param weeks            value events per dimension, per week from the first week on
     */
    record Buckets(Map<Long, Integer> windowsWithValue, List<Map<ValueDimension, Integer>> weeks) {
    }

    /**
     * @param days        the local days of the scan, from the first trend day or the first week's Monday
     * @param trendOffset the first trend day's index in {@code days}
     * @param weekOffset  the first week's Monday's index in {@code days}
     * @param earliest    the first day of the trend's windows
     * @param day         the last day of the scan
     * @param scope       whose groups' rows (every group's of the scope, live or not: a dissolved group's value
     *                    still counts in its week)
     */
    Buckets scan(Connection c, DayIndex days, int trendOffset, int weekOffset, int windowDays, int weekCount,
                 LocalDate earliest, LocalDate day, GroupScope scope) throws SQLException {
        String and = scope.andGroupId();
        List<Map<ValueDimension, Integer>> weeks = new ArrayList<>();
        for (int i = 0; i < weekCount; i++) {
            weeks.add(new EnumMap<>(ValueDimension.class));
        }
        // each day of the six windows falls in exactly one of them: a bit per window and group
        Map<Long, Integer> windowsWithValue = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id, at, " + MetricsRepository.DIMENSION_ORDINAL + ", dimension FROM value_event "
                        + "WHERE at >= ? AND at < ?" + and)) {
            ps.setLong(1, days.startMillis());
            ps.setLong(2, days.endMillis());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int d = days.indexOf(rs.getLong(2));
                    if (d < 0) {
                        continue;
                    }
                    int t = d - trendOffset;
                    if (t >= 0) {
                        windowsWithValue.merge(rs.getLong(1), 1 << (t / windowDays), (x, y) -> x | y);
                    }
                    int w = d - weekOffset;
                    if (w >= 0) {
                        weeks.get(w / 7).merge(MetricsRepository.dimension(rs, 3, 4), 1, Integer::sum);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id, day FROM outcome WHERE day BETWEEN ? AND ? AND value > 0" + and)) {
            ps.setLong(1, earliest.toEpochDay());
            ps.setLong(2, day.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int t = (int) (rs.getLong(2) - earliest.toEpochDay());
                    windowsWithValue.merge(rs.getLong(1), 1 << (t / windowDays), (x, y) -> x | y);
                }
            }
        }
        return new Buckets(windowsWithValue, weeks);
    }
}
