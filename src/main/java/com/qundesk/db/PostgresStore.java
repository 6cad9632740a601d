package com.qundesk.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * A team workspace: a database on a PostgreSQL server, reached through a small connection pool (a connection costs a
 * network round trip and an authentication; the views ask for one per query). The server keeps it safe, so there is no
 * lock file and no integrity check here; its backups are the server's (pg_dump, docs/team.md).
 */
final class PostgresStore implements Store {
    /** Connections kept open per running copy of the app: the UI's queries, an import and a reminder at once. */
    private static final int POOL_SIZE = 4;
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private final ServerAddress address;
    private final Optional<String> password;
    private final HikariDataSource dataSource;
    /** Names this open workspace in the notices it sends, so that its own commits are not heard twice. */
    private final String origin = UUID.randomUUID().toString();
    private ServerChangeFeed feed;
    private boolean closed;

    private PostgresStore(ServerAddress address, Optional<String> password, HikariDataSource dataSource) {
        this.address = address;
        this.password = password;
        this.dataSource = dataSource;
    }

    /** Connects to {@code address} (the password from {@code password}), refusing with the reason the server gives. */
    static PostgresStore open(ServerAddress address, Optional<String> password) {
        // one plain connection first: a refusal (wrong password, no such database) is said at once, where the pool
        // would retry it for its whole start timeout
        try (Connection ignored = connectOnce(address, password)) {
            // the server is there and lets us in
        } catch (SQLException e) {
            throw refused(address, e, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        password.ifPresent(config::setPassword);
        config.setPoolName("qundesk-" + address.database());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_MS);
        config.addDataSourceProperty("ApplicationName", "QunDesk");
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT_MS / 1000));
        try {
            return new PostgresStore(address, password, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw refused(address, e.getCause() instanceof SQLException se ? se : null, e);
        }
    }

    /** One connection outside any pool, with the options the pool's connections get. */
    static Connection connectOnce(ServerAddress address, Optional<String> password) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", address.user());
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "QunDesk");
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT_MS / 1000));
        return new org.postgresql.Driver().connect(address.jdbcUrl(), props);
    }

    /**
     * The schema version of the team database at {@code address} (0 for an empty database), read without migrating
     * or changing anything: what "Test connection" reports.
     */
    static int schemaVersion(ServerAddress address, Optional<String> password) {
        try (Connection c = connectOnce(address, password)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('flyway_schema_history') IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(CAST(version AS INTEGER)), 0) "
                    + "FROM flyway_schema_history WHERE success AND version IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw refused(address, e, e);
        }
    }

    /** Why the server refused us, in the operator's words: unreachable, wrong password, no such database, no right. */
    private static WorkspaceException refused(ServerAddress address, SQLException e, Throwable cause) {
        String state = e == null || e.getSQLState() == null ? "" : e.getSQLState();
        String detail = e == null ? String.valueOf(cause.getMessage()) : e.getMessage();
        // 08004 with a password: the server asks for one and none was given
        if (state.startsWith("28") || state.equals("08004") && detail.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            return new WorkspaceException("workspace.error.serverLogin", cause, address.display(), address.user());
        }
        if (state.equals("3D000")) {
            return new WorkspaceException("workspace.error.serverNoDatabase", cause, address.display(), address.database());
        }
        if (state.equals("42501")) {
            return new WorkspaceException("workspace.error.serverPrivilege", cause, address.display(), detail);
        }
        return new WorkspaceException("workspace.error.serverUnreachable", cause, address.display(), detail);
    }

    ServerAddress address() {
        return address;
    }

    /**
     * Hears what the other copies of the app commit to this workspace and tells {@code othersCommitted} (a burst
     * folded into a few calls a second, on the feed's own thread), until {@link #close()}.
     */
    synchronized void follow(Runnable othersCommitted) {
        if (feed == null && !closed) {
            feed = ServerChangeFeed.start(address, password, origin, othersCommitted);
        }
    }


    @Override
    public WorkspaceLocation location() {
        return new WorkspaceLocation.Server(address);
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void checkOpenable() {
        // the pool's first connection was made at open: the server is there and let us in
    }

    /**
     * The transaction has an id only once it wrote (PostgreSQL 13+); then it also announces itself to the other
     * copies on {@link ServerChangeFeed#CHANNEL}, which PostgreSQL delivers at commit (and drops at rollback). One
     * round trip, no table read.
     */
    @Override
    public boolean announceWrite(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN pg_current_xact_id_if_assigned() IS NULL "
                + "THEN false ELSE pg_notify('" + ServerChangeFeed.CHANNEL + "', ?)::text IS NOT NULL END")) {
            ps.setString(1, origin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** 40P01 deadlock detected, 40001 serialization failure: the server rolled the loser back. */
    @Override
    public boolean lostRace(SQLException e, long millis) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    @Override
    public RuntimeException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        // 42501: a role without the right (a viewer's write, an operator's CREATE): said as such, not as a data error
        if (state.startsWith("08") || state.startsWith("28") || state.equals("57P01") || state.equals("42501")) {
            return refused(address, e, e);
        }
        return new DataAccessException(e);
    }

    @Override
    public RuntimeException translate(RuntimeException e) {
        return e;
    }

    @Override
    public void close() {
        ServerChangeFeed f;
        synchronized (this) {
            closed = true;
            f = feed;
        }
        if (f != null) {
            f.close();
        }
        dataSource.close();
    }
}
