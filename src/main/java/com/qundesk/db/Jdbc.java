package com.qundesk.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Binding and reading the nullable values every repository stores: numbers that may be absent, and instants kept
 * as epoch milliseconds (the workspace's one time representation). One copy for all repositories.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    public static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    /** An instant as epoch milliseconds, or NULL. */
    public static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        setLong(ps, i, v == null ? null : v.toEpochMilli());
    }

    public static Long getLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Long getLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    /** An instant stored as epoch milliseconds, or null. */
    public static Instant getInstant(ResultSet rs, int col) throws SQLException {
        Long v = getLong(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    public static Instant getInstant(ResultSet rs, String col) throws SQLException {
        Long v = getLong(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    /**
     * Runs an {@code INSERT … RETURNING id} (both databases have it) and gives the new row's id: the one way to learn
     * it that needs no second statement and no database-specific function.
     */
    public static long insertedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT … RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }
}
