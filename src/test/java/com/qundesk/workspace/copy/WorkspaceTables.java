package com.qundesk.workspace.copy;

import com.qundesk.db.Catalogue;
import com.qundesk.db.TableShape;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table of a workspace, read straight from its database in primary-key order: what two workspaces
 * are compared by. Numbers are read as a SQLite file and a PostgreSQL server both can say them (integers as longs, the
 * rest as doubles), so a value is equal only when it is the same number.
 */
final class WorkspaceTables {

    private WorkspaceTables() {
    }

    static Connection sqlite(java.nio.file.Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Table name → its rows (each a list of column values), for every table but those a copy leaves alone. */
    static Map<String, List<List<Object>>> rows(Connection c) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (TableShape t : Catalogue.tables(c)) {
            if (WorkspaceCopyService.NOT_COPIED.contains(t.name())) {
                continue;
            }
            List<List<Object>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + t.columnList() + " FROM "
                    + TableShape.quote(t.name()) + " ORDER BY " + t.keyOrder());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= t.columns().size(); i++) {
                        Object v = rs.getObject(i);
                        // text as the app reads it back: PostgreSQL keeps U+0000 as U+FFFF (Dialect.storable)
                        row.add(normal(v instanceof String text ? com.qundesk.db.Dialect.of(c).fromStored(text) : v));
                    }
                    rows.add(row);
                }
            }
            tables.put(t.name(), rows);
        }
        return tables;
    }

    private static Object normal(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        return v;
    }
}
