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
    private final HikariDataSource dataSource;

    private PostgresStore(ServerAddress address, HikariDataSource dataSource) {
        this.address = address;
        this.dataSource = dataSource;
    }

    /** Connects to {@code address} (the password from {@code password}), refusing with the reason the server gives. */
    static PostgresStore open(ServerAddress address, Optional<String> password) {
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
            return new PostgresStore(address, new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw refused(address, e.getCause() instanceof SQLException se ? se : null, e);
        }
    }

    /** Why the server refused us, in the operator's words: unreachable, wrong password, no such database, no right. */
    private static WorkspaceException refused(ServerAddress address, SQLException e, Throwable cause) {
        String state = e == null || e.getSQLState() == null ? "" : e.getSQLState();
        String detail = e == null ? String.valueOf(cause.getMessage()) : e.getMessage();
        if (state.startsWith("28")) {
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

    /** The transaction has an id only once it wrote (PostgreSQL 13+): one round trip, no table read. */
    @Override
    public boolean changedRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id_if_assigned() IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
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
        dataSource.close();
    }
}
