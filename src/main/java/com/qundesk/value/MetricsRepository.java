package com.qundesk.value;

import com.qundesk.group.GroupScope;
import com.qundesk.stats.DailyStatRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Aggregates every group's window in a handful of indexed range queries (value events by time, outcomes by day,
 * and the daily stats' by day through {@link DailyStatRepository}), so the cost grows with the window's rows, not
 * with the whole history.
 */
public final class MetricsRepository {

    private static final DailyStatRepository DAILY_STATS = new DailyStatRepository();

    private static final ValueDimension[] DIMENSIONS = ValueDimension.values();

    /**
     * A value event's dimension as its ordinal, computed in the query ({@code -1} for a token the schema's check
     * would refuse): the window scans read an int per row instead of making a string of the stored token.
     */
    public static final String DIMENSION_ORDINAL = java.util.Arrays.stream(ValueDimension.values())
            .map(d -> " WHEN '" + d.token() + "' THEN " + d.ordinal())
            .collect(java.util.stream.Collectors.joining("", "CASE dimension", " ELSE -1 END"));

    /** The dimension of a row with {@link #DIMENSION_ORDINAL} in column {@code ordinal} and the token in {@code token}. */
    public static ValueDimension dimension(ResultSet rs, int ordinal, int token) throws SQLException {
        int i = rs.getInt(ordinal);
        return i >= 0 ? DIMENSIONS[i] : ValueDimension.fromToken(rs.getString(token));
    }

    private MetricsRepository() {
    }

    /**
     * @param membersOf current member count per group, 0 when unknown: a known reach counts at most every member,
     *                  an unknown reach counts half of them
     * @param halfLife  recency half-life for value events
     * @param onlyGroup one group's id to read only its rows (by the group-leading indices), or null for every
     *                  live group (active or dissolution scheduled: the groups a portfolio judges)
     */
    public static Map<Long, GroupMetrics> compute(Connection c, LocalDate from, LocalDate to, ZoneId zone,
                                                  Duration halfLife, Function<Long, Integer> membersOf,
                                                  Long onlyGroup)
            throws SQLException {
        if (onlyGroup == null) {
            return ofScope(c, from, to, zone, halfLife, membersOf, GroupScope.TEAM);
        }
        String one = " AND group_id = " + onlyGroup.longValue();
        return compute(c, from, to, zone, halfLife, membersOf, "SELECT " + onlyGroup.longValue(), one, one);
    }

    /**
     * The live groups of {@code scope}: the team's (every live group, the range scans unrestricted) or one
     * operator's (every query restricted to their groups in the SQL).
     */
    public static Map<Long, GroupMetrics> ofScope(Connection c, LocalDate from, LocalDate to, ZoneId zone,
                                                  Duration halfLife, Function<Long, Integer> membersOf,
                                                  GroupScope scope)
            throws SQLException {
        return compute(c, from, to, zone, halfLife, membersOf, scope.liveGroupIds(), scope.andLiveGroupId(),
                " AND group_id IN (" + scope.liveGroupIds() + ")");
    }

    /**
     * @param scope  the group ids read by the per-group lookups, as an SQL subquery
     * @param and    the condition on {@code group_id} of the range scans and the leave peaks ({@code " AND …"}, or
     *               empty: every group's rows)
     * @param totals the condition on {@code group_id} of the daily stats' aggregate (never empty: live groups only)
     */
    private static Map<Long, GroupMetrics> compute(Connection c, LocalDate from, LocalDate to, ZoneId zone,
                                                   Duration halfLife, Function<Long, Integer> membersOf,
                                                   String scope, String and, String totals)
            throws SQLException {
        // the window's range scans read the covering day/time indices for all groups (rows of groups that are not
        // live are cheap there and simply not asked for); the per-group lookups and the daily-stat aggregate go by
        // the group-leading keys of the live groups only, which is what made them fast at 2,000 groups
        Map<Long, GroupMetrics> out = new HashMap<>();
        Function<Long, GroupMetrics> m = id -> out.computeIfAbsent(id, k -> new GroupMetrics(k, from, to));
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        double halfLifeMs = halfLife.toMillis();

        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id, at, " + DIMENSION_ORDINAL + ", reach, dimension FROM value_event "
                        + "WHERE at >= ? AND at < ?" + and)) {
            ps.setLong(1, start.toEpochMilli());
            ps.setLong(2, end.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    GroupMetrics g = m.apply(id);
                    ValueDimension d = dimension(rs, 3, 5);
                    g.eventsByDimension.merge(d, 1, Integer::sum);
                    int reach = rs.getInt(4);
                    g.reachSum += reach;
                    double age = end.toEpochMilli() - rs.getLong(2);
                    double weight = Math.pow(0.5, Math.max(0, age) / halfLifeMs);
                    int members = membersOf.apply(id);
                    double effectiveReach = members <= 0 ? reach : reach > 0 ? Math.min(reach, members) : 0.5 * members;
                    g.addReachTerm(weight * effectiveReach);
                }
            }
        }
        out.values().forEach(GroupMetrics::sumReachTerms);
        // the latest event and outcome per group: one backwards step in each group's index range (a GROUP BY over
        // the whole history read every row of every group: 9 and 5 ms at 50,000 events and 20,000 outcomes)
        try (PreparedStatement ps = c.prepareStatement("SELECT g.id, (SELECT max(v.at) FROM value_event v "
                + "WHERE v.group_id = g.id AND v.at < ?) FROM chat_group g WHERE g.id IN (" + scope + ")")) {
            ps.setLong(1, end.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(2);
                    if (!rs.wasNull()) {
                        m.apply(rs.getLong(1)).lastValueAt = Instant.ofEpochMilli(at);
                    }
                }
            }
        }
        firstEvidence(c, scope, zone, m);
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, type, sum(value) FROM outcome "
                + "WHERE day BETWEEN ? AND ?" + and + " GROUP BY group_id, type")) {
            ps.setLong(1, from.toEpochDay());
            ps.setLong(2, to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.apply(rs.getLong(1)).outcomes.put(OutcomeType.fromToken(rs.getString(2)), rs.getDouble(3));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT g.id, (SELECT o.day FROM outcome o "
                + "WHERE o.group_id = g.id AND o.day <= ? AND o.value > 0 ORDER BY o.day DESC LIMIT 1) "
                + "FROM chat_group g WHERE g.id IN (" + scope + ")")) {
            ps.setLong(1, to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long day = rs.getLong(2);
                    if (!rs.wasNull()) {
                        m.apply(rs.getLong(1)).lastOutcomeDay = LocalDate.ofEpochDay(day);
                    }
                }
            }
        }
        for (DailyStatRepository.Totals t : DAILY_STATS.totals(c, from, to, totals)) {
            GroupMetrics g = m.apply(t.groupId());
            g.statDays = t.days();
            g.messages = t.messages();
            g.joins = t.joins();
            g.leaves = t.leaves();
            g.leaveDaysKnown = t.leaveDaysKnown();
            g.removals = t.removals();
            g.flaggedAds = t.flaggedAds();
            g.ownerMessages = t.ownerMessages();
            g.top3Weighted = t.top3Weighted();
            g.daysAbove100 = t.daysAbove100();
            g.membersSum = t.membersSum();
            g.membersDays = t.membersDays();
        }
        // The worst day for leaving (leaves as a share of that day's members), per group.
        DAILY_STATS.leavePeaks(c, from, to, and).forEach((id, peak) -> {
            GroupMetrics g = m.apply(id);
            g.maxLeaveShare = peak.share();
            g.maxLeaveShareDay = peak.day();
        });
        return out;
    }

    /**
     * Each group's earliest evidence of life: its first daily stat, imported message, value event or outcome (one
     * step into each group-leading index). A rule judges age from it where the registry's date is missing or later.
     */
    private static void firstEvidence(Connection c, String scope, ZoneId zone, Function<Long, GroupMetrics> m)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.id, "
                + "(SELECT min(s.day) FROM daily_stat s WHERE s.group_id = g.id), "
                + "(SELECT min(o.day) FROM outcome o WHERE o.group_id = g.id), "
                + "(SELECT min(v.at) FROM value_event v WHERE v.group_id = g.id), "
                + "(SELECT min(x.at) FROM chat_message x WHERE x.group_id = g.id) "
                + "FROM chat_group g WHERE g.id IN (" + scope + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant first = null;
                for (int col = 2; col <= 5; col++) {
                    long v = rs.getLong(col);
                    if (rs.wasNull()) {
                        continue;
                    }
                    Instant at = col <= 3 ? LocalDate.ofEpochDay(v).atStartOfDay(zone).toInstant()
                            : Instant.ofEpochMilli(v);
                    first = first == null || at.isBefore(first) ? at : first;
                }
                if (first != null) {
                    m.apply(rs.getLong(1)).firstEvidenceAt = first;
                }
            }
        }
    }
}
