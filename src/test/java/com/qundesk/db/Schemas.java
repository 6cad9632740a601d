package com.qundesk.db;

import com.qundesk.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Fresh workspaces of both kinds for the schema tests: SQLite through {@link Database#open}, PostgreSQL through Flyway. */
final class Schemas {

    static final String SQLITE_MIGRATIONS = "db/migration";
    static final String POSTGRES_MIGRATIONS = "db/postgresql";

    private Schemas() {
    }

    /** A new SQLite workspace at today's schema, opened and closed by the app's own {@link Database#open}. */
    static Path freshSqlite(Path dir) {
        Path file = dir.resolve("fresh.qundesk");
        Database.open(file).close();
        return file;
    }

    static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Flyway over {@code db/postgresql} on the given database, migrating up to {@code target} ("latest" for all). */
    static void migratePostgres(PostgresServer.Database db, String target) {
        Flyway.configure(Schemas.class.getClassLoader())
                .dataSource(db.url(), db.user(), "")
                .locations("classpath:" + POSTGRES_MIGRATIONS)
                .target(target)
                .load().migrate();
    }

    /**
     * After rows were inserted with explicit ids (a copied workspace, test fixtures), moves every identity's sequence
     * past the largest id, as the PostgreSQL migrations say: an identity BY DEFAULT does not notice explicit ids.
     */
    static void moveIdentitiesOn(Connection c) throws SQLException {
        for (String col : rows(c, "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND is_identity = 'YES'")) {
            String[] f = col.split("\\|");
            rows(c, "SELECT setval(pg_get_serial_sequence('%s', '%s'), coalesce(max(%s), 0) + 1, false) FROM %s"
                    .formatted(f[0], f[1], f[1], f[0]));
        }
    }

    /** The rows of a query, cells joined by {@code |}, NULL as {@code null}. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static String scalar(Connection c, String sql) throws SQLException {
        return rows(c, sql).getFirst().split("\\|", -1)[0];
    }
}
