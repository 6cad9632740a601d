package com.qundesk.settings;

import com.qundesk.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings that belong to a workspace (thresholds, reminder offsets), kept in it as key/value text by
 * {@link SettingsRepository}.
 */
public final class WorkspaceSettings {

    public static final String REMINDER_OFFSETS = "reminders.offsetsMinutes";
    public static final List<Integer> DEFAULT_REMINDER_OFFSETS = List.of(24 * 60, 60, 0);

    private static final SettingsRepository REPO = new SettingsRepository();

    private final Database db;

    public WorkspaceSettings(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read(c -> get(c, key));
    }

    public void put(String key, String value) {
        db.inTransaction(c -> {
            REPO.put(c, key, value);
            return null;
        });
    }

    /** {@link #get(String)} within the caller's transaction. */
    public static Optional<String> get(Connection c, String key) throws SQLException {
        return REPO.get(c, key);
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
