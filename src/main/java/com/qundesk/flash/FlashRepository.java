package com.qundesk.flash;

import com.qundesk.db.Dialect;
import com.qundesk.group.GroupScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.qundesk.db.Jdbc.getInstant;
import static com.qundesk.db.Jdbc.setInstant;

/** SQL for flash lifecycles, their checklists and reminders. */
public final class FlashRepository {

    private static final String COLUMNS = "group_id, preset, state, opens_at, due_at, ended_at, end_reason, "
            + "skipped_checklist";

    public void insert(Connection c, FlashLifecycle f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO flash_lifecycle (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, f.groupId());
            ps.setString(2, f.preset().token());
            ps.setString(3, f.state().token());
            ps.setLong(4, f.opensAt().toEpochMilli());
            ps.setLong(5, f.dueAt().toEpochMilli());
            setInstant(ps, 6, f.endedAt());
            ps.setString(7, f.endReason());
            ps.setString(8, tokens(f.skipped()));
            ps.executeUpdate();
        }
    }

    public void update(Connection c, FlashLifecycle f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE flash_lifecycle SET preset=?, state=?, opens_at=?, "
                + "due_at=?, ended_at=?, end_reason=?, skipped_checklist=? WHERE group_id=?")) {
            ps.setString(1, f.preset().token());
            ps.setString(2, f.state().token());
            ps.setLong(3, f.opensAt().toEpochMilli());
            ps.setLong(4, f.dueAt().toEpochMilli());
            setInstant(ps, 5, f.endedAt());
            ps.setString(6, f.endReason());
            ps.setString(7, tokens(f.skipped()));
            ps.setLong(8, f.groupId());
            ps.executeUpdate();
        }
    }

    public Optional<FlashLifecycle> find(Connection c, long groupId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM flash_lifecycle WHERE group_id=?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(map(rs, checklist(c, groupId)));
            }
        }
    }

    /** Every lifecycle, in due order. */
    public List<FlashLifecycle> findAll(Connection c) throws SQLException {
        Map<Long, Set<ChecklistItem>> done = allChecklists(c);
        List<FlashLifecycle> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM flash_lifecycle ORDER BY due_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs, done.getOrDefault(rs.getLong(1), Set.of())));
            }
        }
        return out;
    }

    /**
     * The lifecycles of live groups (active or dissolution scheduled: the ones a portfolio judges), with their
     * checklists; at big scale ~10 % of all lifecycles, the rest being dissolved flash groups of past events.
     */
    public List<FlashLifecycle> findOfLiveGroups(Connection c) throws SQLException {
        return findOfLiveGroups(c, GroupScope.TEAM);
    }

    /** The lifecycles of the live groups of {@code scope}. */
    public List<FlashLifecycle> findOfLiveGroups(Connection c, GroupScope scope) throws SQLException {
        String live = scope.liveGroupIds();
        Map<Long, Set<ChecklistItem>> done = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id, item FROM flash_checklist WHERE group_id IN (" + live + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                done.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(ChecklistItem.class))
                        .add(ChecklistItem.fromToken(rs.getString(2)));
            }
        }
        List<FlashLifecycle> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM flash_lifecycle WHERE group_id IN ("
                + live + ") ORDER BY due_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs, done.getOrDefault(rs.getLong(1), Set.of())));
            }
        }
        return out;
    }

    /**
     * Flash groups dissolved within {@code grace} of their due time (on time) or later; lifecycles whose group is
     * no longer in the registry are not counted.
     */
    public FlashDiscipline.Endings endings(Connection c, java.time.Duration grace) throws SQLException {
        return endings(c, grace, GroupScope.TEAM);
    }

    /** The same of the groups of {@code scope}. */
    public FlashDiscipline.Endings endings(Connection c, java.time.Duration grace, GroupScope scope)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT "
                + "coalesce(sum(CASE WHEN f.ended_at IS NOT NULL AND f.ended_at <= f.due_at + ? THEN 1 ELSE 0 END), 0), "
                + "coalesce(sum(CASE WHEN f.ended_at IS NOT NULL AND f.ended_at <= f.due_at + ? THEN 0 ELSE 1 END), 0) "
                + "FROM flash_lifecycle f JOIN chat_group g ON g.id = f.group_id WHERE f.state = ?" + scope.andGroup("g"))) {
            ps.setLong(1, grace.toMillis());
            ps.setLong(2, grace.toMillis());
            ps.setString(3, FlashState.DISSOLVED.token());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new FlashDiscipline.Endings(rs.getInt(1), rs.getInt(2));
            }
        }
    }

    /** Planned lifecycles whose opening time has come. */
    public List<Long> plannedToOpen(Connection c, Instant now) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT group_id FROM flash_lifecycle WHERE state = 'planned' AND opens_at <= ? ORDER BY opens_at, group_id")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    public void setChecklist(Connection c, long groupId, ChecklistItem item, Instant doneAt) throws SQLException {
        if (doneAt == null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM flash_checklist WHERE group_id=? AND item=?")) {
                ps.setLong(1, groupId);
                ps.setString(2, item.token());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO flash_checklist (group_id, item, done_at) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, groupId);
                ps.setString(2, item.token());
                ps.setLong(3, doneAt.toEpochMilli());
                ps.executeUpdate();
            }
        }
    }

    public void insertReminder(Connection c, long groupId, Reminder.Kind kind, Instant fireAt, int offsetMinutes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder (group_id, kind, fire_at, offset_minutes) "
                + "VALUES (?,?,?,?)")) {
            ps.setLong(1, groupId);
            ps.setString(2, kind.token());
            ps.setLong(3, fireAt.toEpochMilli());
            ps.setInt(4, offsetMinutes);
            ps.executeUpdate();
        }
    }

    /** Cancels the group's reminders that have not fired yet; returns how many. */
    public int cancelPendingReminders(Connection c, long groupId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reminder SET cancelled_at = ? WHERE group_id = ? "
                + "AND fired_at IS NULL AND cancelled_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, groupId);
            return ps.executeUpdate();
        }
    }

    /** Pending reminders whose time has come, oldest first. */
    public List<Reminder> pendingDue(Connection c, Instant now) throws SQLException {
        return reminders(c, "SELECT id, group_id, kind, fire_at, offset_minutes, fired_at, cancelled_at FROM reminder "
                + "WHERE fired_at IS NULL AND cancelled_at IS NULL AND fire_at <= ? ORDER BY fire_at, id", now);
    }

    /** Reminders not cancelled, pending or not (for the due list and the calendar). */
    public List<Reminder> activeReminders(Connection c) throws SQLException {
        return reminders(c, "SELECT id, group_id, kind, fire_at, offset_minutes, fired_at, cancelled_at FROM reminder "
                + "WHERE cancelled_at IS NULL ORDER BY fire_at, id", null);
    }

    public List<Reminder> remindersOf(Connection c, long groupId) throws SQLException {
        List<Reminder> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, group_id, kind, fire_at, offset_minutes, fired_at, "
                + "cancelled_at FROM reminder WHERE group_id = ? ORDER BY fire_at, id")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapReminder(rs));
                }
            }
        }
        return out;
    }

    /**
     * Makes the caller's transaction wait for another copy's poll of the schedule to commit (on a team's server), so
     * the copies of a team poll one after the other and each finds what the previous one fired already marked.
     */
    public void takePollingTurn(Connection c) throws SQLException {
        Dialect.of(c).takeTurn(c, "qundesk.reminders.poll");
    }

    /**
     * Moves a group from state {@code from} to {@code to} if it is still in {@code from}; false when someone moved it
     * meanwhile (another copy of a team's app opened it first), so a scheduled move happens once.
     */
    public boolean moveState(Connection c, long groupId, FlashState from, FlashState to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE flash_lifecycle SET state = ? WHERE group_id = ? AND state = ?")) {
            ps.setString(1, to.token());
            ps.setLong(2, groupId);
            ps.setString(3, from.token());
            return ps.executeUpdate() == 1;
        }
    }

    /** Marks a reminder fired; false when another process fired it first (so it is shown once only). */
    public boolean markFired(Connection c, long reminderId, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE reminder SET fired_at = ? WHERE id = ? AND fired_at IS NULL AND cancelled_at IS NULL")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setLong(2, reminderId);
            return ps.executeUpdate() == 1;
        }
    }

    private List<Reminder> reminders(Connection c, String sql, Instant now) throws SQLException {
        List<Reminder> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (now != null) {
                ps.setLong(1, now.toEpochMilli());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapReminder(rs));
                }
            }
        }
        return out;
    }

    private static Reminder mapReminder(ResultSet rs) throws SQLException {
        return new Reminder(rs.getLong(1), rs.getLong(2), Reminder.Kind.fromToken(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5), getInstant(rs, 6), getInstant(rs, 7));
    }

    private Set<ChecklistItem> checklist(Connection c, long groupId) throws SQLException {
        Set<ChecklistItem> out = EnumSet.noneOf(ChecklistItem.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT item FROM flash_checklist WHERE group_id = ?")) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ChecklistItem.fromToken(rs.getString(1)));
                }
            }
        }
        return out;
    }

    private Map<Long, Set<ChecklistItem>> allChecklists(Connection c) throws SQLException {
        Map<Long, Set<ChecklistItem>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT group_id, item FROM flash_checklist");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(ChecklistItem.class))
                        .add(ChecklistItem.fromToken(rs.getString(2)));
            }
        }
        return out;
    }

    private static FlashLifecycle map(ResultSet rs, Set<ChecklistItem> done) throws SQLException {
        return new FlashLifecycle(rs.getLong(1), LifetimePreset.fromToken(rs.getString(2)),
                FlashState.fromToken(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), getInstant(rs, 6), rs.getString(7), parse(rs.getString(8)), done);
    }

    private static String tokens(Set<ChecklistItem> items) {
        if (items.isEmpty()) {
            return null;
        }
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (ChecklistItem i : ChecklistItem.values()) {
            if (items.contains(i)) {
                ordered.put(i.token(), true);
            }
        }
        return String.join(",", ordered.keySet());
    }

    private static Set<ChecklistItem> parse(String s) {
        if (s == null || s.isBlank()) {
            return Set.of();
        }
        Set<ChecklistItem> out = EnumSet.noneOf(ChecklistItem.class);
        Arrays.stream(s.split(",")).map(ChecklistItem::fromToken).forEach(out::add);
        return out;
    }
}
