package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setInt;
import static com.qundesk.db.Jdbc.setLong;
import static com.qundesk.db.Jdbc.insertedId;

/** SQL for plan items, what became of their occurrences and which occurrences were already announced. */
public final class PlanRepository {

    private static final String ITEM_COLUMNS = "id, group_id, dimension, title, body, reach, rrule, start_at, zone, "
            + "source, created_at, ended_at";

    public long insertItem(Connection c, PlanItem i, Long templateId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_item (group_id, dimension, title, body, reach, "
                + "rrule, start_at, zone, source, template_id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            ps.setLong(1, i.groupId());
            ps.setString(2, i.dimension().token());
            ps.setString(3, i.title());
            ps.setString(4, i.body());
            setInt(ps, 5, i.reach());
            ps.setString(6, i.rrule());
            ps.setLong(7, i.startAt().toEpochMilli());
            ps.setString(8, i.zone().getId());
            ps.setString(9, i.source().token());
            setLong(ps, 10, templateId);
            ps.setLong(11, i.createdAt().toEpochMilli());
            return insertedId(ps);
        }
    }

    public Optional<PlanItem> item(Connection c, long id) throws SQLException {
        List<PlanItem> found = items(c, "SELECT " + ITEM_COLUMNS + " FROM plan_item WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Items of one group ({@code groupId} non-null) or of every group, in start order. */
    public List<PlanItem> items(Connection c, Long groupId, boolean activeOnly) throws SQLException {
        String where = (groupId == null ? "1=1" : "group_id = ?") + (activeOnly ? " AND ended_at IS NULL" : "");
        return items(c, "SELECT " + ITEM_COLUMNS + " FROM plan_item WHERE " + where + " ORDER BY start_at, id",
                groupId);
    }

    /** The groups that already have items made by template {@code templateId} (ended ones count too). */
    public java.util.Set<Long> groupsWithTemplate(Connection c, long templateId) throws SQLException {
        java.util.Set<Long> out = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT group_id FROM plan_item WHERE template_id = ?")) {
            ps.setLong(1, templateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    public void endItem(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE plan_item SET ended_at = ? WHERE id = ? "
                + "AND ended_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Records an outcome unless the occurrence already has one; true when written. */
    public boolean insertDelivery(Connection c, Delivery d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_delivery (plan_item_id, occurrence, state, "
                + "value_event_id, reason, recorded_at) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT (plan_item_id, occurrence) DO NOTHING")) {
            ps.setLong(1, d.planItemId());
            ps.setLong(2, d.occurrence().toEpochMilli());
            ps.setString(3, d.state().token());
            setLong(ps, 4, d.valueEventId());
            ps.setString(5, d.reason());
            ps.setLong(6, d.recordedAt().toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Delivery> delivery(Connection c, long planItemId, Instant occurrence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_item_id, occurrence, state, value_event_id, reason, "
                + "recorded_at FROM plan_delivery WHERE plan_item_id = ? AND occurrence = ?")) {
            ps.setLong(1, planItemId);
            ps.setLong(2, occurrence.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapDelivery(rs)) : Optional.empty();
            }
        }
    }

    /** Outcomes of occurrences in [from, to), keyed by item id and occurrence millis. */
    public Map<Long, Map<Long, Delivery>> deliveries(Connection c, Instant from, Instant to) throws SQLException {
        Map<Long, Map<Long, Delivery>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT plan_item_id, occurrence, state, value_event_id, reason, "
                + "recorded_at FROM plan_delivery WHERE occurrence >= ? AND occurrence < ?")) {
            ps.setLong(1, from.toEpochMilli());
            ps.setLong(2, to.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Delivery d = mapDelivery(rs);
                    out.computeIfAbsent(d.planItemId(), k -> new HashMap<>()).put(d.occurrence().toEpochMilli(), d);
                }
            }
        }
        return out;
    }

    /** The value event just written for (group, time, dimension, title): the ledger's identity. */
    public Optional<Long> valueEventId(Connection c, long groupId, Instant at, ValueDimension d, String title)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM value_event WHERE group_id = ? AND at = ? "
                + "AND dimension = ? AND title = ?")) {
            ps.setLong(1, groupId);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, d.token());
            ps.setString(4, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Marks an occurrence as announced; false when it already was (each reminder is shown once). */
    public boolean markNoticed(Connection c, long planItemId, Instant occurrence, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_notice (plan_item_id, occurrence, noticed_at) "
                + "VALUES (?,?,?) ON CONFLICT (plan_item_id, occurrence) DO NOTHING")) {
            ps.setLong(1, planItemId);
            ps.setLong(2, occurrence.toEpochMilli());
            ps.setLong(3, at.toEpochMilli());
            return ps.executeUpdate() == 1;
        }
    }

    private List<PlanItem> items(Connection c, String sql, Long arg) throws SQLException {
        List<PlanItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlanItem(rs.getLong(1), rs.getLong(2), ValueDimension.fromToken(rs.getString(3)),
                            rs.getString(4), rs.getString(5), getInt(rs, 6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                            ZoneId.of(rs.getString(9)), PlanItem.Source.fromToken(rs.getString(10)),
                            Instant.ofEpochMilli(rs.getLong(11)), getInstant(rs, 12)));
                }
            }
        }
        return out;
    }

    private static Delivery mapDelivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                Delivery.State.fromToken(rs.getString(3)), getLong(rs, 4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
    }
}
