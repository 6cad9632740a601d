package com.qundesk.db;

import com.qundesk.io.DiskFull;
import com.qundesk.io.OwnerOnlyFiles;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One workspace: a SQLite file, opened with the pragmas QunDesk relies on and migrated by Flyway.
 * Every connection handed out has foreign keys on and a busy timeout; the file is in WAL mode.
 * While open it holds the workspace's {@link WorkspaceLock} (one writer); the file and its -wal/-shm are
 * readable by the owner only. {@link #close()} waits for running work and releases the lock.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 5_000;

    private final Path file;
    private final SQLiteDataSource dataSource;
    /** Work holds the read side; close and {@link #exclusive} the write side, so they wait for running work. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private WorkspaceLock lock;
    private volatile boolean closed;
    /** When quick_check last found this workspace intact (at this open or an earlier one), or null. */
    private volatile Instant checkedAt;
    private final WorkspaceChanges changes = new WorkspaceChanges();

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Opens (creating if needed) the workspace at {@code file} and brings its schema up to date. */
    public static Database open(Path file) {
        return open(file, BeforeMigration.NONE);
    }

    /**
     * Opens (creating if needed) the workspace at {@code file}, refusing when another QunDesk has it open, and
     * brings its schema up to date; when an existing workspace has migrations pending, {@code beforeMigration}
     * runs first (it takes the backup).
     */
    public static Database open(Path file, BeforeMigration beforeMigration) {
        try {
            return openChecked(file, beforeMigration);
        } catch (RuntimeException e) {
            // a full disk at start is said as such, not as a folder permission or a damaged file
            throw DiskFull.translate(e, file);
        }
    }

    private static Database openChecked(Path file, BeforeMigration beforeMigration) {
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
            Database db = new Database(file);
            db.lock = lock;
            db.checkIntact();
            db.migrate(beforeMigration);
            return db;
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

    /**
     * The newest migration in {@code db/migration}. A workspace whose history already ends there, every step
     * successful, is opened without starting Flyway (its class loading and scan cost ~0.3–1 s at every start);
     * {@code SchemaVersionTest} keeps this in step with the migration files.
     */
    static final int LATEST_SCHEMA_VERSION = 7;

    /** The newest workspace format (schema version) this build reads and writes. */
    public static int latestSchemaVersion() {
        return LATEST_SCHEMA_VERSION;
    }

    private void migrate(BeforeMigration beforeMigration) {
        History h = history();
        if (h != null && h.newest() > LATEST_SCHEMA_VERSION) {
            // Flyway would ignore the future version and let this build write into a schema it does not know
            throw new WorkspaceException("workspace.error.newer", null, file, Integer.toString(h.newest()),
                    Integer.toString(LATEST_SCHEMA_VERSION));
        }
        if (h != null && h.current()) {
            return;
        }
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load();
            var info = flyway.info();
            MigrationInfo[] pending = info.pending();
            if (info.current() != null && pending.length > 0) {
                beforeMigration.run(this, pending[pending.length - 1].getVersion().getVersion());
            }
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Workspace {} migrated to schema version {}", file, result.targetSchemaVersion);
            }
        } catch (WorkspaceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkspaceException("workspace.error.open", e, file);
        }
    }

    /** Flyway's history: the newest version applied and whether every step succeeded. */
    private record History(int newest, boolean allSucceeded) {
        /** At {@link #LATEST_SCHEMA_VERSION} with no failed step: nothing for Flyway to do. */
        boolean current() {
            return newest == LATEST_SCHEMA_VERSION && allSucceeded;
        }
    }

    /** The history, or null when there is none yet (a new workspace) or it is not readable (Flyway says why). */
    private History history() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT max(CAST(version AS INTEGER)), min(success), "
                     + "count(version) FROM flyway_schema_history WHERE version IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(3) > 0 ? new History(rs.getInt(1), rs.getInt(2) == 1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * SQLite's {@code quick_check} at open: a damaged file (a page of random bytes) is refused before anything
     * reads from or writes into it. A file that is not a database at all is left to Flyway, which says so.
     */
    private void checkIntact() {
        IntactMark mark = new IntactMark(file);
        Instant now = Instant.now();
        if (mark.fresh(now)) {
            checkedAt = mark.checkedAt();
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!intact(c)) {
                mark.clear();
                throw new WorkspaceException("workspace.error.damaged", null, file);
            }
            checkedAt = now;
            mark.write(now);
        } catch (SQLException e) {
            if (e instanceof SQLiteException se && se.getResultCode() != null
                    && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CORRUPT.code) {
                mark.clear();
                throw new WorkspaceException("workspace.error.damaged", e, file);
            }
            log.debug("Integrity check of {} could not run: {}", file, e.toString());
        }
    }

    /** True when SQLite's {@code quick_check} finds {@code c}'s database intact (it stops at the first problem). */
    public static boolean intact(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA quick_check(1)"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && "ok".equalsIgnoreCase(rs.getString(1));
        }
    }

    public Path file() {
        return file;
    }

    /** Raised after every committed transaction that changed a row of this workspace. */
    public WorkspaceChanges changes() {
        return changes;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        if (closed) {
            throw new WorkspaceException("workspace.error.closed", null, file);
        }
        return dataSource.getConnection();
    }

    /** Runs {@code work} on one connection in auto-commit mode (statements that refuse a transaction, e.g. VACUUM). */
    public <T> T withConnection(SqlWork<T> work) {
        enter();
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw DiskFull.translate(e, file);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} while no other work on this workspace runs or starts: every connection is closed, so
     * the file may be replaced (restore). Work on this thread inside it may still use the database.
     */
    public <T> T exclusive(Callable<T> work) {
        gate.writeLock().lock();
        try {
            if (closed) {
                throw new WorkspaceException("workspace.error.closed", null, file);
            }
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("workspace.error.open", e, file);
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Waits for running work, then releases the workspace to other QunDesk windows. Idempotent. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (!closed && checkedAt != null) {
                // what this process wrote since the check is no damage: keep the check's time for the next open
                new IntactMark(file).write(checkedAt);
            }
            closed = true;
            if (lock != null) {
                lock.close();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void enter() {
        gate.readLock().lock();
        if (closed) {
            gate.readLock().unlock();
            throw new WorkspaceException("workspace.error.closed", null, file);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        enter();
        try {
            return transaction(work);
        } catch (RuntimeException e) {
            throw DiskFull.translate(e, file); // rolled back: nothing was changed
        } finally {
            gate.readLock().unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                boolean wrote = changedRows(c);
                c.commit();
                if (wrote) {
                    changes.committed();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A full disk or a damaged file said as such; any other SQL failure as a {@link DataAccessException}. */
    private RuntimeException failure(SQLException e) {
        if (DiskFull.causedBy(e)) {
            return DiskFull.forWorkspace(file, e);
        }
        if (corrupt(e)) {
            checkedAt = null;
            new IntactMark(file).clear();
            return new WorkspaceException("workspace.error.damaged", e, file);
        }
        return new DataAccessException(e);
    }

    private static boolean corrupt(SQLException e) {
        return e instanceof SQLiteException se && se.getResultCode() != null
                && ((se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CORRUPT.code
                || (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code);
    }

    /** Runs read-only {@code work} on one connection (a consistent snapshot in WAL mode). */
    public <T> T read(SqlWork<T> work) {
        return inTransaction(work);
    }

    /** Whether this connection (opened for one transaction) changed any row: SQLite's own count, no statement. */
    private static boolean changedRows(Connection c) throws SQLException {
        return c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().total_changes() > 0;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("Rollback failed", e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs before Flyway migrates an existing workspace to {@code targetVersion} (takes the backup). */
    @FunctionalInterface
    public interface BeforeMigration {
        BeforeMigration NONE = (db, targetVersion) -> { };

        void run(Database db, String targetVersion);
    }
}
