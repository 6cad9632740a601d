package com.qundesk.flash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.getLong;
import static com.qundesk.db.Jdbc.setInstant;
import static com.qundesk.db.Jdbc.setLong;

/**
 * SQL for the notices addressed to people ({@code notice_inbox}): written by the copy of the app that claims a due
 * item, one row per recipient (NULL: whoever is on duty), and taken once per row by a conditional write.
 */
public final class NoticeInboxRepository {

    /** The kind of a plan delivery's notice (the flash ones are {@link Notice.Type#token()}). */
    public static final String DELIVERY = "delivery";

    /**
     * One notice of a group: {@code kind} ({@code opened}, {@code reminder}, {@code dissolution_due} or
     * {@code delivery} with its plan item), the due time, the time it fell due for (a delivery's occurrence), late
     * (it fell due while every copy was closed) and overdue (late, or a due group left undissolved). {@code id} and
     * {@code groupName} are filled when read back.
     */
    public record Entry(long id, long groupId, String groupName, String kind, Long planItemId, Instant dueAt,
                        Instant firedFor, boolean late, boolean overdue) {

        /** A notice about to be written. */
        public static Entry of(long groupId, String kind, Long planItemId, Instant dueAt, Instant firedFor,
                               boolean late, boolean overdue) {
            return new Entry(0, groupId, null, kind, planItemId, dueAt, firedFor, late, overdue);
        }
    }

    /** Writes {@code e} addressed to {@code recipient} (null: whoever is on duty). */
    public void add(Connection c, String recipient, Entry e, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_inbox (recipient, group_id, kind, "
                + "plan_item_id, due_at, fired_for, late, overdue, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, recipient);
            ps.setLong(2, e.groupId());
            ps.setString(3, e.kind());
            setLong(ps, 4, e.planItemId());
            setInstant(ps, 5, e.dueAt());
            ps.setLong(6, e.firedFor().toEpochMilli());
            ps.setInt(7, e.late() ? 1 : 0);
            ps.setInt(8, e.overdue() ? 1 : 0);
            ps.setLong(9, at.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /**
     * The groups still due to be dissolved since {@code dueBefore} or earlier whose dissolution has had no overdue
     * notice yet (an extension gives a new due time, which may fall overdue again), as notices to write.
     */
    public List<Entry> overdueUnnoticed(Connection c, Instant dueBefore) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.group_id, f.due_at FROM flash_lifecycle f "
                + "WHERE f.state = 'due' AND f.due_at <= ? AND NOT EXISTS (SELECT 1 FROM notice_inbox n "
                + "WHERE n.group_id = f.group_id AND n.kind = 'dissolution_due' AND n.due_at = f.due_at "
                + "AND n.overdue = 1) ORDER BY f.due_at, f.group_id")) {
            ps.setLong(1, dueBefore.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant due = Instant.ofEpochMilli(rs.getLong(2));
                    out.add(Entry.of(rs.getLong(1), Notice.Type.DISSOLUTION_DUE.token(), null, due, due, false, true));
                }
            }
        }
        return out;
    }

    /**
     * The unshown notices of {@code deliveries} kind (or of the flash kinds) addressed to {@code recipient} or to
     * whoever is on duty, oldest first; every unshown one when {@code recipient} is null.
     */
    public List<Entry> unshown(Connection c, String recipient, boolean deliveries) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.id, n.group_id, g.name, n.kind, n.plan_item_id, "
                + "n.due_at, n.fired_for, n.late, n.overdue FROM notice_inbox n JOIN chat_group g ON g.id = n.group_id "
                + "WHERE n.shown_at IS NULL AND " + (deliveries ? "n.kind = ?" : "n.kind <> ?")
                + (recipient == null ? "" : " AND (n.recipient = ? OR n.recipient IS NULL)") + " ORDER BY n.id")) {
            ps.setString(1, DELIVERY);
            if (recipient != null) {
                ps.setString(2, recipient);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), getLong(rs, 5),
                            getInstant(rs, 6), Instant.ofEpochMilli(rs.getLong(7)), rs.getInt(8) == 1,
                            rs.getInt(9) == 1));
                }
            }
        }
        return out;
    }

    /** Marks a notice shown; false when another copy (of the same operator, or any for a NULL one) showed it first. */
    public boolean markShown(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE notice_inbox SET shown_at = ? WHERE id = ? AND shown_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }
}
