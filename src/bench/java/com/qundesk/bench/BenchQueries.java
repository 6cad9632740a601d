package com.qundesk.bench;

import com.qundesk.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The little SQL the benchmark needs of its own: what the built workspace holds, and a WAL checkpoint before copying. */
final class BenchQueries {

    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("groups", "SELECT count(*) FROM chat_group");
        COUNTS.put("flashGroups", "SELECT count(*) FROM flash_lifecycle");
        COUNTS.put("campaigns", "SELECT count(*) FROM campaign");
        COUNTS.put("valueEvents", "SELECT count(*) FROM value_event");
        COUNTS.put("outcomes", "SELECT count(*) FROM outcome");
        COUNTS.put("dailyStats", "SELECT count(*) FROM daily_stat");
        COUNTS.put("messages", "SELECT count(*) FROM chat_message");
        COUNTS.put("imports", "SELECT count(*) FROM import_run");
        COUNTS.put("groupHistory", "SELECT count(*) FROM group_history");
        COUNTS.put("reminders", "SELECT count(*) FROM reminder");
    }

    private BenchQueries() {
    }

    static Map<String, Long> counts(Database db) {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : COUNTS.entrySet()) {
                try (PreparedStatement ps = c.prepareStatement(e.getValue()); ResultSet rs = ps.executeQuery()) {
                    out.put(e.getKey(), rs.next() ? rs.getLong(1) : 0);
                }
            }
            return out;
        });
    }

    /** Moves everything in the WAL into the main file, so the file alone is the whole workspace. */
    static void checkpoint(Database db) {
        try (var c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (java.sql.SQLException e) {
            throw new com.qundesk.db.DataAccessException(e);
        }
    }

    /** {@code EXPLAIN QUERY PLAN} of a statement with its parameters bound, one line per plan row. */
    static List<String> plan(Database db, String sql, Object... params) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(4));
                    }
                }
            }
            return out;
        });
    }
}
