package com.qundesk.imports.chat;

import com.qundesk.db.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements one chat import writes its messages and senders with, prepared once per import from
 * {@link ChatImportRepository}'s SQL: stores a {@link MessageBatch} at a time and tells for each row whether it was
 * new. Closed when the import's session ends.
 */
final class ChatMessageRepository {
    private static final int ROWS_PER_STATEMENT = 256;

    private final Connection c;
    private final ChatImportRepository repo;
    private final long importId;
    private final PreparedStatement insert;
    private final PreparedStatement senderInsert;
    private PreparedStatement multiInsert;
    private PreparedStatement plainInsert;
    private PreparedStatement rangeProbe;
    /** On PostgreSQL the messages go in through COPY; null on SQLite. */
    private final ChatMessageCopyRepository copy;

    ChatMessageRepository(Connection c, ChatImportRepository repo, long importId) throws SQLException {
        this.c = c;
        this.repo = repo;
        this.importId = importId;
        this.senderInsert = repo.senderInsert(c);
        boolean sqlite = Dialect.of(c) == Dialect.SQLITE;
        this.insert = sqlite ? repo.messageInsert(c, 1, importId, true) : null;
        this.copy = sqlite ? null : new ChatMessageCopyRepository(c, importId);
    }

    /** Stores a sender of a group; returns its id. */
    int insertSender(long groupId, String key, String name) throws SQLException {
        pause();
        return repo.insertSender(senderInsert, groupId, key, name);
    }

    /**
     * Writes the batch. When none of its groups has a stored message in the batch's time range — a new file, or
     * the part of a file past what was imported before — no row can be a duplicate (numbering makes rows unique
     * within the file), so they go in with multi-row INSERTs, several times cheaper than a statement per row.
     * Otherwise each row is an INSERT OR IGNORE whose change count says whether it was new. On PostgreSQL both cases
     * go through COPY ({@link ChatMessageCopyRepository}), and a batch outside each group's stored range is not even
     * probed.
     */
    void store(MessageBatch b) throws SQLException {
        if (copy != null) {
            copy.store(b, withinStoredRange(b) && overlapsStored(b));
            return;
        }
        if (overlapsStored(b)) {
            for (int i = 0; i < b.size(); i++) {
                bind(b, insert, 1, i);
                insert.addBatch();
            }
            int[] done = insert.executeBatch();
            for (int i = 0; i < b.size(); i++) {
                b.isNew[i] = done[i] > 0;
            }
            return;
        }
        if (multiInsert == null) {
            multiInsert = repo.messageInsert(c, ROWS_PER_STATEMENT, importId, false);
            plainInsert = repo.messageInsert(c, 1, importId, false);
        }
        int i = 0;
        for (; i + ROWS_PER_STATEMENT <= b.size(); i += ROWS_PER_STATEMENT) {
            for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                bind(b, multiInsert, 1 + 9 * r, i + r);
            }
            multiInsert.executeUpdate();
        }
        for (; i < b.size(); i++) {
            bind(b, plainInsert, 1, i);
            plainInsert.addBatch();
        }
        plainInsert.executeBatch();
        Arrays.fill(b.isNew, 0, b.size(), true);
    }

    private static void bind(MessageBatch b, PreparedStatement ps, int p, int i) throws SQLException {
        ps.setLong(p, b.target[i].groupId);
        ps.setLong(p + 1, b.at[i]);
        ps.setInt(p + 2, b.sender[i]);
        ps.setInt(p + 3, b.kind[i]);
        ps.setInt(p + 4, b.seq[i]);
        ps.setLong(p + 5, b.day[i]);
        ps.setInt(p + 6, b.flags[i]);
        ps.setInt(p + 7, b.joins[i]);
        ps.setInt(p + 8, b.removals[i]);
    }

    /** Per group of the batch, the first and last second of its rows in it. */
    private static Map<ImportSession.Target, long[]> ranges(MessageBatch b) {
        Map<ImportSession.Target, long[]> ranges = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            long[] r = ranges.computeIfAbsent(b.target[i], k -> new long[]{Long.MAX_VALUE, Long.MIN_VALUE});
            r[0] = Math.min(r[0], b.at[i]);
            r[1] = Math.max(r[1], b.at[i]);
        }
        return ranges;
    }

    /**
     * PostgreSQL: false when every group's rows in the batch lie outside the range of its messages stored before this
     * import (then none can be a duplicate, and the open COPY needs no pause for a probe).
     */
    private boolean withinStoredRange(MessageBatch b) throws SQLException {
        for (Map.Entry<ImportSession.Target, long[]> e : ranges(b).entrySet()) {
            long[] stored = copy.storedRange(e.getKey().groupId);
            if (stored.length > 0 && e.getValue()[0] <= stored[1] && e.getValue()[1] >= stored[0]) {
                return true;
            }
        }
        return false;
    }

    /** Ends PostgreSQL's open COPY before another statement runs on the connection (nothing to do on SQLite). */
    void pause() throws SQLException {
        if (copy != null) {
            copy.pause();
        }
    }

    /** Lets go of an open COPY after a failure, so that the transaction can roll back. */
    void abandon() {
        if (copy != null) {
            copy.abandon();
        }
    }

    /** True when some group of the batch already has a message stored within the batch's time range for it. */
    private boolean overlapsStored(MessageBatch b) throws SQLException {
        pause();
        if (rangeProbe == null) {
            rangeProbe = repo.messageRangeProbe(c);
        }
        for (Map.Entry<ImportSession.Target, long[]> e : ranges(b).entrySet()) {
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
        senderInsert.close();
        if (copy != null) {
            copy.close();
        }
        for (PreparedStatement ps : new PreparedStatement[]{insert, multiInsert, plainInsert, rangeProbe}) {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
