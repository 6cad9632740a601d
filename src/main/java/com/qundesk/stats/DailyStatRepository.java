package com.qundesk.stats;

import com.qundesk.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.setInt;

/**
 * The owner of the {@code daily_stat} table: the one place that writes a group's daily stats (from a chat import or
 * a ledger file) and reads them back (for the ledger, the dashboard's window aggregates and {@code stats daily}).
 */
public final class DailyStatRepository {

    /** One group's day of imported activity, as {@code stats daily} prints it. */
    public record DayRow(long groupId, String externalId, String groupName, LocalDate day, int messages,
                         int speakers, double top3Share, int joins, int removals, Integer leaves, int ownerMessages,
                         int flaggedAds, Integer members) {
    }

    /** One group's daily stats summed over a window, as the value metrics read them. */
    public record Totals(long groupId, int days, long messages, long joins, long leaves, int leaveDaysKnown,
                         long removals, long flaggedAds, long ownerMessages, double top3Weighted, int daysAbove100,
                         double membersSum, int membersDays) {
    }

    /** A group's worst day for leaving in a window: leavers as a share of that day's members. */
    public record LeavePeak(LocalDate day, double share) {
    }

    /** Writes one day's stats for a group, replacing what was there; true when anything changed. */
    public boolean upsert(Connection c, DailyStat s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_stat AS d (group_id, day, members, joins, leaves, "
                + "removals, messages, speakers, top3_share, owner_messages, flagged_ads, source) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (group_id, day) DO UPDATE SET "
                + "members=excluded.members, joins=excluded.joins, leaves=excluded.leaves, removals=excluded.removals, "
                + "messages=excluded.messages, speakers=excluded.speakers, top3_share=excluded.top3_share, "
                + "owner_messages=excluded.owner_messages, flagged_ads=excluded.flagged_ads, source=excluded.source "
                + "WHERE d.members IS DISTINCT FROM excluded.members OR d.joins <> excluded.joins "
                + "OR d.leaves IS DISTINCT FROM excluded.leaves OR d.removals <> excluded.removals "
                + "OR d.messages <> excluded.messages OR d.speakers <> excluded.speakers "
                + "OR d.top3_share <> excluded.top3_share OR d.owner_messages <> excluded.owner_messages "
                + "OR d.flagged_ads <> excluded.flagged_ads")) {
            ps.setLong(1, s.groupId());
            ps.setLong(2, s.day().toEpochDay());
            setInt(ps, 3, s.members());
            ps.setInt(4, s.joins());
            setInt(ps, 5, s.leaves());
            ps.setInt(6, s.removals());
            ps.setInt(7, s.messages());
            ps.setInt(8, s.speakers());
            ps.setDouble(9, s.top3Share());
            ps.setInt(10, s.ownerMessages());
            ps.setInt(11, s.flaggedAds());
            ps.setString(12, s.source());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Writes the imported stats of one group's day (epoch day), keeping a known member count or leave count where
     * the import knows none; the row's source becomes {@code import}.
     */
    public void upsertImported(Connection c, long groupId, long day, Integer members, long joins, Integer leaves,
                               long removals, long messages, int speakers, double top3Share, long ownerMessages,
                               long flaggedAds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_stat AS d (group_id, day, members, joins, leaves, "
                + "removals, messages, speakers, top3_share, owner_messages, flagged_ads, source) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,'import') ON CONFLICT (group_id, day) DO UPDATE SET "
                + "members = coalesce(excluded.members, d.members), joins = excluded.joins, "
                + "leaves = coalesce(excluded.leaves, d.leaves), removals = excluded.removals, "
                + "messages = excluded.messages, speakers = excluded.speakers, top3_share = excluded.top3_share, "
                + "owner_messages = excluded.owner_messages, flagged_ads = excluded.flagged_ads, source = 'import'")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            setInt(ps, 3, members);
            ps.setLong(4, joins);
            setInt(ps, 5, leaves);
            ps.setLong(6, removals);
            ps.setLong(7, messages);
            ps.setInt(8, speakers);
            ps.setDouble(9, top3Share);
            ps.setLong(10, ownerMessages);
            ps.setLong(11, flaggedAds);
            ps.executeUpdate();
        }
    }

    /** Removes the imported stats of one group's day (epoch day); a hand-entered row is kept as it was. */
    public void deleteImported(Connection c, long groupId, long day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM daily_stat WHERE group_id=? AND day=? "
                + "AND source='import'")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            ps.executeUpdate();
        }
    }

    /** The stats of the days from..to, of one group or (groupId null) of all, by group and day. */
    public List<DailyStat> stats(Connection c, Long groupId, LocalDate from, LocalDate to) throws SQLException {
        String sql = "SELECT group_id, day, members, joins, leaves, removals, messages, speakers, top3_share, "
                + "owner_messages, flagged_ads, source FROM daily_stat WHERE day BETWEEN ? AND ?"
                + (groupId == null ? "" : " AND group_id = ?") + " ORDER BY group_id, day";
        List<DailyStat> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from.toEpochDay());
            ps.setLong(2, to.toEpochDay());
            if (groupId != null) {
                ps.setLong(3, groupId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DailyStat(rs.getLong(1), LocalDate.ofEpochDay(rs.getLong(2)), getInt(rs, 3),
                            rs.getInt(4), getInt(rs, 5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getDouble(9),
                            rs.getInt(10), rs.getInt(11), rs.getString(12)));
                }
            }
        }
        return out;
    }

    /** The days with any activity, with their group's name, for {@code stats daily}; null bounds read everything. */
    public List<DayRow> daily(Connection c, Long groupId, LocalDate from, LocalDate to) throws SQLException {
        List<DayRow> out = new ArrayList<>();
        String sql = "SELECT s.group_id, g.external_id, g.name, s.day, s.messages, s.speakers, s.top3_share, s.joins, "
                + "s.removals, s.leaves, s.owner_messages, s.flagged_ads, s.members FROM daily_stat s "
                + "JOIN chat_group g ON g.id = s.group_id WHERE s.day BETWEEN ? AND ?"
                + (groupId == null ? "" : " AND s.group_id = ?")
                + " AND (s.messages > 0 OR s.joins > 0 OR s.removals > 0 OR coalesce(s.leaves, 0) > 0 "
                + "OR s.flagged_ads > 0) ORDER BY "
                + Dialect.of(c).byBytes("coalesce(g.external_id, CAST(g.id AS TEXT))") + ", s.day";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from == null ? Long.MIN_VALUE : from.toEpochDay());
            ps.setLong(2, to == null ? Long.MAX_VALUE : to.toEpochDay());
            if (groupId != null) {
                ps.setLong(3, groupId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer leaves = rs.getObject(10) == null ? null : rs.getInt(10);
                    Integer members = rs.getObject(13) == null ? null : rs.getInt(13);
                    out.add(new DayRow(rs.getLong(1), rs.getString(2), rs.getString(3), LocalDate.ofEpochDay(rs.getLong(4)),
                            rs.getInt(5), rs.getInt(6), rs.getDouble(7), rs.getInt(8), rs.getInt(9), leaves,
                            rs.getInt(11), rs.getInt(12), members));
                }
            }
        }
        return out;
    }

    /**
     * Each group's stats summed over the days from..to of the groups {@code andGroups} keeps: one group's
     * ({@code " AND group_id = N"}, by the group-leading key) or the live groups of a scope
     * ({@code " AND group_id IN (…)"}).
     */
    public List<Totals> totals(Connection c, LocalDate from, LocalDate to, String andGroups) throws SQLException {
        String andScope = andGroups;
        List<Totals> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, count(*), sum(messages), sum(joins), "
                + "sum(coalesce(leaves, 0)), count(leaves), sum(removals), sum(flagged_ads), sum(owner_messages), "
                + "sum(top3_share * messages), sum(CASE WHEN messages > 100 THEN 1 ELSE 0 END), sum(members), "
                + "count(members) FROM daily_stat WHERE day BETWEEN ? AND ?" + andScope + " GROUP BY group_id")) {
            ps.setLong(1, from.toEpochDay());
            ps.setLong(2, to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Totals(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getInt(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10),
                            rs.getInt(11), rs.getDouble(12), rs.getInt(13)));
                }
            }
        }
        return out;
    }

    /**
     * Each group's worst day for leaving in the days from..to (the first such day on a tie), of one group or
     * of the groups {@code and} keeps (empty: all); groups without a day that has known members and leavers are absent.
     */
    public Map<Long, LeavePeak> leavePeaks(Connection c, LocalDate from, LocalDate to, String and)
            throws SQLException {
        Map<Long, LeavePeak> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, day, 1.0 * leaves / members FROM daily_stat "
                + "WHERE day BETWEEN ? AND ? AND members > 0 AND leaves > 0" + and)) {
            ps.setLong(1, from.toEpochDay());
            ps.setLong(2, to.toEpochDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double share = rs.getDouble(3);
                    LeavePeak peak = out.get(rs.getLong(1));
                    if (peak == null || share > peak.share()) {
                        out.put(rs.getLong(1), new LeavePeak(LocalDate.ofEpochDay(rs.getLong(2)), share));
                    }
                }
            }
        }
        return out;
    }
}
