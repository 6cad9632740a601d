package com.qundesk.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one SQL statement backups need. {@code VACUUM INTO} writes a consistent snapshot (one read transaction)
 * of the whole database, WAL included, into a compact, self-contained file, without blocking writers; the
 * online backup API ({@code backup to}) restarts its page copy whenever another connection writes meanwhile.
 * The target must not exist or be empty; an empty owner-only file keeps the copy private from the start.
 */
public final class SqliteSnapshot {

    private SqliteSnapshot() {
    }

    /** Writes the database of {@code c} (auto-commit: VACUUM refuses to run in a transaction) into {@code emptyFile}. */
    public static void vacuumInto(Connection c, Path emptyFile) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, emptyFile.toAbsolutePath().toString());
            ps.executeUpdate();
        }
    }

    /** Folds the WAL into the database file and empties it. */
    public static void checkpoint(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rs.next();
        }
    }
}
