package com.qundesk.db;

import com.qundesk.io.DiskFull;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One workspace, open: a SQLite file on this PC ({@link SqliteStore}: the pragmas QunDesk relies on, the one-writer
 * lock, the integrity check) or a database on a team's PostgreSQL server ({@link PostgresStore}), migrated by Flyway
 * from the same history and used by the same services. Work runs in transactions through {@link #inTransaction};
 * {@link #close()} waits for running work and lets the workspace go.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Store store;
    /** Work holds the read side; close and {@link #exclusive} the write side, so they wait for running work. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final WorkspaceChanges changes = new WorkspaceChanges();

    private Database(Store store) {
        this.store = store;
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
        return open(new WorkspaceLocation.LocalFile(file), beforeMigration);
    }

    /**
     * Opens the workspace at {@code location} and brings its schema up to date. A file is created if needed and
     * {@code beforeMigration} backs it up before a migration; a server's database must exist (its administrator
     * creates it and backs it up), and its password comes from {@link PgPassword}.
     */
    public static Database open(WorkspaceLocation location, BeforeMigration beforeMigration) {
        return switch (location) {
            case WorkspaceLocation.LocalFile f -> openLocal(f.file(), beforeMigration);
            case WorkspaceLocation.Server s -> open(s.address(), PgPassword.system().lookup(s.address()));
        };
    }

    /**
     * Opens a team workspace with the password the operator gave (or none); once someone listens to {@link #changes()},
     * what other copies of the app commit to it raises them too.
     */
    public static Database open(ServerAddress address, Optional<String> password) {
        PostgresStore store = PostgresStore.open(address, password);
        Database db = new Database(store);
        try {
            db.migrate(BeforeMigration.NONE);
            // a copy that shows views listens; a CLI command, which does not, keeps no connection for it
            db.changes.whenFirstFollowed(() -> store.follow(db.changes::committed));
            return db;
        } catch (RuntimeException e) {
            db.store.close();
            throw e;
        }
    }

    /**
     * The schema version of a team database (0 when empty), read without migrating or changing anything; a refusal is
     * said as {@link #open(ServerAddress, Optional)} says it.
     */
    public static int schemaVersion(ServerAddress address, Optional<String> password) {
        return PostgresStore.schemaVersion(address, password);
    }

    private static Database openLocal(Path file, BeforeMigration beforeMigration) {
        try {
            SqliteStore store = SqliteStore.open(file);
            try {
                Database db = new Database(store);
                store.checkOpenable();
                db.migrate(beforeMigration);
                store.hold();
                return db;
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (RuntimeException e) {
            // a full disk at start is said as such, not as a folder permission or a damaged file
            throw DiskFull.translate(e, file);
        }
    }

    /**
     * The newest migration in {@code db/migration} (and its PostgreSQL twin {@code db/postgresql}). A workspace whose
     * history already ends there, every step successful, is opened without starting Flyway (its class loading and
     * scan cost ~0.3–1 s at every start); {@code MigrationTest} keeps this in step with the migration files.
     */
    static final int LATEST_SCHEMA_VERSION = 10;

    /** The newest workspace format (schema version) this build reads and writes. */
    public static int latestSchemaVersion() {
        return LATEST_SCHEMA_VERSION;
    }

    private void migrate(BeforeMigration beforeMigration) {
        History h = history();
        if (h != null && h.newest() > LATEST_SCHEMA_VERSION) {
            // Flyway would ignore the future version and let this build write into a schema it does not know
            throw new WorkspaceException("workspace.error.newer", null, store.location().display(),
                    Integer.toString(h.newest()), Integer.toString(LATEST_SCHEMA_VERSION));
        }
        if (h != null && h.current()) {
            return;
        }
        try {
            Flyway flyway = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(store.dataSource())
                    .locations(store.dialect().migrations())
                    .load();
            var info = flyway.info();
            MigrationInfo[] pending = info.pending();
            if (info.current() != null && pending.length > 0) {
                beforeMigration.run(this, pending[pending.length - 1].getVersion().getVersion());
            }
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Workspace {} migrated to schema version {}", store.location().display(),
                        result.targetSchemaVersion);
            }
        } catch (WorkspaceException e) {
            throw e;
        } catch (RuntimeException e) {
            // a team role without the right to migrate (or to read the history) is no damaged workspace
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException se && "42501".equals(se.getSQLState())) {
                    throw new WorkspaceException("workspace.error.serverPrivilege", e, store.location().display(),
                            se.getMessage());
                }
            }
            throw new WorkspaceException("workspace.error.open", e, store.location().display());
        }
    }

    /** Flyway's history: the newest version applied and whether every step succeeded. */
    private record History(int newest, boolean allSucceeded) {
        /** At {@link #LATEST_SCHEMA_VERSION} with no failed step: nothing for Flyway to do. */
        boolean current() {
            return newest == LATEST_SCHEMA_VERSION && allSucceeded;
        }
    }

    /**
     * The history, or null when there is none yet (a new workspace) or it is not readable (Flyway says why). The
     * query reads alike on both databases (success is 0/1 in SQLite, a boolean in PostgreSQL).
     */
    private History history() {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT max(CAST(version AS INTEGER)), "
                     + "min(CASE WHEN success THEN 1 ELSE 0 END), count(version) FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(3) > 0 ? new History(rs.getInt(1), rs.getInt(2) == 1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** True when SQLite's {@code quick_check} finds {@code c}'s database intact (it stops at the first problem). */
    public static boolean intact(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("PRAGMA quick_check(1)"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && "ok".equalsIgnoreCase(rs.getString(1));
        }
    }

    /** Where this workspace is: a file or a server's database. */
    public WorkspaceLocation location() {
        return store.location();
    }

    /** Which database keeps it, for the few statements that differ ({@link Dialect}). */
    public Dialect dialect() {
        return store.dialect();
    }

    /** True for a workspace file on this PC (backups, restore and the lock are about files). */
    public boolean isLocal() {
        return store instanceof SqliteStore;
    }

    /**
     * The workspace file.
     *
     * @throws WorkspaceException for a team workspace, which has none (callers ask {@link #isLocal()} first)
     */
    public Path file() {
        if (store instanceof SqliteStore s) {
            return s.file();
        }
        throw new WorkspaceException("workspace.error.notAFile", null, store.location().display());
    }

    /**
     * Raised after every committed transaction that changed a row of this workspace: on a team's server, those of the
     * other operators' copies too (a burst folded into a few a second).
     */
    public WorkspaceChanges changes() {
        return changes;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        if (closed) {
            throw new WorkspaceException("workspace.error.closed", null, store.location().display());
        }
        return store.dataSource().getConnection();
    }

    /** Runs {@code work} on one connection in auto-commit mode (statements that refuse a transaction, e.g. VACUUM). */
    public <T> T withConnection(SqlWork<T> work) {
        enter();
        try (Connection c = connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw store.failure(e);
        } catch (RuntimeException e) {
            throw store.translate(e);
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
                throw new WorkspaceException("workspace.error.closed", null, store.location().display());
            }
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("workspace.error.open", e, store.location().display());
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Waits for running work, then releases the workspace to other QunDesk windows. Idempotent. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                store.close();
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
            throw new WorkspaceException("workspace.error.closed", null, store.location().display());
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        enter();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transaction(work);
                } catch (LostRace e) {
                    if (attempt == RACE_ATTEMPTS) {
                        throw store.failure(e.cause);
                    }
                    pause(attempt);
                }
            }
        } catch (RuntimeException e) {
            throw store.translate(e); // rolled back: nothing was changed
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * How often a transaction that lost a race to another writer is run again: on a workspace file a transaction that
     * read cannot start writing once another has committed since (SQLite's WAL rule, "busy snapshot"), on a server two
     * transactions may deadlock; either way the loser is rolled back whole and can simply run again.
     */
    private static final int RACE_ATTEMPTS = 8;

    /** A transaction rolled back because it lost a race to another writer ({@link Store#lostRace}). */
    private static final class LostRace extends RuntimeException {
        final SQLException cause;

        LostRace(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(2, 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        long started = System.nanoTime();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                boolean wrote = store.announceWrite(c);
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
            if (store.lostRace(e, (System.nanoTime() - started) / 1_000_000)) {
                throw new LostRace(e);
            }
            throw store.failure(e);
        }
    }

    /** Runs read-only {@code work} on one connection (a consistent snapshot in WAL mode). */
    public <T> T read(SqlWork<T> work) {
        return inTransaction(work);
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
