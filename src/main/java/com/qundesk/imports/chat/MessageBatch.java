package com.qundesk.imports.chat;

import com.qundesk.imports.chat.ImportSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of an import waiting to be written, held as columns, and their writing a batch at a time, telling for
 * each row whether the database took it as new. {@link ImportSession} fills it and aggregates the rows that were new.
 */
final class MessageBatch {
    static final int SIZE = 4096;
    private static final int ROWS_PER_STATEMENT = 256;

    private final Connection c;
    private final ChatImportRepository repo;
    private final long importId;
    private final PreparedStatement insert;
    private PreparedStatement multiInsert;
    private PreparedStatement plainInsert;
    private PreparedStatement rangeProbe;

    // the columns of the rows; isNew is set by store()
    final ImportSession.Target[] target = new ImportSession.Target[SIZE];
    final long[] day = new long[SIZE];
    final int[] sender = new int[SIZE];
    final int[] flags = new int[SIZE];
    final int[] joins = new int[SIZE];
    final int[] removals = new int[SIZE];
    final boolean[] isNew = new boolean[SIZE];
    private final long[] at = new long[SIZE];
    private final int[] kind = new int[SIZE];
    private final int[] seq = new int[SIZE];
    private int size;

    MessageBatch(Connection c, ChatImportRepository repo, long importId) throws SQLException {
        this.c = c;
        this.repo = repo;
        this.importId = importId;
        this.insert = repo.messageInsert(c, 1, importId, true);
    }

    /** Appends a row; true when the batch is now full and must be stored. */
    boolean add(ImportSession.Target t, long at, int kind, int seq, long day, int sender, int flags, int joins,
                int removals) {
        int i = size++;
        this.at[i] = at;
        this.kind[i] = kind;
        this.seq[i] = seq;
        this.target[i] = t;
        this.day[i] = day;
        this.sender[i] = sender;
        this.flags[i] = flags;
        this.joins[i] = joins;
        this.removals[i] = removals;
        return size == SIZE;
    }

    int size() {
        return size;
    }

    /** Empties the batch (after its rows were stored and counted). */
    void clear() {
        size = 0;
    }

    /**
     * Writes the batch. When none of its groups has a stored message in the batch's time range — a new file, or
     * the part of a file past what was imported before — no row can be a duplicate (numbering makes rows unique
     * within the file), so they go in with multi-row INSERTs, several times cheaper than a statement per row.
     * Otherwise each row is an INSERT OR IGNORE whose change count says whether it was new.
     */
    void store() throws SQLException {
        if (overlapsStored()) {
            for (int i = 0; i < size; i++) {
                bind(insert, 1, i);
                insert.addBatch();
            }
            int[] done = insert.executeBatch();
            for (int i = 0; i < size; i++) {
                isNew[i] = done[i] > 0;
            }
            return;
        }
        if (multiInsert == null) {
            multiInsert = repo.messageInsert(c, ROWS_PER_STATEMENT, importId, false);
            plainInsert = repo.messageInsert(c, 1, importId, false);
        }
        int i = 0;
        for (; i + ROWS_PER_STATEMENT <= size; i += ROWS_PER_STATEMENT) {
            for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                bind(multiInsert, 1 + 9 * r, i + r);
            }
            multiInsert.executeUpdate();
        }
        for (; i < size; i++) {
            bind(plainInsert, 1, i);
            plainInsert.addBatch();
        }
        plainInsert.executeBatch();
        java.util.Arrays.fill(isNew, 0, size, true);
    }

    private void bind(PreparedStatement ps, int p, int i) throws SQLException {
        ps.setLong(p, target[i].groupId);
        ps.setLong(p + 1, at[i]);
        ps.setInt(p + 2, sender[i]);
        ps.setInt(p + 3, kind[i]);
        ps.setInt(p + 4, seq[i]);
        ps.setLong(p + 5, day[i]);
        ps.setInt(p + 6, flags[i]);
        ps.setInt(p + 7, joins[i]);
        ps.setInt(p + 8, removals[i]);
    }

    /** True when some group of the batch already has a message stored within the batch's time range for it. */
    private boolean overlapsStored() throws SQLException {
        if (rangeProbe == null) {
            rangeProbe = repo.messageRangeProbe(c);
        }
        Map<ImportSession.Target, long[]> ranges = new HashMap<>();
        for (int i = 0; i < size; i++) {
            long[] r = ranges.computeIfAbsent(target[i], k -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE});
            r[0] = Math.min(r[0], at[i]);
            r[1] = Math.max(r[1], at[i]);
        }
        for (Map.Entry<ImportSession.Target, long[]> e : ranges.entrySet()) {
            rangeProbe.setLong(1, e.getKey().groupId);
            rangeProbe.setLong(2, e.getValue()[0]);
            rangeProbe.setLong(3, e.getValue()[1]);
            try (var rs = rangeProbe.executeQuery()) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    void close() throws SQLException {
        insert.close();
        for (PreparedStatement ps : new PreparedStatement[]{multiInsert, plainInsert, rangeProbe}) {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
