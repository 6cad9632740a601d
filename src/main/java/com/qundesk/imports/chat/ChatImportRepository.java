package com.qundesk.imports.chat;

import com.qundesk.db.Dialect;
import com.qundesk.stats.DailyStatRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SQL of chat imports: messages, senders, member snapshots, the day aggregates and the daily stats they feed. */
public final class ChatImportRepository {

    private final DailyStatRepository dailyStats = new DailyStatRepository();

    /**
     * Readies an import's transaction. SQLite: a 64 MiB page cache for this connection (a million-row import touches
     * many b-tree pages). PostgreSQL: the import lock ({@link #takeImportLock}).
     */
    public void prepareForBulk(Connection c) throws SQLException {
        if (Dialect.of(c) == Dialect.SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = -65536");
            }
        } else {
            takeImportLock(c);
        }
    }

    /**
     * Waits until no other import or undo runs on the workspace, then holds it off until this transaction ends: on a
     * team server, operators importing overlapping exports at once each store a message once and recompute the
     * daily stats from everything stored. A SQLite file has one writer at a time already: nothing to do there.
     */
    public void takeImportLock(Connection c) throws SQLException {
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            ChatMessageCopyRepository.takeImportLock(c);
        }
    }

    /** Every sender of a group: key → id. */
    public Map<String, Integer> senders(Connection c, long groupId) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        Dialect dialect = Dialect.of(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT sender_key, id FROM chat_sender WHERE group_id=?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(dialect.fromStored(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return out;
    }

    public PreparedStatement senderInsert(Connection c) throws SQLException {
        return c.prepareStatement("INSERT INTO chat_sender (group_id, sender_key, display_name) VALUES (?,?,?)",
                Statement.RETURN_GENERATED_KEYS);
    }

    public int insertSender(PreparedStatement ps, long groupId, String key, String name) throws SQLException {
        Dialect dialect = Dialect.of(ps.getConnection());
        ps.setLong(1, groupId);
        ps.setString(2, dialect.storable(key));
        ps.setString(3, dialect.storable(name));
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static final String MESSAGE_COLUMNS = "INSERT %s INTO chat_message (group_id, at, sender_id, kind, seq, "
            + "day, flags, joins, removals, import_id) VALUES ";

    /**
     * An insert of {@code rows} messages per statement for import {@code importId} (nine parameters a row:
     * group_id, at, sender_id, kind, seq, day, flags, joins, removals); {@code orIgnore} skips rows already stored.
     */
    public PreparedStatement messageInsert(Connection c, int rows, long importId, boolean orIgnore)
            throws SQLException {
        StringBuilder sql = new StringBuilder(String.format(MESSAGE_COLUMNS, orIgnore ? "OR IGNORE" : ""));
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,").append(importId).append(')');
        }
        return c.prepareStatement(sql.toString());
    }

    /** The message columns PostgreSQL's COPY sends ({@link ChatMessageCopyRepository}), in this order. */
    static final String COPIED_COLUMNS = "group_id, at, sender_id, kind, seq, day, flags, joins, removals, import_id";
    /** Moves a COPYed batch into chat_message, skipping rows stored before; returns each new row's staged index. */
    static final String MOVE_STAGED_MESSAGES = "WITH ins AS (INSERT INTO chat_message (" + COPIED_COLUMNS + ") SELECT "
            + COPIED_COLUMNS + " FROM chat_message_in ORDER BY idx ON CONFLICT DO NOTHING RETURNING group_id, at, "
            + "sender_id, kind, seq) SELECT s.idx FROM chat_message_in s "
            + "JOIN ins USING (group_id, at, sender_id, kind, seq)";
    /** Adds COPYed per-sender day counts to the day aggregates, as {@link #addDaySenders} does row by row. */
    static final String MOVE_STAGED_DAY_SENDERS = "INSERT INTO chat_day_sender (group_id, day, sender_id, messages) "
            + "SELECT group_id, day, sender_id, messages FROM chat_day_sender_in ON CONFLICT (group_id, day, sender_id) "
            + "DO UPDATE SET messages = chat_day_sender.messages + excluded.messages";

    /** Does the group (1) have a stored per-sender count between two days (2, 3)? */
    static final String STORED_DAY_SENDER_PROBE =
            "SELECT 1 FROM chat_day_sender WHERE group_id = ? AND day BETWEEN ? AND ? LIMIT 1";
    /** The first and last second of the group's (1) stored messages (nulls when it has none). */
    static final String STORED_MESSAGE_RANGE = "SELECT min(at), max(at) FROM chat_message WHERE group_id = ?";

    /** One parameterised probe: does the group (1) have a stored message between two seconds (2, 3)? */
    public PreparedStatement messageRangeProbe(Connection c) throws SQLException {
        return c.prepareStatement("SELECT 1 FROM chat_message WHERE group_id = ? AND at BETWEEN ? AND ? LIMIT 1");
    }

    /** Adds per-sender message counts to the day aggregates. */
    public void addDaySenders(Connection c, List<long[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (Dialect.of(c) == Dialect.POSTGRESQL) {
            new ChatMessageCopyRepository(c).addDaySenders(rows);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_day_sender (group_id, day, sender_id, "
                + "messages) VALUES (?,?,?,?) ON CONFLICT (group_id, day, sender_id) DO UPDATE SET "
                + "messages = chat_day_sender.messages + excluded.messages")) {
            for (long[] r : rows) {
                for (int i = 0; i < 4; i++) {
                    ps.setLong(i + 1, r[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Takes per-sender counts (given negative) back out of the day aggregates. */
    private void subtractDaySenders(Connection c, List<long[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chat_day_sender SET messages = "
                + Dialect.of(c).larger("0", "messages + ?") + " WHERE group_id=? AND day=? AND sender_id=?")) {
            for (long[] r : rows) {
                ps.setLong(1, r[3]);
                ps.setLong(2, r[0]);
                ps.setLong(3, r[1]);
                ps.setLong(4, r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_day_sender WHERE group_id=? AND day=? "
                + "AND sender_id=? AND messages <= 0")) {
            for (long[] r : rows) {
                ps.setLong(1, r[0]);
                ps.setLong(2, r[1]);
                ps.setLong(3, r[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Takes day counts (given negative) back out of the day aggregates. */
    private void subtractDays(Connection c, List<long[]> rows) throws SQLException {
        StringBuilder set = new StringBuilder();
        for (String col : new String[]{"messages", "owner_messages", "joins", "removals", "flagged_ads", "notices"}) {
            set.append(set.isEmpty() ? "" : ", ").append(col).append(" = ")
                    .append(Dialect.of(c).larger("0", col + " + ?"));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE chat_day SET " + set + " WHERE group_id=? AND day=?")) {
            for (long[] r : rows) {
                for (int i = 0; i < 6; i++) {
                    ps.setLong(i + 1, r[i + 2]);
                }
                ps.setLong(7, r[0]);
                ps.setLong(8, r[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM chat_day WHERE group_id=? AND day=? "
                + "AND messages = 0 AND notices = 0")) {
            for (long[] r : rows) {
                ps.setLong(1, r[0]);
                ps.setLong(2, r[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Adds to the day aggregates: messages, owner, joins, removals, ads, notices. */
    public void addDays(Connection c, List<long[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chat_day AS d (group_id, day, messages, owner_messages, "
                + "joins, removals, flagged_ads, notices) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (group_id, day) DO UPDATE "
                + "SET messages = d.messages + excluded.messages, "
                + "owner_messages = d.owner_messages + excluded.owner_messages, joins = d.joins + excluded.joins, "
                + "removals = d.removals + excluded.removals, flagged_ads = d.flagged_ads + excluded.flagged_ads, "
                + "notices = d.notices + excluded.notices")) {
            for (long[] r : rows) {
                for (int i = 0; i < 8; i++) {
                    ps.setLong(i + 1, r[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Writes the daily stats of one group's day from the aggregates and member snapshots: the row the dashboard
     * reads. A day left with nothing imported loses its imported row (a hand-entered one is kept as it was).
     */
    public void refreshDailyStat(Connection c, long groupId, long day) throws SQLException {
        long[] d = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT messages, owner_messages, joins, removals, flagged_ads, "
                + "notices FROM chat_day WHERE group_id=? AND day=?")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    d = new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6)};
                }
            }
        }
        int speakers = 0;
        long top3 = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT messages FROM chat_day_sender WHERE group_id=? AND day=? "
                + "AND sender_id <> 0 AND messages > 0 ORDER BY messages DESC")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (speakers < 3) {
                        top3 += rs.getLong(1);
                    }
                    speakers++;
                }
            }
        }
        Integer members = null;
        Integer leaves = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM member_snapshot WHERE group_id=? AND day=? "
                + "ORDER BY taken_at DESC LIMIT 1")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    members = rs.getInt(1);
                }
            }
        }
        if (members != null) {
            leaves = leavesOnDay(c, groupId, day);
        }
        // WeCom member lists carry each member's join time: joins of that day, when notices say less
        int wecomJoins = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM wecom_member WHERE group_id=? AND join_day=?")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                wecomJoins = rs.getInt(1);
            }
        }
        if (wecomJoins > 0 && (d == null || d[2] < wecomJoins)) {
            if (d == null) {
                d = new long[6];
            }
            d[2] = wecomJoins;
        }
        if (d == null && members == null) {
            dailyStats.deleteImported(c, groupId, day);
            return;
        }
        long messages = d == null ? 0 : d[0];
        double share = messages == 0 ? 0 : Math.round(10_000.0 * top3 / messages) / 10_000.0;
        dailyStats.upsertImported(c, groupId, day, members, d == null ? 0 : d[2], leaves, d == null ? 0 : d[3],
                messages, speakers, share, d == null ? 0 : d[1], d == null ? 0 : d[4]);
    }

    /** Members of the day's last snapshot's predecessor who are missing from it, summed over that day's snapshots. */
    private Integer leavesOnDay(Connection c, long groupId, long day) throws SQLException {
        List<String[]> snaps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT members FROM member_snapshot WHERE group_id=? AND ("
                + "day=? OR taken_at = (SELECT max(taken_at) FROM member_snapshot WHERE group_id=? AND day<?)) "
                + "ORDER BY taken_at")) {
            ps.setLong(1, groupId);
            ps.setLong(2, day);
            ps.setLong(3, groupId);
            ps.setLong(4, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String m = rs.getString(1);
                    snaps.add(m.isEmpty() ? new String[0] : m.split("\n"));
                }
            }
        }
        boolean hasPrevious = snaps.size() > 1;
        int leaves = 0;
        for (int i = 1; i < snaps.size(); i++) {
            java.util.Set<String> now = java.util.Set.of(snaps.get(i));
            for (String m : snaps.get(i - 1)) {
                if (!now.contains(m)) {
                    leaves++;
                }
            }
        }
        return hasPrevious ? leaves : null;
    }

    public void insertSnapshot(Connection c, long groupId, long takenAt, long day, List<String> members,
                               long importId) throws SQLException {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(members));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_snapshot (group_id, taken_at, day, size, "
                + "members, import_id) VALUES (?,?,?,?,?,?) ON CONFLICT (group_id, taken_at) DO NOTHING")) {
            ps.setLong(1, groupId);
            ps.setLong(2, takenAt);
            ps.setLong(3, day);
            ps.setInt(4, sorted.size());
            ps.setString(5, String.join("\n", sorted));
            ps.setLong(6, importId);
            ps.executeUpdate();
        }
    }

    /** The day of the first snapshot after {@code takenAt} (its leaves change when a snapshot is put before it). */
    public Long nextSnapshotDay(Connection c, long groupId, long takenAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT day FROM member_snapshot WHERE group_id=? AND taken_at>? "
                + "ORDER BY taken_at LIMIT 1")) {
            ps.setLong(1, groupId);
            ps.setLong(2, takenAt);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Takes an import's messages back out of the aggregates and deletes them, and its member snapshots; returns the
     * (group, day) pairs whose daily stats must be refreshed.
     */
    public List<long[]> removeImport(Connection c, long importId) throws SQLException {
        List<long[]> senders = new ArrayList<>();
        String range = importRange(c, importId);
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, day, sender_id, count(*) FROM chat_message "
                + "WHERE " + range + " AND (flags & 8) = 0 GROUP BY group_id, day, sender_id")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    senders.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), -rs.getLong(4)});
                }
            }
        }
        List<long[]> days = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, day, " + count("(flags & 8) = 0") + ", "
                + count("(flags & 9) = 1") + ", sum(joins), sum(removals), " + count("(flags & 2) = 2") + ", "
                + count("(flags & 8) = 8") + " FROM chat_message WHERE " + range + " GROUP BY group_id, day")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] r = new long[8];
                    r[0] = rs.getLong(1);
                    r[1] = rs.getLong(2);
                    for (int i = 2; i < 8; i++) {
                        r[i] = -rs.getLong(i + 1);
                    }
                    days.add(r);
                }
            }
        }
        subtractDaySenders(c, senders);
        subtractDays(c, days);
        List<long[]> touched = new ArrayList<>();
        for (long[] d : days) {
            touched.add(new long[]{d[0], d[1]});
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, day, taken_at FROM member_snapshot "
                + "WHERE import_id=?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(new long[]{rs.getLong(1), rs.getLong(2)});
                    touched.add(new long[]{rs.getLong(1), Long.MIN_VALUE, rs.getLong(3)});
                }
            }
        }
        for (String sql : new String[]{"DELETE FROM chat_message WHERE " + range,
                "DELETE FROM member_snapshot WHERE import_id=?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, importId);
                ps.executeUpdate();
            }
        }
        // the snapshot after a removed one now compares with an earlier list: its day changes too
        List<long[]> resolved = new ArrayList<>();
        for (long[] t : touched) {
            if (t.length == 3) {
                Long next = nextSnapshotDay(c, t[0], t[2]);
                if (next != null) {
                    resolved.add(new long[]{t[0], next});
                }
            } else {
                resolved.add(t);
            }
        }
        return resolved;
    }

    /** The number of a group's rows for which {@code condition} holds (PostgreSQL sums no booleans). */
    private static String count(String condition) {
        return "sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
    }

    /**
     * The WHERE clause (one parameter: the import id) that finds an import's messages through the primary key: its
     * groups and its time range, then the import id — chat_message has no index on import_id (see V4).
     */
    private static String importRange(Connection c, long importId) throws SQLException {
        long first = 0;
        long last = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT first_at, last_at FROM import_run WHERE id=?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    first = rs.getLong(1);
                    last = rs.getLong(2);
                }
            }
        }
        StringBuilder groups = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT group_id FROM import_group WHERE import_id=?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.append(groups.isEmpty() ? "" : ",").append(rs.getLong(1));
                }
            }
        }
        return "group_id IN (" + (groups.isEmpty() ? "NULL" : groups) + ") AND at BETWEEN " + first + " AND " + last
                + " AND import_id = ?";
    }
}
