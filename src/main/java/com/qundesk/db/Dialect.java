package com.qundesk.db;

import java.sql.Connection;

/**
 * The two databases a workspace can live in, and the place where the SQL that differs between them is kept, so a
 * reader finds every difference here rather than scattered through the repositories. Repositories ask
 * {@link #of(Connection)} for the connection they were handed.
 */
public enum Dialect {
    /** A workspace file on this PC (the default). */
    SQLITE("classpath:db/migration"),
    /** A team workspace on a PostgreSQL server. */
    POSTGRESQL("classpath:db/postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Where this database's Flyway migrations are: the same versions, one history, written for each database. */
    public String migrations() {
        return migrations;
    }

    /**
     * An aggregate joining {@code expr} of a group's rows with {@code separator} (a literal without quotes), in the
     * order of {@code orderBy}: {@code group_concat} in SQLite (3.44+ orders it), {@code string_agg} in PostgreSQL.
     */
    public String joinedText(String expr, String separator, String orderBy) {
        String sep = "'" + separator.replace("'", "''") + "'";
        return switch (this) {
            case SQLITE -> "group_concat(" + expr + ", " + sep + " ORDER BY " + orderBy + ")";
            case POSTGRESQL -> "string_agg(" + expr + ", " + sep + " ORDER BY " + orderBy + ")";
        };
    }

    /**
     * A boolean expression: "this transaction has written and counters kept by deferred triggers do not show it yet".
     * PostgreSQL's registry token is bumped at commit (db/postgresql/V6 says why), so inside a transaction that wrote,
     * the token cannot tell; SQLite's triggers run at once, so there it is always false.
     */
    public String wroteUncounted() {
        return switch (this) {
            case SQLITE -> "0";
            case POSTGRESQL -> "(pg_current_xact_id_if_assigned() IS NOT NULL)";
        };
    }

    /**
     * Makes the rest of {@code c}'s transaction wait while another copy of the app holds the lock named {@code name}
     * in a transaction of its own, and holds it until commit or rollback: a PostgreSQL transaction-level advisory
     * lock, so the copies of a team take turns at work that must happen once per team (the reminders' poll). A
     * workspace file has one copy of the app at a time (its lock file) and needs none.
     */
    public void takeTurn(Connection c, String name) throws java.sql.SQLException {
        if (this == POSTGRESQL) {
            try (var ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, name);
                ps.execute();
            }
        }
    }

    /**
     * Whether {@code c}'s user may add rows to {@code table}: always on a workspace file; on a team server only a role
     * granted {@code INSERT} (docs/team-grants.sql gives operators it and a read-only viewer not), so that what the
     * app would write when it opens is skipped for a viewer instead of failing the open.
     */
    public boolean mayInsert(Connection c, String table) throws java.sql.SQLException {
        if (this == SQLITE) {
            return true;
        }
        try (var ps = c.prepareStatement("SELECT has_table_privilege(?, 'INSERT')")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The larger of two numbers: SQLite's two-argument {@code max}, PostgreSQL's {@code greatest}. */
    public String larger(String a, String b) {
        return switch (this) {
            case SQLITE -> "max(" + a + ", " + b + ")";
            case POSTGRESQL -> "greatest(" + a + ", " + b + ")";
        };
    }

    /**
     * {@code text} to be sorted by its bytes (UTF-8: by code point), as SQLite sorts text: PostgreSQL otherwise sorts by
     * the database's collation (a server created with {@code en_US.UTF-8} puts {@code a} before {@code B}), and
     * the same rows would be listed in another order than from a workspace file.
     */
    public String byBytes(String text) {
        return this == POSTGRESQL ? "(" + text + ") COLLATE \"C\"" : text;
    }

    /**
     * Text as this database can store it. PostgreSQL's {@code text} cannot hold U+0000, which SQLite's can and which
     * chat keys use (the exporting account is the sender {@code "\0self"}; a WeChatMsg chat without an id is keyed
     * by {@code "\0remark\0nick"}): there it is written as U+FFFF, a noncharacter no export carries, and
     * {@link #fromStored} turns it back. Null stays null.
     */
    public String storable(String text) {
        return this == POSTGRESQL && text != null ? text.replace('\0', '\uFFFF') : text;
    }

    /** The text {@link #storable} was given, from what the database returned. */
    public String fromStored(String text) {
        return this == POSTGRESQL && text != null ? text.replace('\uFFFF', '\0') : text;
    }

    /** The database behind a connection a {@link Database} handed out. */
    public static Dialect of(Connection c) {
        return c instanceof org.sqlite.SQLiteConnection ? SQLITE : POSTGRESQL;
    }
}
