package com.qundesk.workspace.copy;

import com.qundesk.db.Dialect;
import com.qundesk.db.TableShape;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a workspace copy: whole tables read in key order from one workspace and written, ids and all, into
 * another. It writes every table, as a restore replaces the whole file: it is no table's owner, and it writes only into
 * a workspace that holds nothing yet, so no owner's rules about existing rows are bypassed (docs/team.md).
 */
final class CopyRepository {

    /** Rows sent to the target per batch, and fetched from the source per round trip: no table is held in memory. */
    static final int BATCH = 1_000;
    /** Rows per INSERT statement: fewer statements and round trips, far below either database's parameter limit. */
    static final int ROWS_PER_INSERT = 100;
    private static final int MAX_PARAMETERS = 10_000;

    /** Told after each batch of a table; may throw to stop the copy (the target's transaction is rolled back). */
    @FunctionalInterface
    interface Progress {
        void copied(TableShape table, long rows);
    }

    private final int rowsPerInsert;

    CopyRepository() {
        this(ROWS_PER_INSERT);
    }

    /** With fewer rows per statement (tests: rows that refer to rows of a later statement). */
    CopyRepository(int rowsPerInsert) {
        this.rowsPerInsert = rowsPerInsert;
    }

    long count(Connection c, TableShape table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + TableShape.quote(table.name()));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * True when the {@code template} table holds only the starter library the app adds at its first start (each
     * entry built in, at its first version): what a team workspace opened once by the app holds before any work.
     */
    boolean onlyStarterTemplates(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT "
                + "(SELECT count(*) FROM template WHERE builtin = 0), "
                + "(SELECT count(*) FROM template_version WHERE version > 1 "
                + "OR template_id NOT IN (SELECT id FROM template WHERE builtin = 1))");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) == 0 && rs.getLong(2) == 0;
        }
    }

    /** Empties {@code table} (the starter library the source's own replaces). */
    void clear(Connection c, TableShape table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TableShape.quote(table.name()))) {
            ps.executeUpdate();
        }
    }

    /**
     * Copies every row of {@code table} from {@code source} to {@code target} in key order, streaming: the source is
     * read a batch at a time and the target written a batch at a time, up to {@link #ROWS_PER_INSERT} rows per
     * statement (one row per statement costs a server round trip each). A reference to the table's own key that points
     * at a row not copied yet (a group whose parent was created after it) is written as NULL and set once every row is
     * there, so the target's foreign keys hold at every statement.
     *
     * @return the rows copied
     */
    long copy(Connection source, Connection target, TableShape table, Progress progress) throws SQLException {
        int width = table.columns().size();
        int perInsert = Math.max(1, Math.min(rowsPerInsert, MAX_PARAMETERS / width));
        int selfRef = table.selfRef().map(table.columns()::indexOf).orElse(-1);
        int key = table.selfRef().isPresent() ? table.columns().indexOf(table.primaryKey().getFirst()) : -1;
        List<long[]> laterRefs = new ArrayList<>();
        Object[][] chunk = new Object[perInsert][];
        int inChunk = 0;
        long rows = 0;
        // text as each database keeps it: U+0000 in chat keys is U+FFFF on PostgreSQL (Dialect.storable)
        Dialect from = Dialect.of(source);
        Dialect to = Dialect.of(target);
        try (PreparedStatement read = source.prepareStatement("SELECT " + table.columnList() + " FROM "
                + TableShape.quote(table.name()) + " ORDER BY " + table.keyOrder());
             PreparedStatement write = target.prepareStatement(insert(table, perInsert))) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        Object value = rs.getObject(i + 1);
                        row[i] = value instanceof String text ? to.storable(from.fromStored(text)) : value;
                    }
                    if (selfRef >= 0 && row[selfRef] != null
                            && ((Number) row[selfRef]).longValue() >= ((Number) row[key]).longValue()) {
                        laterRefs.add(new long[] {((Number) row[key]).longValue(), ((Number) row[selfRef]).longValue()});
                        row[selfRef] = null;
                    }
                    chunk[inChunk++] = row;
                    if (inChunk == perInsert) {
                        bind(write, chunk, inChunk);
                        write.addBatch();
                        inChunk = 0;
                    }
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                        progress.copied(table, rows);
                    }
                }
            }
            write.executeBatch();
        }
        if (inChunk > 0) {
            try (PreparedStatement rest = target.prepareStatement(insert(table, inChunk))) {
                bind(rest, chunk, inChunk);
                rest.executeUpdate();
            }
        }
        setLaterReferences(target, table, laterRefs);
        progress.copied(table, rows);
        return rows;
    }

    /** {@code INSERT INTO t (columns) VALUES (?, …), …} for {@code rows} rows. */
    private static String insert(TableShape table, int rows) {
        String one = "(" + String.join(", ", table.columns().stream().map(col -> "?").toList()) + ")";
        return "INSERT INTO " + TableShape.quote(table.name()) + " (" + table.columnList() + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, one));
    }

    private static void bind(PreparedStatement ps, Object[][] rows, int count) throws SQLException {
        int p = 1;
        for (int r = 0; r < count; r++) {
            for (Object value : rows[r]) {
                ps.setObject(p++, value);
            }
        }
    }

    private static void setLaterReferences(Connection target, TableShape table, List<long[]> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = target.prepareStatement("UPDATE " + TableShape.quote(table.name()) + " SET "
                + TableShape.quote(table.selfRef().orElseThrow()) + " = ? WHERE "
                + TableShape.quote(table.primaryKey().getFirst()) + " = ?")) {
            for (long[] ref : refs) {
                ps.setLong(1, ref[1]);
                ps.setLong(2, ref[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * On PostgreSQL, moves the identity of {@code table} on past the copied ids, so the next row the app inserts gets a
     * fresh one (an identity does not notice rows inserted with explicit ids). SQLite numbers from the largest rowid.
     */
    void moveIdentityPastCopiedIds(Connection target, TableShape table) throws SQLException {
        if (Dialect.of(target) != Dialect.POSTGRESQL || table.generatedId().isEmpty()) {
            return;
        }
        String column = table.generatedId().get();
        try (PreparedStatement ps = target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                + "coalesce(max(" + TableShape.quote(column) + "), 0) + 1, false) FROM "
                + TableShape.quote(table.name()))) {
            ps.setString(1, TableShape.quote(table.name()));
            ps.setString(2, column);
            ps.executeQuery().close();
        }
    }
}
