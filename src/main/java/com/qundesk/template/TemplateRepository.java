package com.qundesk.template;

import com.qundesk.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import static com.qundesk.db.Jdbc.insertedId;

/** SQL for templates, their versions and which version a group uses. */
public final class TemplateRepository {

    private static final String LATEST = "SELECT t.id, t.kind, t.name, t.language, t.builtin, v.id, v.version, v.body, "
            + "v.created_at FROM template t JOIN template_version v ON v.template_id = t.id "
            + "WHERE v.version = (SELECT max(version) FROM template_version WHERE template_id = t.id)";

    public List<Template> latest(Connection c) throws SQLException {
        List<Template> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LATEST + " ORDER BY t.kind, t.language, t.name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public Optional<Template> byVersionId(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.kind, t.name, t.language, t.builtin, v.id, "
                + "v.version, v.body, v.created_at FROM template t JOIN template_version v ON v.template_id = t.id "
                + "WHERE v.id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM template"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Makes the rest of the transaction wait while another copy of the app adds the starter library to the same team
     * workspace (two operators opening a new team workspace at once would otherwise both add it, and the second
     * open would fail on the library's unique names); nothing on a workspace file, which one copy opens at a time.
     */
    public void takeTurnToSeed(Connection c) throws SQLException {
        Dialect.of(c).takeTurn(c, "qundesk.template.seed");
    }

    /** Whether the connection's user may add templates (a team's read-only viewer may not). */
    public boolean mayAdd(Connection c) throws SQLException {
        return Dialect.of(c).mayInsert(c, "template") && Dialect.of(c).mayInsert(c, "template_version");
    }

    public long insertTemplate(Connection c, TemplateKind kind, String name, String language, boolean builtin)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO template (kind, name, language, builtin) VALUES (?,?,?,?) RETURNING id")) {
            ps.setString(1, kind.token());
            ps.setString(2, name);
            ps.setString(3, language);
            ps.setInt(4, builtin ? 1 : 0);
            return insertedId(ps);
        }
    }

    public long insertVersion(Connection c, long templateId, String body, Instant at) throws SQLException {
        int next;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(version), 0) + 1 FROM template_version WHERE template_id = ?")) {
            ps.setLong(1, templateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO template_version (template_id, version, body, created_at) VALUES (?,?,?,?) RETURNING id")) {
            ps.setLong(1, templateId);
            ps.setInt(2, next);
            ps.setString(3, body);
            ps.setLong(4, at.toEpochMilli());
            return insertedId(ps);
        }
    }

    public void useForGroup(Connection c, long groupId, TemplateKind kind, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_template (group_id, kind, template_version_id) "
                + "VALUES (?,?,?) ON CONFLICT (group_id, kind) DO UPDATE SET template_version_id = excluded.template_version_id")) {
            ps.setLong(1, groupId);
            ps.setString(2, kind.token());
            ps.setLong(3, versionId);
            ps.executeUpdate();
        }
    }

    public List<Template> usedByGroup(Connection c, long groupId) throws SQLException {
        List<Template> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, t.kind, t.name, t.language, t.builtin, v.id, "
                + "v.version, v.body, v.created_at FROM group_template g JOIN template_version v "
                + "ON v.id = g.template_version_id JOIN template t ON t.id = v.template_id WHERE g.group_id = ? "
                + "ORDER BY t.kind")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    private static Template map(ResultSet rs) throws SQLException {
        return new Template(rs.getLong(1), TemplateKind.fromToken(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getInt(5) == 1, rs.getLong(6), rs.getInt(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
    }
}
