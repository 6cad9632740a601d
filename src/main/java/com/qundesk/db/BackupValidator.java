package com.qundesk.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks a file before it may replace a workspace: SQLite says it is intact ({@code PRAGMA integrity_check}),
 * it is a QunDesk workspace (a Flyway history and the registry table), every migration in it succeeded, and none
 * is newer than this build knows. Runs on the private copy that is about to be moved into place.
 */
public final class BackupValidator {

    private BackupValidator() {
    }

    /** The schema version of the valid workspace at {@code candidate}; throws a {@link WorkspaceException} otherwise. */
    public static String validate(Path candidate, Path shownAs) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + candidate.toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String first = rs.next() ? rs.getString(1) : null;
                if (!"ok".equalsIgnoreCase(first)) {
                    throw new WorkspaceException("backup.error.damaged", null, shownAs);
                }
            }
            if (!hasTable(c, "flyway_schema_history") || !hasTable(c, "chat_group")) {
                throw new WorkspaceException("backup.error.notWorkspace", null, shownAs);
            }
        } catch (SQLException e) {
            // "file is not a database" and the like
            throw new WorkspaceException("backup.error.notWorkspace", e, shownAs);
        }
        try {
            return checkHistory(ds, shownAs);
        } catch (WorkspaceException e) {
            throw e;
        } catch (RuntimeException e) {
            // a history Flyway cannot even read
            throw new WorkspaceException("backup.error.damaged", e, shownAs);
        }
    }

    private static String checkHistory(SQLiteDataSource ds, Path shownAs) {
        Flyway flyway = Flyway.configure(BackupValidator.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:pending")
                .load();
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion applied = null;
        for (MigrationInfo i : all) {
            if (i.getVersion() == null) {
                continue;
            }
            MigrationState st = i.getState();
            if (st == MigrationState.FUTURE_SUCCESS || st == MigrationState.FUTURE_FAILED) {
                throw new WorkspaceException("backup.error.newer", null, shownAs, i.getVersion().getVersion(),
                        latestKnown(all));
            }
            if (st.isFailed()) {
                throw new WorkspaceException("backup.error.damaged", null, shownAs);
            }
            if (st.isApplied() && (applied == null || i.getVersion().isNewerThan(applied.getVersion()))) {
                applied = i.getVersion();
            }
        }
        if (applied == null) {
            throw new WorkspaceException("backup.error.notWorkspace", null, shownAs);
        }
        var result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            throw new WorkspaceException("backup.error.damaged", null, shownAs);
        }
        return applied.getVersion();
    }

    /** The newest migration this build carries. */
    private static String latestKnown(MigrationInfo[] all) {
        MigrationVersion known = null;
        for (MigrationInfo i : all) {
            MigrationState st = i.getState();
            if (i.getVersion() != null && st != MigrationState.FUTURE_SUCCESS && st != MigrationState.FUTURE_FAILED
                    && (known == null || i.getVersion().isNewerThan(known.getVersion()))) {
                known = i.getVersion();
            }
        }
        return known == null ? "?" : known.getVersion();
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
