package com.qundesk.group;

import com.qundesk.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.getInt;
import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setInstant;
import static com.qundesk.db.Jdbc.setInt;
import static com.qundesk.db.Jdbc.setLong;
import static com.qundesk.db.Jdbc.insertedId;

/** SQL for groups, their tags and history. Callers pass the connection of their transaction. */
public final class GroupRepository {

    /**
     * The ids of the live groups (statuses for which {@link GroupStatus#isLive()} holds) as an SQL subquery, for the
     * queries of other repositories that read only the groups a portfolio judges.
     */
    public static final String LIVE_GROUP_IDS = "SELECT id FROM chat_group WHERE status IN ("
            + Arrays.stream(GroupStatus.values()).filter(GroupStatus::isLive).map(s -> "'" + s.token() + "'")
            .collect(Collectors.joining(", ")) + ")";

    private static final String COLUMNS = "id, platform, external_id, name, purpose, kind, owner, admins, "
            + "member_count, capacity, parent_id, rules, announcement, ad_policy, ad_fee_yuan, ad_weekday, "
            + "ad_hour_from, ad_hour_to, ad_thread_admin, status, created_at, reformed_at, dissolved_at, "
            + "dissolution_reason, notes, updated_at, assignee, version";

    public List<Group> findAll(Connection c) throws SQLException {
        Map<Long, List<String>> tags = allTags(c);
        List<Group> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM chat_group ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs, tags.getOrDefault(rs.getLong("id"), List.of())));
            }
        }
        return out;
    }

    /**
     * The registry's version token (V6), changed by every change to a group or its tags; empty inside a transaction
     * that has written and whose changes the token does not show yet (PostgreSQL bumps it at commit): then nothing
     * read may be kept.
     */
    public java.util.OptionalLong registryToken(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT token, " + Dialect.of(c).wroteUncounted()
                + " FROM registry_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getBoolean(2)) {
                return java.util.OptionalLong.empty();
            }
            return java.util.OptionalLong.of(rs.getLong(1));
        }
    }

    public Optional<Group> findById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM chat_group WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(map(rs, tagsOf(c, id)));
            }
        }
    }

    public Optional<Group> findByExternalId(Connection c, Platform platform, String externalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM chat_group WHERE platform = ? AND external_id = ?")) {
            ps.setString(1, platform.token());
            ps.setString(2, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong("id");
                return Optional.of(map(rs, tagsOf(c, id)));
            }
        }
    }

    public List<Group> findByName(Connection c, String name) throws SQLException {
        List<Group> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM chat_group WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs, List.of()));
                }
            }
        }
        List<Group> withTags = new ArrayList<>();
        for (Group g : out) {
            withTags.add(g.toBuilder().tags(tagsOf(c, g.id())).build());
        }
        return withTags;
    }

    public long insert(Connection c, Group g) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_group (platform, external_id, name, purpose, "
                + "kind, owner, admins, member_count, capacity, parent_id, rules, announcement, ad_policy, ad_fee_yuan, "
                + "ad_weekday, ad_hour_from, ad_hour_to, ad_thread_admin, status, created_at, reformed_at, "
                + "dissolved_at, dissolution_reason, notes, updated_at, assignee) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id")) {
            bind(ps, g, 1);
            id = insertedId(ps);
        }
        replaceTags(c, id, g.tags());
        return id;
    }

    /**
     * Writes {@code g} over the stored row if that row is still at {@code g.version()}, raising its version by one in
     * the same statement; false (nothing written) when another change moved the row on since — the check and the
     * write are one UPDATE, so two operators saving the same version can never both succeed.
     */
    public boolean update(Connection c, Group g) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chat_group SET platform=?, external_id=?, name=?, "
                + "purpose=?, kind=?, owner=?, admins=?, member_count=?, capacity=?, parent_id=?, rules=?, "
                + "announcement=?, ad_policy=?, ad_fee_yuan=?, ad_weekday=?, ad_hour_from=?, ad_hour_to=?, "
                + "ad_thread_admin=?, status=?, created_at=?, reformed_at=?, dissolved_at=?, dissolution_reason=?, "
                + "notes=?, updated_at=?, assignee=?, version = version + 1 WHERE id=? AND version=?")) {
            int next = bind(ps, g, 1);
            ps.setLong(next++, g.id());
            ps.setLong(next, g.version());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        }
        replaceTags(c, g.id(), g.tags());
        return true;
    }

    public boolean isBroadcast(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT broadcast FROM chat_group WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /** The ids of every group marked as a broadcast channel or shopping shelf. */
    public Set<Long> broadcastIds(Connection c) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chat_group WHERE broadcast = 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    public void setBroadcast(Connection c, long id, boolean broadcast) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chat_group SET broadcast = ? WHERE id = ?")) {
            ps.setInt(1, broadcast ? 1 : 0);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_group WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public int countChildren(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM chat_group WHERE parent_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Parent id of every group that has one: enough to check a new parent link for cycles. */
    public Map<Long, Long> parentLinks(Connection c) throws SQLException {
        Map<Long, Long> links = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, parent_id FROM chat_group WHERE parent_id IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return links;
    }

    /** A history row written by {@code actor}; {@code version}: the group's version the change made, or null. */
    public void addHistory(Connection c, long groupId, Instant at, String action, String field, String oldValue,
                           String newValue, String note, String actor, Long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_history (group_id, at, action, field, "
                + "old_value, new_value, note, actor, version) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, groupId);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, action);
            ps.setString(4, field);
            ps.setString(5, oldValue);
            ps.setString(6, newValue);
            ps.setString(7, note);
            ps.setString(8, actor);
            setLong(ps, 9, version);
            ps.executeUpdate();
        }
    }

    /** The group's history, newest first. */
    public List<HistoryEntry> history(Connection c, long groupId) throws SQLException {
        return history(c, groupId, "", "ORDER BY at DESC, id DESC");
    }

    /** The history rows of the changes that took the group past {@code version}, oldest first. */
    public List<HistoryEntry> historySince(Connection c, long groupId, long version) throws SQLException {
        return history(c, groupId, " AND version > " + version, "ORDER BY version, id");
    }

    private List<HistoryEntry> history(Connection c, long groupId, String where, String order) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, group_id, at, action, field, old_value, new_value, "
                + "note, actor, version FROM group_history WHERE group_id = ?" + where + " " + order)) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), getLong(rs, "version")));
                }
            }
        }
        return out;
    }

    private Map<Long, List<String>> allTags(Connection c) throws SQLException {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, tag FROM group_tag ORDER BY group_id, tag");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tags;
    }

    private List<String> tagsOf(Connection c, long id) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM group_tag WHERE group_id = ? ORDER BY tag")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        return tags;
    }

    private void replaceTags(Connection c, long id, List<String> tags) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM group_tag WHERE group_id = ?")) {
            del.setLong(1, id);
            del.executeUpdate();
        }
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO group_tag (group_id, tag) VALUES (?,?) ON CONFLICT DO NOTHING")) {
            for (String t : tags) {
                ins.setLong(1, id);
                ins.setString(2, t);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static int bind(PreparedStatement ps, Group g, int i) throws SQLException {
        ps.setString(i++, g.platform().token());
        ps.setString(i++, g.externalId());
        ps.setString(i++, g.name());
        ps.setString(i++, g.purpose().token());
        ps.setString(i++, g.kind().token());
        ps.setString(i++, g.owner());
        ps.setString(i++, g.admins().isEmpty() ? null : String.join("\n", g.admins()));
        ps.setInt(i++, g.memberCount());
        ps.setInt(i++, g.capacity());
        setLong(ps, i++, g.parentId());
        ps.setString(i++, g.rules());
        ps.setString(i++, g.announcement());
        AdPolicy ad = g.adPolicy();
        ps.setString(i++, ad.type().token());
        setInt(ps, i++, ad.feeYuan());
        setInt(ps, i++, ad.weekday() == null ? null : ad.weekday().getValue());
        setInt(ps, i++, ad.hourFrom());
        setInt(ps, i++, ad.hourTo());
        ps.setString(i++, ad.threadAdmin());
        ps.setString(i++, g.status().token());
        setInstant(ps, i++, g.createdAt());
        setInstant(ps, i++, g.reformedAt());
        setInstant(ps, i++, g.dissolvedAt());
        ps.setString(i++, g.dissolutionReason());
        ps.setString(i++, g.notes());
        setInstant(ps, i++, g.updatedAt());
        ps.setString(i++, g.assignee());
        return i;
    }

    private static Group map(ResultSet rs, List<String> tags) throws SQLException {
        String admins = rs.getString("admins");
        Integer weekday = getInt(rs, "ad_weekday");
        AdPolicy ad = new AdPolicy(AdPolicy.Type.fromToken(rs.getString("ad_policy")), getInt(rs, "ad_fee_yuan"),
                weekday == null ? null : DayOfWeek.of(weekday), getInt(rs, "ad_hour_from"), getInt(rs, "ad_hour_to"),
                rs.getString("ad_thread_admin"));
        return new Group(rs.getLong("id"), Platform.fromToken(rs.getString("platform")), rs.getString("external_id"),
                rs.getString("name"), Purpose.fromToken(rs.getString("purpose")),
                GroupKind.fromToken(rs.getString("kind")), rs.getString("owner"),
                admins == null ? List.of() : Arrays.asList(admins.split("\n")), rs.getInt("member_count"),
                rs.getInt("capacity"), getLong(rs, "parent_id"), tags, rs.getString("rules"),
                rs.getString("announcement"), ad, GroupStatus.fromToken(rs.getString("status")),
                getInstant(rs, "created_at"), getInstant(rs, "reformed_at"), getInstant(rs, "dissolved_at"),
                rs.getString("dissolution_reason"), rs.getString("notes"), getInstant(rs, "updated_at"),
                rs.getString("assignee"), rs.getLong("version"));
    }
}
