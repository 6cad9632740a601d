package com.qundesk.value;

import com.qundesk.stats.DailyStat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setInt;
import static com.qundesk.db.Jdbc.setLong;

/** SQL for value events, outcomes and daily stats. */
public final class LedgerRepository {

    /** Inserts the event unless the same (group, time, dimension, title) is already there; true when added. */
    public boolean insertEvent(Connection c, ValueEvent e, Instant createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO value_event (group_id, campaign_id, at, dimension, "
                + "title, reach, note, created_at) VALUES (?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (group_id, at, dimension, title) DO NOTHING")) {
            ps.setLong(1, e.groupId());
            setLong(ps, 2, e.campaignId());
            ps.setLong(3, e.at().toEpochMilli());
            ps.setString(4, e.dimension().token());
            ps.setString(5, e.title());
            ps.setInt(6, e.reach());
            ps.setString(7, e.note());
            ps.setLong(8, createdAt.toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    public void updateEvent(Connection c, ValueEvent e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE value_event SET group_id=?, campaign_id=?, at=?, "
                + "dimension=?, title=?, reach=?, note=? WHERE id=?")) {
            ps.setLong(1, e.groupId());
            setLong(ps, 2, e.campaignId());
            ps.setLong(3, e.at().toEpochMilli());
            ps.setString(4, e.dimension().token());
            ps.setString(5, e.title());
            ps.setInt(6, e.reach());
            ps.setString(7, e.note());
            ps.setLong(8, e.id());
            ps.executeUpdate();
        }
    }

    public void deleteEvent(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM value_event WHERE id=?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Value events in [from, to), newest first; {@code groupId} null means every group. */
    public List<ValueEvent> events(Connection c, Long groupId, Instant from, Instant to) throws SQLException {
        String sql = "SELECT id, group_id, campaign_id, at, dimension, title, reach, note FROM value_event "
                + "WHERE at >= ? AND at < ?" + (groupId == null ? "" : " AND group_id = ?") + " ORDER BY at DESC, id DESC";
        List<ValueEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            if (groupId != null) {
                ps.setLong(3, groupId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ValueEvent(rs.getLong(1), rs.getLong(2), getLong(rs, 3), Instant.ofEpochMilli(rs.getLong(4)),
                            ValueDimension.fromToken(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** Sets the day's value for (group, day, type, campaign), replacing an earlier one; true when it changed. */
    public boolean upsertOutcome(Connection c, Outcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outcome (group_id, campaign_id, day, type, value) "
                + "VALUES (?,?,?,?,?) ON CONFLICT (group_id, day, type, coalesce(campaign_id, 0)) "
                + "DO UPDATE SET value = excluded.value WHERE value <> excluded.value")) {
            ps.setLong(1, o.groupId());
            setLong(ps, 2, o.campaignId());
            ps.setLong(3, o.day().toEpochDay());
            ps.setString(4, o.type().token());
            ps.setDouble(5, o.value());
            return ps.executeUpdate() == 1;
        }
    }

    public List<Outcome> outcomes(Connection c, Long groupId, LocalDate from, LocalDate to) throws SQLException {
        String sql = "SELECT group_id, campaign_id, day, type, value FROM outcome WHERE day BETWEEN ? AND ?"
                + (groupId == null ? "" : " AND group_id = ?") + " ORDER BY day, group_id, type";
        List<Outcome> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, from.toEpochDay());
            ps.setLong(2, to.toEpochDay());
            if (groupId != null) {
                ps.setLong(3, groupId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Outcome(rs.getLong(1), getLong(rs, 2), LocalDate.ofEpochDay(rs.getLong(3)),
                            OutcomeType.fromToken(rs.getString(4)), rs.getDouble(5)));
                }
            }
        }
        return out;
    }

    /** Writes one day's stats for a group, replacing what was there; true when anything changed. */
    public boolean upsertStat(Connection c, DailyStat s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_stat (group_id, day, members, joins, leaves, "
                + "removals, messages, speakers, top3_share, owner_messages, flagged_ads, source) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (group_id, day) DO UPDATE SET "
                + "members=excluded.members, joins=excluded.joins, leaves=excluded.leaves, removals=excluded.removals, "
                + "messages=excluded.messages, speakers=excluded.speakers, top3_share=excluded.top3_share, "
                + "owner_messages=excluded.owner_messages, flagged_ads=excluded.flagged_ads, source=excluded.source "
                + "WHERE members IS NOT excluded.members OR joins <> excluded.joins OR leaves IS NOT excluded.leaves "
                + "OR removals <> excluded.removals OR messages <> excluded.messages OR speakers <> excluded.speakers "
                + "OR top3_share <> excluded.top3_share OR owner_messages <> excluded.owner_messages "
                + "OR flagged_ads <> excluded.flagged_ads")) {
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
}
