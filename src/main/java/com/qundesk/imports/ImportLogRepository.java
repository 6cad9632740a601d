package com.qundesk.imports;

import com.qundesk.db.Dialect;
import com.qundesk.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of the import log: each run, the groups it fed, its rejections, the history and undo marks. */
public final class ImportLogRepository {

    /** A stored import, for the history. */
    public record ImportRun(long id, Instant startedAt, Instant finishedAt, String kind, String source,
                            String fileName, long fileSize, String format, String zone, long rowsRead,
                            long imported, long duplicates, long rejected, long skipped, Instant firstAt,
                            Instant lastAt, List<String> warnings, Instant undoneAt, List<String> groups) {
        public ImportRun {
            warnings = List.copyOf(warnings);
            groups = List.copyOf(groups);
        }

        public boolean undone() {
            return undoneAt != null;
        }
    }

    public long insertRun(Connection c, Instant started, String kind, String source, String fileName, long size,
                          String format, String zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (started_at, finished_at, kind, source, "
                + "file_name, file_size, format, zone) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, started.toEpochMilli());
            ps.setLong(2, started.toEpochMilli());
            ps.setString(3, kind);
            ps.setString(4, source);
            ps.setString(5, fileName);
            ps.setLong(6, size);
            ps.setString(7, format);
            ps.setString(8, zone);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void finishRun(Connection c, long id, Instant finished, long rowsRead, long imported, long duplicates,
                          long rejected, long skipped, Long firstAt, Long lastAt, List<String> warnings)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET finished_at=?, rows_read=?, imported=?, "
                + "duplicates=?, rejected=?, skipped=?, first_at=?, last_at=?, warnings=? WHERE id=?")) {
            ps.setLong(1, finished.toEpochMilli());
            ps.setLong(2, rowsRead);
            ps.setLong(3, imported);
            ps.setLong(4, duplicates);
            ps.setLong(5, rejected);
            ps.setLong(6, skipped);
            Jdbc.setLong(ps, 7, firstAt);
            Jdbc.setLong(ps, 8, lastAt);
            ps.setString(9, warnings.isEmpty() ? null : String.join(",", warnings));
            ps.setLong(10, id);
            ps.executeUpdate();
        }
    }

    public void insertImportGroup(Connection c, long importId, long groupId, String chatKey, long imported,
                                  long duplicates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_group (import_id, group_id, chat_key, "
                + "imported, duplicates) VALUES (?,?,?,?,?) ON CONFLICT (import_id, group_id, chat_key) DO UPDATE SET "
                + "imported = import_group.imported + excluded.imported, "
                + "duplicates = import_group.duplicates + excluded.duplicates")) {
            ps.setLong(1, importId);
            ps.setLong(2, groupId);
            ps.setString(3, Dialect.of(c).storable(chatKey));
            ps.setLong(4, imported);
            ps.setLong(5, duplicates);
            ps.executeUpdate();
        }
    }

    public void insertRejections(Connection c, long importId, List<Rejection> rejected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_rejection (import_id, seq, line, "
                + "message_key, args) VALUES (?,?,?,?,?)")) {
            int seq = 0;
            for (Rejection r : rejected) {
                ps.setLong(1, importId);
                ps.setInt(2, seq++);
                ps.setLong(3, r.line());
                ps.setString(4, r.messageKey());
                ps.setString(5, ArgsCodec.encode(r.messageArgs()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public List<Rejection> rejections(Connection c, long importId) throws SQLException {
        List<Rejection> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT line, message_key, args FROM import_rejection "
                + "WHERE import_id=? ORDER BY seq")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rejection(rs.getLong(1), rs.getString(2), ArgsCodec.decode(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** The runs' columns and the names of the groups each touched, joined by 、 in the groups' order. */
    private static String runColumns(Connection c) {
        return "SELECT r.id, r.started_at, r.finished_at, r.kind, r.source, "
                + "r.file_name, r.file_size, r.format, r.zone, r.rows_read, r.imported, r.duplicates, r.rejected, "
                + "r.skipped, r.first_at, r.last_at, r.warnings, r.undone_at, (SELECT "
                + Dialect.of(c).joinedText("g.name", "、", "g.id") + " FROM "
                + "(SELECT DISTINCT group_id FROM import_group WHERE import_id = r.id) ig JOIN chat_group g "
                + "ON g.id = ig.group_id) FROM import_run r ";
    }

    public List<ImportRun> runs(Connection c, int limit) throws SQLException {
        return query(c, runColumns(c) + "ORDER BY r.id DESC LIMIT ?", limit);
    }

    public List<ImportRun> runsForGroup(Connection c, long groupId) throws SQLException {
        return query(c, runColumns(c) + "WHERE r.id IN (SELECT import_id FROM import_group WHERE group_id = ?) "
                + "ORDER BY r.id DESC", groupId);
    }

    public ImportRun run(Connection c, long id) throws SQLException {
        List<ImportRun> one = query(c, runColumns(c) + "WHERE r.id = ?", id);
        return one.isEmpty() ? null : one.getFirst();
    }

    private static List<ImportRun> query(Connection c, String sql, long arg) throws SQLException {
        List<ImportRun> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(run(rs));
                }
            }
        }
        return out;
    }

    private static ImportRun run(ResultSet rs) throws SQLException {
        String w = rs.getString(17);
        String groups = rs.getString(19);
        return new ImportRun(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), instant(rs, 15),
                instant(rs, 16), w == null ? List.of() : List.of(w.split(",")),
                rs.getObject(18) == null ? null : Instant.ofEpochMilli(rs.getLong(18)),
                groups == null ? List.of() : List.of(groups.split("、")));
    }

    /** Message times (first/last message of a run) are epoch SECONDS, as the messages' own times are. */
    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochSecond(v);
    }

    public void markUndone(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_run SET undone_at=? WHERE id=?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
