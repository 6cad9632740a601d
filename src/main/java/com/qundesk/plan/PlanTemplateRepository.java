package com.qundesk.plan;

import com.qundesk.group.Purpose;
import com.qundesk.value.ValueDimension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.insertedId;
import static com.qundesk.db.Jdbc.setInt;

/** SQL for plan templates and their items. The plan items a template makes are written by {@link PlanRepository}. */
public final class PlanTemplateRepository {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Stores a template and its items; returns its id. */
    public long insert(Connection c, PlanTemplate t, Instant at) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_template (name, purpose, tag, created_at) "
                + "VALUES (?,?,?,?) RETURNING id")) {
            ps.setString(1, t.name());
            ps.setString(2, t.purpose() == null ? null : t.purpose().token());
            ps.setString(3, t.tag());
            ps.setLong(4, at.toEpochMilli());
            id = insertedId(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plan_template_item (template_id, dimension, title, "
                + "body, reach, rrule, time_of_day) VALUES (?,?,?,?,?,?,?)")) {
            for (PlanTemplateItem i : t.items()) {
                ps.setLong(1, id);
                ps.setString(2, i.dimension().token());
                ps.setString(3, i.title());
                ps.setString(4, i.body());
                setInt(ps, 5, i.reach());
                ps.setString(6, i.rrule());
                ps.setString(7, HH_MM.format(i.timeOfDay()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /** Whether a template of this name exists (names are unique). */
    public boolean nameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plan_template WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every template with its items, by name. */
    public List<PlanTemplate> all(Connection c) throws SQLException {
        Map<Long, List<PlanTemplateItem>> items = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT template_id, id, dimension, title, body, reach, rrule, "
                + "time_of_day FROM plan_template_item ORDER BY time_of_day, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PlanTemplateItem(rs.getLong(2),
                        ValueDimension.fromToken(rs.getString(3)), rs.getString(4), rs.getString(5), getInt(rs, 6),
                        rs.getString(7), LocalTime.parse(rs.getString(8), HH_MM)));
            }
        }
        List<PlanTemplate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, purpose, tag, created_at FROM plan_template "
                + "ORDER BY name, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String purpose = rs.getString(3);
                out.add(new PlanTemplate(id, rs.getString(2), purpose == null ? null : Purpose.fromToken(purpose),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), items.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    public Optional<PlanTemplate> find(Connection c, long id) throws SQLException {
        return all(c).stream().filter(t -> t.id() == id).findFirst();
    }

    /** Deletes a template and its items; the plan items it made stay, their template_id set to NULL by the key. */
    public void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM plan_template WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
