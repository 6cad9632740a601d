package com.qundesk.db;

import com.qundesk.io.DiskFull;
import com.qundesk.io.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A workspace file on this PC: opened with the pragmas QunDesk relies on (foreign keys, WAL, a busy timeout), held by
 * its {@link WorkspaceLock} (one writer), readable by the owner only, and checked with {@code quick_check} at open.
 */
final class SqliteStore implements Store {
    private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final SQLiteDataSource dataSource;
    private final WorkspaceLock lock;
    /** When quick_check last found this workspace intact (at this open or an earlier one), or null. */
    private volatile Instant checkedAt;
    /** An idle connection held from {@link #hold} to {@link #close} (see there), or null. */
    private Connection held;

    private SqliteStore(Path file, WorkspaceLock lock) {
        this.file = file;
        this.lock = lock;
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Creates the folder, takes the lock (refusing when another QunDesk has the file) and restricts the files. */
    static SqliteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new WorkspaceException("workspace.error.folder", e, file.toAbsolutePath().getParent());
        }
        WorkspaceLock lock = WorkspaceLock.acquire(file);
        try {
            restrictFiles(file);
            return new SqliteStore(file, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The workspace and its journal files readable by the owner only (SQLite gives -wal/-shm the file's mode). */
    private static void restrictFiles(Path file) {
        try {
            OwnerOnlyFiles.ensureFile(file);
            OwnerOnlyFiles.restrict(file.resolveSibling(file.getFileName() + "-wal"));
            OwnerOnlyFiles.restrict(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new WorkspaceException("workspace.error.open", e, file);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public WorkspaceLocation location() {
        return new WorkspaceLocation.LocalFile(file);
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * SQLite's {@code quick_check} at open: a damaged file (a page of random bytes) is refused before anything
     * reads from or writes into it. A file that is not a database at all is left to Flyway, which says so.
     */
    @Override
    public void checkOpenable() {
        IntactMark mark = new IntactMark(file);
        Instant now = Instant.now();
        if (mark.fresh(now)) {
            checkedAt = mark.checkedAt();
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!Database.intact(c)) {
                mark.clear();
                throw new WorkspaceException("workspace.error.damaged", null, file);
            }
            checkedAt = now;
            mark.write(now);
        } catch (SQLException e) {
            if (code(e) == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                mark.clear();
                throw new WorkspaceException("workspace.error.damaged", e, file);
            }
            log.debug("Integrity check of {} could not run: {}", file, e.toString());
        }
    }

    /**
     * Holds one idle connection until the workspace closes. Every read and transaction takes a connection of its own
     * and closes it; when the last connection to a WAL database closes, SQLite checkpoints the whole log into the
     * file (with an fsync) and deletes it — so without a connection held, every transaction of a single-threaded
     * command paid a checkpoint: importing a PyWxDump folder of 200 pages spent a third of its storing thread's
     * native time closing connections (issue 17). With it the log is checkpointed as SQLite does by itself (every
     * 1,000 pages, at a commit) and once more at {@link #close}. Called once the workspace is open and migrated; a
     * workspace that cannot hold one works as before.
     */
    void hold() {
        try {
            held = dataSource.getConnection();
        } catch (SQLException e) {
            log.debug("No idle connection held on {}: {}", file, e.toString());
        }
    }

    /** SQLite's own count of rows this connection changed: no statement needed; a file has no other copy to tell. */
    @Override
    public boolean announceWrite(Connection c) throws SQLException {
        return c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().total_changes() > 0;
    }

    /**
     * A transaction that read cannot write after another committed (WAL's busy snapshot): SQLite says so at once,
     * without waiting out the busy timeout (the driver reports it as plain SQLITE_BUSY). A "busy" after the whole
     * timeout is a writer holding the file for long, and is not run again.
     */
    @Override
    public boolean lostRace(SQLException e, long millis) {
        if (!(e instanceof SQLiteException se) || se.getResultCode() == null) {
            return false;
        }
        SQLiteErrorCode code = se.getResultCode();
        return code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT
                || code == SQLiteErrorCode.SQLITE_BUSY && millis < BUSY_TIMEOUT_MS / 2;
    }

    @Override
    public RuntimeException failure(SQLException e) {
        if (DiskFull.causedBy(e)) {
            return DiskFull.forWorkspace(file, e);
        }
        int code = code(e);
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            checkedAt = null;
            new IntactMark(file).clear();
            return new WorkspaceException("workspace.error.damaged", e, file);
        }
        return new DataAccessException(e);
    }

    private static int code(SQLException e) {
        return e instanceof SQLiteException se && se.getResultCode() != null ? se.getResultCode().code & 0xff : -1;
    }

    @Override
    public RuntimeException translate(RuntimeException e) {
        return DiskFull.translate(e, file);
    }

    @Override
    public void close() {
        if (held != null) {
            // the last connection: SQLite checkpoints the log into the file here, before the mark records the file
            try {
                held.close();
            } catch (SQLException e) {
                log.warn("Closing the workspace {} did not end cleanly: {}", file, e.toString());
            }
            held = null;
        }
        if (checkedAt != null) {
            // what this process wrote since the check is no damage: keep the check's time for the next open
            new IntactMark(file).write(checkedAt);
        }
        lock.close();
    }
}
