package com.qundesk.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A workspace's tables as its own database describes them (SQLite's {@code sqlite_schema} and pragmas, PostgreSQL's
 * {@code information_schema} and {@code pg_catalog}), not as a list kept by hand: a table or column a later migration
 * adds is seen without anyone remembering to add it here. The one place that reads either catalogue.
 */
public final class Catalogue {

    private Catalogue() {
    }

    /**
     * Every table of the workspace behind {@code c}, in foreign-key order: a table comes after every table it refers
     * to (a reference to itself aside), ties by name.
     *
     * @throws IllegalStateException when the foreign keys form a cycle between tables (no such order exists)
     */
    public static List<TableShape> tables(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(c);
        Map<String, TableShape> byName = new TreeMap<>();
        for (String table : tableNames(c, dialect)) {
            byName.put(table, dialect == Dialect.SQLITE ? sqliteShape(c, table) : postgresShape(c, table));
        }
        return inReferenceOrder(byName);
    }

    private static List<String> tableNames(Connection c, Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case SQLITE -> "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'";
            case POSTGRESQL -> "SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
        };
        return strings(c, sql, null);
    }

    private static TableShape sqliteShape(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Map<Integer, String> keyByPosition = new TreeMap<>();
        boolean integerKey = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, pk, upper(type) FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    if (rs.getInt(2) > 0) {
                        keyByPosition.put(rs.getInt(2), rs.getString(1));
                        integerKey = "INTEGER".equals(rs.getString(3));
                    }
                }
            }
        }
        List<String[]> foreignKeys = pairs(c, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)", table);
        List<String> key = List.copyOf(keyByPosition.values());
        boolean withoutRowid = !strings(c, "SELECT name FROM sqlite_schema WHERE name = ? AND upper(sql) LIKE "
                + "'%WITHOUT ROWID%'", table).isEmpty();
        // an INTEGER PRIMARY KEY of a rowid table is the rowid: SQLite numbers it itself
        Optional<String> generated = key.size() == 1 && integerKey && !withoutRowid
                ? Optional.of(key.getFirst()) : Optional.empty();
        return shape(table, columns, key, foreignKeys, generated);
    }

    private static TableShape postgresShape(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        Optional<String> generated = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, is_identity FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    if ("YES".equals(rs.getString(2))) {
                        generated = Optional.of(rs.getString(1));
                    }
                }
            }
        }
        List<String> key = strings(c, "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                + "WHERE i.indrelid = to_regclass(quote_ident(?)) AND i.indisprimary "
                + "ORDER BY array_position(i.indkey::int2[], a.attnum)", table);
        List<String[]> foreignKeys = pairs(c, "SELECT r.relname, a.attname FROM pg_constraint k "
                + "JOIN pg_class r ON r.oid = k.confrelid "
                + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "WHERE k.conrelid = to_regclass(quote_ident(?)) AND k.contype = 'f'", table);
        return shape(table, columns, key, foreignKeys, generated);
    }

    private static TableShape shape(String table, List<String> columns, List<String> key, List<String[]> foreignKeys,
                                    Optional<String> generated) {
        TreeSet<String> references = new TreeSet<>();
        Optional<String> selfRef = Optional.empty();
        for (String[] fk : foreignKeys) {
            if (!fk[0].equals(table)) {
                references.add(fk[0]);
            } else if (key.size() == 1) {
                selfRef = Optional.of(fk[1]);
            }
        }
        return new TableShape(table, List.copyOf(columns), key, List.copyOf(references), selfRef, generated);
    }

    private static List<TableShape> inReferenceOrder(Map<String, TableShape> byName) {
        Map<String, TableShape> pending = new LinkedHashMap<>(byName);
        List<TableShape> ordered = new ArrayList<>();
        TreeSet<String> placed = new TreeSet<>();
        while (!pending.isEmpty()) {
            TableShape next = pending.values().stream()
                    .filter(t -> t.references().stream().allMatch(r -> placed.contains(r) || !byName.containsKey(r)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among " + pending.keySet()));
            ordered.add(next);
            placed.add(next.name());
            pending.remove(next.name());
        }
        return List.copyOf(ordered);
    }

    /** A foreign key per row: the table it refers to and the (first) referring column. */
    private static List<String[]> pairs(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            List<String[]> pairs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return pairs;
        }
    }

    private static List<String> strings(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
