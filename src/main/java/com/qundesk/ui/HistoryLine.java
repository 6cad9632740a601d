package com.qundesk.ui;

import com.qundesk.i18n.Messages;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a record's history as the group form and the campaign detail show it: "2026-11-24 10:00  林晓 · Changed
 * Members: 120 → 130". The actor is shown by display name (else login; nothing for changes recorded before operators
 * were), the action and field by their labels ({@code history.action.*}, the caller's field label prefix).
 */
public final class HistoryLine {

    private HistoryLine() {
    }

    /** One change: when, who (a login or null), what, and for a field's change the field and both values. */
    public record Change(Instant at, String actor, String action, String field, String oldValue, String newValue,
                         String note) {
    }

    public static String of(ViewContext ui, Change h, Map<String, String> names, String fieldKeyPrefix) {
        Messages m = ui.messages();
        String action = m.has("history.action." + h.action()) ? m.get("history.action." + h.action()) : h.action();
        StringBuilder sb = new StringBuilder(ui.formats().dateTime(h.at())).append("  ")
                .append(h.actor() == null ? "" : names.getOrDefault(h.actor(), h.actor()) + " · ").append(action);
        if (h.field() != null) {
            String key = fieldKeyPrefix + h.field();
            sb.append(" ").append(m.has(key) ? m.get(key) : h.field()).append(": ")
                    .append(h.oldValue() == null ? "—" : shorten(h.oldValue()))
                    .append(" → ").append(h.newValue() == null ? "—" : shorten(h.newValue()));
        }
        if (h.note() != null) {
            sb.append(" (").append(h.note()).append(')');
        }
        return sb.toString();
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 39) + "…" : one;
    }
}
