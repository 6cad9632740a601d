package com.qundesk.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs in keeping a workspace in one database or the other: how connections are made, what is checked at
 * open, how a transaction is known to have written, how failures are said, and what is let go at close.
 * {@link Database} does the rest (transactions, the gate, migrations, change notices) the same way for both.
 */
sealed interface Store permits SqliteStore, PostgresStore {

    WorkspaceLocation location();

    Dialect dialect();

    DataSource dataSource();

    /** Runs once before migrating: refuses a damaged or unreachable workspace. */
    void checkOpenable();

    /**
     * Whether {@code c}, inside its transaction, changed any row (asked just before commit); a team workspace then
     * also tells the other copies of the app, who hear it once the transaction commits.
     */
    boolean announceWrite(Connection c) throws SQLException;

    /**
     * Whether {@code e} means the transaction lost a race to another writer and, rolled back, may simply run again:
     * SQLite's busy snapshot, PostgreSQL's deadlock or serialization failure. {@code millis}: how long the
     * transaction had run.
     */
    boolean lostRace(SQLException e, long millis);

    /** A failure said to the operator: a full disk, a damaged file, an unreachable server, or a plain data error. */
    RuntimeException failure(SQLException e);

    /** A runtime failure of the underlying database said as such (a full disk), or {@code e} itself. */
    RuntimeException translate(RuntimeException e);

    /** Lets go of what the open workspace holds (its lock). */
    void close();
}
