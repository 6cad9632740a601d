package com.qundesk.reliability;

import com.qundesk.db.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every row of every table of a workspace, keyed by table and primary key, to tell what an import changed. Tables
 * are read from the schema, so a table a later migration adds is covered without touching this class. The message
 * tables (a million rows a file) are compared by per-group aggregates (count and column sums) instead of row by row.
 */
final class WorkspaceSnapshot {

    private static final Set<String> AGGREGATED = Set.of("chat_message", "chat_day_sender");
    /**
     * Tables that hold no operator data, only a token derived from other tables (V6: changed by triggers whenever a
     * group or tag changes, in scope or not); the changes they follow are compared where they happen.
     */
    private static final Set<String> DERIVED = Set.of("registry_version");
    /** The one query reading a schema, by the schema's text: snapshots run after every fuzzed file. */
    private static final Map<String, String> QUERIES = new ConcurrentHashMap<>();

    /** One row: its group and import (null when the table has none) and all its values as JSON. */
    record Row(String group, String importId, String values) {
    }

    /**
     * What an import may change: rows of {@code groups} (in {@code tables}, or in every table with a group column
     * when null), and rows whose import column holds {@code importId} afterwards (with the row of the same key
     * before, which the import replaced).
     */
    record Scope(Set<Long> groups, Set<String> tables, Long importId) {
        static final Scope NOTHING = new Scope(Set.of(), null, null);
    }

    private static final char FIELD = '\u0001';
    private static final char RECORD = '\u0002';

    /** table → every row as one text (read in one call: fetching cell by cell costs more than the import). */
    private final Map<String, String> text;
    /** table → primary key → row, parsed from {@link #text} only for the tables whose text changed. */
    private final Map<String, Map<String, Row>> parsed = new ConcurrentHashMap<>();

    private WorkspaceSnapshot(Map<String, String> text) {
        this.text = text;
    }

    private Map<String, Row> rows(String table) {
        return parsed.computeIfAbsent(table, t -> {
            Map<String, Row> m = new LinkedHashMap<>();
            String all = text.get(t);
            if (all == null || all.isEmpty()) {
                return m;
            }
            for (String rec : all.split(String.valueOf(RECORD), -1)) {
                String[] f = rec.split(String.valueOf(FIELD), 4);
                m.put(f[0], new Row(f[1].isEmpty() ? null : f[1], f[2].isEmpty() ? null : f[2], f[3]));
            }
            return m;
        });
    }

    static WorkspaceSnapshot take(Database db) {
        try (Connection c = db.connect()) {
            return take(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads every table on {@code c} (in auto-commit mode the query sees the last commit). */
    static WorkspaceSnapshot take(Connection c) {
        try (Statement s = c.createStatement()) {
            String schema;
            try (ResultSet rs = s.executeQuery("SELECT group_concat(name || ':' || sql, ';') FROM sqlite_master"
                    + " WHERE type = 'table'")) {
                schema = rs.getString(1);
            }
            String query = QUERIES.get(schema);
            if (query == null) {
                query = query(s);
                QUERIES.put(schema, query);
            }
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    String all = rs.getString(2);
                    out.put(rs.getString(1), all == null ? "" : all);
                }
            }
            return new WorkspaceSnapshot(out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One UNION ALL over every table: (table, all its rows as key, group, import and values). */
    private static String query(Statement s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                if (!DERIVED.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (String t : names) {
            List<String> columns = new ArrayList<>();
            List<String> pk = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + t + "\")")) {
                while (rs.next()) {
                    columns.add("\"" + rs.getString("name") + "\"");
                    if (rs.getInt("pk") > 0) {
                        pk.add(columns.getLast());
                    }
                }
            }
            String group = t.equals("chat_group") ? "\"id\"" : columns.contains("\"group_id\"") ? "\"group_id\"" : "NULL";
            String imp = t.equals("import_run") ? "\"id\"" : columns.contains("\"import_id\"") ? "\"import_id\"" : "NULL";
            String key;
            String values;
            String from = " FROM \"" + t + "\"";
            if (AGGREGATED.contains(t)) {
                // by group only, in primary-key order (no sort): an import adds rows to the groups it feeds only
                key = group;
                imp = "NULL";
                values = "json_array(count(*), total(" + String.join(" + ", columns) + "))";
                from += " GROUP BY " + group;
            } else {
                key = "json_array(" + String.join(", ", pk.isEmpty() ? columns : pk) + ")";
                values = "json_array(" + String.join(", ", columns) + ")";
            }
            String record = key + " || char(1) || coalesce(" + group + ", '') || char(1) || coalesce(" + imp
                    + ", '') || char(1) || " + values;
            parts.add("SELECT '" + t + "', (SELECT group_concat(r, char(2)) FROM (SELECT " + record + " AS r" + from
                    + "))");
        }
        return String.join("\nUNION ALL\n", parts);
    }

    /** The highest value of {@code table}'s group or import column (for chat_group and import_run: the id), or 0. */
    /** How many rows {@code table} holds (the message tables: the sum of their per-group counts). */
    long count(String table) {
        if (!AGGREGATED.contains(table)) {
            return rows(table).size();
        }
        long n = 0;
        for (Row r : rows(table).values()) {
            String v = r.values();
            n += Long.parseLong(v.substring(v.indexOf('[') + 1, v.indexOf(',')).strip());
        }
        return n;
    }

    long maxId(String table) {
        long m = 0;
        for (Row r : rows(table).values()) {
            String v = table.equals("import_run") ? r.importId() : r.group();
            if (v != null) {
                m = Math.max(m, Long.parseLong(v));
            }
        }
        return m;
    }

    /** The ids of groups whose external id occurs in {@code text}. */
    Set<Long> groupsNamedIn(String text) {
        Set<Long> out = new HashSet<>();
        for (Row r : rows("chat_group").values()) {
            // values: [id, platform, external_id, …]
            String ext = externalId(r.values());
            if (ext != null && text.contains(ext)) {
                out.add(Long.parseLong(r.group()));
            }
        }
        return out;
    }

    private static String externalId(String json) {
        int first = json.indexOf(',');
        int second = json.indexOf(',', first + 1);
        int third = json.indexOf(',', second + 1);
        String v = json.substring(second + 1, third);
        return v.equals("null") ? null : v.substring(1, v.length() - 1);
    }

    /** The distinct group ids of rows of {@code table} whose import column is {@code importId}. */
    Set<Long> groupsOfImport(String table, long importId) {
        Set<Long> out = new HashSet<>();
        for (Row r : rows(table).values()) {
            if (String.valueOf(importId).equals(r.importId()) && r.group() != null) {
                out.add(Long.parseLong(r.group()));
            }
        }
        return out;
    }

    /**
     * The differences between {@code before} and {@code after} outside {@code scope}, one line each (at most a few
     * per table); empty when the import kept to its own rows.
     */
    static List<String> changesOutside(WorkspaceSnapshot before, WorkspaceSnapshot after, Scope scope) {
        List<String> out = new ArrayList<>();
        for (String table : after.text.keySet()) {
            if (!before.text.containsKey(table)) {
                out.add("table " + table + " appeared");
            }
        }
        String id = scope.importId() == null ? null : scope.importId().toString();
        for (String table : before.text.keySet()) {
            if (!after.text.containsKey(table)) {
                out.add("table " + table + " disappeared");
                continue;
            }
            if (before.text.get(table).equals(after.text.get(table))) {
                continue;
            }
            Map<String, Row> b = before.rows(table);
            Map<String, Row> a = after.rows(table);
            boolean groupScoped = scope.tables() == null || scope.tables().contains(table);
            int shown = 0;
            Set<String> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (String k : keys) {
                Row rb = b.get(k);
                Row ra = a.get(k);
                if (Objects.equals(rb, ra) || ra != null && id != null && id.equals(ra.importId())) {
                    continue;
                }
                if (groupScoped && inGroups(rb, scope) && inGroups(ra, scope)) {
                    continue;
                }
                if (shown++ < 3) {
                    out.add(table + ": " + (rb == null ? "added " + brief(ra) : ra == null ? "removed " + brief(rb)
                            : "changed " + brief(rb) + " -> " + brief(ra)));
                }
            }
        }
        return out;
    }

    private static boolean inGroups(Row row, Scope scope) {
        return row == null || row.group() != null && scope.groups().contains(Long.parseLong(row.group()));
    }

    private static String brief(Row row) {
        String v = row.values();
        return v.length() > 300 ? v.substring(0, 300) + "…(" + v.length() + " chars)" : v;
    }
}
