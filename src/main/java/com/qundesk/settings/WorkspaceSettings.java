package com.qundesk.settings;

import com.qundesk.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Settings that belong to a workspace (thresholds, reminder offsets), stored in it as key/value text. */
public final class WorkspaceSettings {

    public static final String REMINDER_OFFSETS = "reminders.offsetsMinutes";
    public static final List<Integer> DEFAULT_REMINDER_OFFSETS = List.of(24 * 60, 60, 0);

    private final Database db;

    public WorkspaceSettings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> get(c, key));
    }

    public void put(String key, String value) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO workspace_setting (key, value) VALUES (?, ?) "
                            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public static Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM workspace_setting WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Minutes before the due time at which reminders fire (0 = at the due time). */
    public List<Integer> reminderOffsets() {
        return db.read(WorkspaceSettings::reminderOffsets);
    }

    public void setReminderOffsets(List<Integer> minutes) {
        List<String> parts = new ArrayList<>();
        for (Integer m : minutes) {
            if (m == null || m < 0) {
                throw new IllegalArgumentException("Reminder offsets must be >= 0");
            }
            parts.add(m.toString());
        }
        put(REMINDER_OFFSETS, String.join(",", parts));
    }

    public static List<Integer> reminderOffsets(Connection c) throws SQLException {
        Optional<String> v = get(c, REMINDER_OFFSETS);
        if (v.isEmpty() || v.get().isBlank()) {
            return DEFAULT_REMINDER_OFFSETS;
        }
        List<Integer> out = new ArrayList<>();
        for (String p : v.get().split(",")) {
            try {
                int m = Integer.parseInt(p.strip());
                if (m >= 0 && !out.contains(m)) {
                    out.add(m);
                }
            } catch (NumberFormatException ignored) {
                // a damaged value falls back to the defaults below
            }
        }
        return out.isEmpty() ? DEFAULT_REMINDER_OFFSETS : out;
    }
}
