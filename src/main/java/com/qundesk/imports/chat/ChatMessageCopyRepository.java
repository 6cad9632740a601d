package com.qundesk.imports.chat;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a chat import writes its messages into a team workspace on PostgreSQL: through {@code COPY … FROM STDIN}
 * (the driver's {@link CopyManager}), the server's bulk path, instead of SQLite's multi-row INSERTs. Batches that
 * cannot hold a stored message go straight into {@code chat_message} through one COPY kept open across them, so the
 * importing thread never waits for the server between batches and the server stores rows while the next ones are
 * parsed; any other statement on the connection first ends that COPY ({@link #pause}). A batch that may hold a stored
 * message goes into a temporary table first, then one {@code INSERT … SELECT … ON CONFLICT DO NOTHING} moves it over,
 * so a duplicate is recognised by the same primary key as on SQLite, and the rows that went in say which of the batch
 * were new. The statements that write the workspace's tables are {@link ChatImportRepository}'s, their one owner;
 * this class moves the rows.
 */
final class ChatMessageCopyRepository {

    /** The key of the transaction-scoped advisory lock that makes chat imports and undos on one server take turns. */
    static final long IMPORT_LOCK = 0x5144_494d_504f_5254L; // "QDIMPORT"

    private static final String COLUMNS = ChatImportRepository.COPIED_COLUMNS;

    private final Connection c;
    private final CopyManager copy;
    private final byte[] importIdText;
    private byte[] buf = new byte[1 << 18];
    private int len;
    private PreparedStatement moveOver;
    private PreparedStatement storedRange;
    private boolean staging;
    /** The COPY into chat_message kept open across batches; null when none is. */
    private CopyIn stream;
    /** Per group: the first and last second of its messages stored before this import, or {@link #NONE_STORED}. */
    private final Map<Long, long[]> stored = new HashMap<>();
    private static final long[] NONE_STORED = new long[0];

    /** For the day aggregates only (no messages of an import to write). */
    ChatMessageCopyRepository(Connection c) throws SQLException {
        this(c, 0);
    }

    ChatMessageCopyRepository(Connection c, long importId) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
        this.importIdText = Long.toString(importId).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Makes this transaction the only chat import or undo running on the server until it ends (others wait): as the
     * one writer of a SQLite file, it reads what earlier imports stored and no two imports interleave their rows,
     * aggregates and daily stats.
     */
    static void takeImportLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, IMPORT_LOCK);
            ps.executeQuery().close();
        }
    }

    /** Stores the batch; {@code mayOverlap}: some row may already be stored, so each is checked against the key. */
    void store(MessageBatch b, boolean mayOverlap) throws SQLException {
        if (!mayOverlap) {
            rows(b, false);
            if (stream == null) {
                stream = copy.copyIn("COPY chat_message (" + COLUMNS + ") FROM STDIN");
            }
            stream.writeToCopy(buf, 0, len);
            Arrays.fill(b.isNew, 0, b.size(), true);
            return;
        }
        pause();
        if (!staging) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMPORARY TABLE chat_message_in (idx INTEGER NOT NULL, group_id BIGINT NOT NULL, "
                        + "at BIGINT NOT NULL, sender_id BIGINT NOT NULL, kind INTEGER NOT NULL, seq BIGINT NOT NULL, "
                        + "day BIGINT NOT NULL, flags INTEGER NOT NULL, joins BIGINT NOT NULL, "
                        + "removals BIGINT NOT NULL, import_id BIGINT NOT NULL) ON COMMIT DROP");
            }
            moveOver = c.prepareStatement(ChatImportRepository.MOVE_STAGED_MESSAGES);
            staging = true;
        }
        rows(b, true);
        send("COPY chat_message_in (idx, " + COLUMNS + ") FROM STDIN");
        Arrays.fill(b.isNew, 0, b.size(), false);
        try (ResultSet rs = moveOver.executeQuery()) {
            while (rs.next()) {
                b.isNew[rs.getInt(1)] = true;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE chat_message_in");
        }
    }

    /** Ends the open COPY, if one is, so that the connection can run another statement; the server stores its rows. */
    void pause() throws SQLException {
        if (stream != null) {
            CopyIn s = stream;
            stream = null;
            s.endCopy();
        }
    }

    /** Cancels an open COPY when the import fails, so that the transaction can be rolled back. */
    void abandon() {
        if (stream != null && stream.isActive()) {
            try {
                stream.cancelCopy();
            } catch (SQLException e) {
                // the rollback that follows reports what is wrong with the connection
            }
        }
        stream = null;
    }

    /**
     * The first and last second of the group's messages stored before this import ({@link #NONE_STORED} when it has
     * none), read once per group: this import's own rows cannot collide (the file numbers repeated messages), so a
     * batch whose seconds fall outside that range needs no probe and stays on the open COPY.
     */
    long[] storedRange(long groupId) throws SQLException {
        long[] r = stored.get(groupId);
        if (r != null) {
            return r;
        }
        pause();
        if (storedRange == null) {
            storedRange = c.prepareStatement(ChatImportRepository.STORED_MESSAGE_RANGE);
        }
        storedRange.setLong(1, groupId);
        try (ResultSet rs = storedRange.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            r = rs.wasNull() ? NONE_STORED : new long[]{min, rs.getLong(2)};
        }
        stored.put(groupId, r);
        return r;
    }

    /**
     * Writes the batch's rows to the buffer in COPY's text format: tab-separated decimal numbers, one row a line.
     * Every column is a number, so nothing needs escaping (names and texts go into other tables through bound
     * parameters).
     */
    private void rows(MessageBatch b, boolean withIndex) {
        len = 0;
        for (int i = 0; i < b.size(); i++) {
            if (buf.length - len < 256) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            if (withIndex) {
                field(i);
            }
            field(b.target[i].groupId);
            field(b.at[i]);
            field(b.sender[i]);
            field(b.kind[i]);
            field(b.seq[i]);
            field(b.day[i]);
            field(b.flags[i]);
            field(b.joins[i]);
            field(b.removals[i]);
            System.arraycopy(importIdText, 0, buf, len, importIdText.length);
            len += importIdText.length;
            buf[len++] = '\n';
        }
    }

    /** Sends the buffer's rows through {@code sql}, a {@code COPY … FROM STDIN}. */
    private void send(String sql) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(buf, 0, len);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * Adds per-sender day counts ({group, day, sender, messages} each) to {@code chat_day_sender}: a million-message
     * file has hundreds of thousands of them, so they go through COPY, in key order (the index is then appended to,
     * not scattered). When no group has a stored count within its days here (a new group, or days past the last
     * import) they are COPYed straight in; otherwise into a temporary table and one upsert, not a statement each.
     */
    void addDaySenders(List<long[]> unsorted) throws SQLException {
        List<long[]> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]).thenComparingLong(r -> r[2]));
        if (!anyStoredDaySender(rows)) {
            daySenderRows(rows);
            send("COPY chat_day_sender (group_id, day, sender_id, messages) FROM STDIN");
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE chat_day_sender_in (group_id BIGINT NOT NULL, day BIGINT NOT NULL, "
                    + "sender_id BIGINT NOT NULL, messages BIGINT NOT NULL) ON COMMIT DROP");
        }
        daySenderRows(rows);
        send("COPY chat_day_sender_in FROM STDIN");
        try (Statement st = c.createStatement()) {
            st.executeUpdate(ChatImportRepository.MOVE_STAGED_DAY_SENDERS);
            st.execute("DROP TABLE chat_day_sender_in");
        }
    }

    /** True when some group of the rows (sorted by group) has a stored count between its first and last day here. */
    private boolean anyStoredDaySender(List<long[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ChatImportRepository.STORED_DAY_SENDER_PROBE)) {
            for (int i = 0; i < rows.size(); ) {
                long group = rows.get(i)[0];
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                for (; i < rows.size() && rows.get(i)[0] == group; i++) {
                    first = Math.min(first, rows.get(i)[1]);
                    last = Math.max(last, rows.get(i)[1]);
                }
                ps.setLong(1, group);
                ps.setLong(2, first);
                ps.setLong(3, last);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Writes {group, day, sender, messages} rows to the buffer in COPY's text format. */
    private void daySenderRows(List<long[]> rows) {
        len = 0;
        for (long[] r : rows) {
            if (buf.length - len < 128) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            for (int i = 0; i < 4; i++) {
                number(r[i]);
                buf[len++] = (byte) (i == 3 ? '\n' : '\t');
            }
        }
    }

    /** Appends a number and the tab that ends its column. */
    private void field(long v) {
        number(v);
        buf[len++] = '\t';
    }

    /** Appends a number's decimal digits (and its minus sign) to the buffer. */
    private void number(long v) {
        if (v < 0) {
            buf[len++] = '-';
            if (v == Long.MIN_VALUE) {
                byte[] min = "9223372036854775808".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(min, 0, buf, len, min.length);
                len += min.length;
                return;
            }
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    void close() throws SQLException {
        pause();
        for (PreparedStatement ps : new PreparedStatement[]{moveOver, storedRange}) {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
