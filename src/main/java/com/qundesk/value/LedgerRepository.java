package com.qundesk.value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setLong;

/** SQL for value events and outcomes. */
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
                + "DO UPDATE SET value = excluded.value WHERE outcome.value <> excluded.value")) {
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
}
