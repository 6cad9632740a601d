package com.qundesk.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the operator table (a login's display name, whether it is a lead) and the operators the workspace knows. */
public final class OperatorRepository {

    /** Every login with a display name, by login. */
    public Map<String, String> displayNames(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT login, display_name FROM operator ORDER BY login");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    public void setDisplayName(Connection c, String login, String displayName, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator (login, display_name, updated_at) "
                + "VALUES (?,?,?) ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, "
                + "updated_at = excluded.updated_at")) {
            ps.setString(1, login);
            ps.setString(2, displayName);
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /**
     * Makes {@code login} a lead (or not): a lead watches the whole portfolio and is told of every overdue item. A
     * login the table does not know yet gets a row, shown by the login itself.
     */
    public void setLead(Connection c, String login, boolean lead, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator (login, display_name, lead, updated_at) "
                + "VALUES (?,?,?,?) ON CONFLICT (login) DO UPDATE SET lead = excluded.lead, "
                + "updated_at = excluded.updated_at")) {
            ps.setString(1, login);
            ps.setString(2, login);
            ps.setInt(3, lead ? 1 : 0);
            ps.setLong(4, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The leads' logins, sorted. */
    public List<String> leads(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT login FROM operator WHERE lead = 1 ORDER BY login");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every operator the workspace knows: named ones, assignees of groups and campaigns, and authors of history. */
    public List<String> known(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT login FROM operator "
                + "UNION SELECT assignee FROM chat_group WHERE assignee IS NOT NULL "
                + "UNION SELECT assignee FROM campaign WHERE assignee IS NOT NULL "
                + "UNION SELECT actor FROM group_history WHERE actor IS NOT NULL ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The operators groups are assigned to, sorted (by {@code ix_group_assignee}). */
    public List<String> groupAssignees(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT assignee FROM chat_group WHERE assignee IS NOT NULL ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Whether any group or campaign is assigned to anybody (one index step each). */
    public boolean anyAssigned(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN EXISTS (SELECT 1 FROM chat_group WHERE "
                + "assignee IS NOT NULL) OR EXISTS (SELECT 1 FROM campaign WHERE assignee IS NOT NULL) THEN 1 ELSE 0 END");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /** The assignee of every assigned group, by group id. */
    public Map<Long, String> assigneeOfGroups(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, assignee FROM chat_group WHERE assignee IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }
}
