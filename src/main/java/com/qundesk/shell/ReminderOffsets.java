package com.qundesk.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reminder offsets as the operator types them: hours before the due time, comma-separated ("24, 1"), decimals
 * allowed ("0.5" = 30 minutes). The reminder at the due time itself is always kept.
 */
final class ReminderOffsets {

    private ReminderOffsets() {
    }

    static String format(List<Integer> minutes) {
        List<String> parts = new ArrayList<>();
        for (int m : minutes) {
            if (m == 0) {
                continue;
            }
            parts.add(m % 60 == 0 ? Integer.toString(m / 60) : Double.toString(m / 60.0));
        }
        return String.join(", ", parts);
    }

    /** Minutes (always including 0), or empty when the text is not a list of hours between 0 and 720. */
    static Optional<List<Integer>> parse(String text) {
        List<Integer> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String p : text.split("[,，、\\s]+")) {
                if (p.isBlank()) {
                    continue;
                }
                try {
                    double hours = Double.parseDouble(p.strip());
                    if (hours <= 0 || hours > 720) {
                        return Optional.empty();
                    }
                    int minutes = (int) Math.round(hours * 60);
                    if (!out.contains(minutes)) {
                        out.add(minutes);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        out.sort((a, b) -> b - a);
        out.add(0);
        return Optional.of(out);
    }
}
