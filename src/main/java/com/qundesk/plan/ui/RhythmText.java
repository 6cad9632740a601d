package com.qundesk.plan.ui;

import com.qundesk.i18n.Messages;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A plan item's rhythm (an RFC 5545 rule) in the operator's words — "every Monday", "每月第一个周五" — so the plan
 * views never show {@code FREQ=WEEKLY;BYDAY=MO} to someone who did not type it. Rules beyond the common shapes
 * (the ones the dialogs offer and a person writes by hand) are shown as written.
 */
public final class RhythmText {

    /** The rhythms the plan dialogs offer, blank first (once). */
    static final List<String> OFFERED = List.of("", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=WE",
            "FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYDAY=1FR", "FREQ=MONTHLY;BYMONTHDAY=-1");

    private RhythmText() {
    }

    /** The rule in words, or the rule itself when it has a shape not described here; "once" for none. */
    public static String describe(Messages m, String rule) {
        if (rule == null || rule.isBlank()) {
            return m.get("rhythm.once");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String p : rule.trim().toUpperCase(Locale.ROOT).split(";")) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return rule;
            }
            parts.put(p.substring(0, eq), p.substring(eq + 1));
        }
        String freq = parts.remove("FREQ");
        int interval = parseInt(parts.remove("INTERVAL"), 1);
        String count = parts.remove("COUNT");
        String until = parts.remove("UNTIL");
        parts.remove("WKST");
        String text = freq == null || interval < 1 ? null : switch (freq) {
            case "DAILY" -> parts.isEmpty() ? (interval == 1 ? m.get("rhythm.daily") : m.get("rhythm.everyNDays", interval))
                    : null;
            case "WEEKLY" -> weekly(m, parts, interval);
            case "MONTHLY" -> interval == 1 ? monthly(m, parts) : null;
            default -> null;
        };
        if (text == null) {
            return rule;
        }
        if (count != null) {
            text += m.get("rhythm.count", parseInt(count, 0));
        } else if (until != null && until.length() >= 8) {
            text += m.get("rhythm.until", until.substring(0, 4) + "-" + until.substring(4, 6) + "-" + until.substring(6, 8));
        }
        return text;
    }

    private static String weekly(Messages m, Map<String, String> parts, int interval) {
        String byDay = parts.remove("BYDAY");
        if (!parts.isEmpty() || byDay == null) {
            return byDay == null && parts.isEmpty()
                    ? (interval == 1 ? m.get("rhythm.weekly") : m.get("rhythm.everyNWeeks", interval)) : null;
        }
        List<String> days = new ArrayList<>();
        for (String d : byDay.split(",")) {
            DayOfWeek day = day(d);
            if (day == null) {
                return null;
            }
            days.add(dayName(m, day));
        }
        String list = String.join(m.get("rhythm.separator"), days);
        return interval == 1 ? m.get("rhythm.weeklyOn", list) : m.get("rhythm.everyNWeeksOn", interval, list);
    }

    private static String monthly(Messages m, Map<String, String> parts) {
        String byDay = parts.remove("BYDAY");
        String byMonthDay = parts.remove("BYMONTHDAY");
        if (!parts.isEmpty()) {
            return null;
        }
        if (byMonthDay != null && byDay == null) {
            int d = parseInt(byMonthDay, 0);
            return d == -1 ? m.get("rhythm.monthlyLastDay") : d >= 1 && d <= 31 ? m.get("rhythm.monthlyDay", d) : null;
        }
        if (byDay != null && byMonthDay == null && byDay.length() >= 3) {
            DayOfWeek day = day(byDay.substring(byDay.length() - 2));
            int nth = parseInt(byDay.substring(0, byDay.length() - 2).replace("+", ""), 0);
            if (day == null) {
                return null;
            }
            String name = dayName(m, day);
            if (nth == -1) {
                return m.get("rhythm.monthlyLast", name);
            }
            return nth >= 1 && nth <= 5 ? m.get("rhythm.monthlyNth", m.get("rhythm.nth." + nth), name) : null;
        }
        return null;
    }

    /** "Monday", "周一": the weekday as the operator's language names it in a rhythm. */
    private static String dayName(Messages m, DayOfWeek day) {
        return m.get("rhythm.day." + day.getValue());
    }

    private static DayOfWeek day(String code) {
        return switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> null;
        };
    }

    private static int parseInt(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The rule in an editable rhythm box made by {@link #offer}: the picked rhythm's rule, or the text typed. */
    static String ruleOf(ComboBox<String> box) {
        return box.getConverter().fromString(box.getEditor().getText());
    }

    /**
     * Makes an editable rhythm box offer the common rhythms in words while keeping the rule as its value: a rhythm
     * picked from the list shows as words, a rule typed by hand is kept as typed.
     */
    static void offer(ComboBox<String> box, Messages m) {
        box.getItems().setAll(OFFERED);
        box.setConverter(converter(m));
    }

    /** Rule → words for the offered rhythms and anything describable; words or a typed rule → the rule. */
    static StringConverter<String> converter(Messages m) {
        return new StringConverter<>() {
            @Override
            public String toString(String rule) {
                return rule == null ? "" : rule.isBlank() ? m.get("rhythm.once") : describe(m, rule);
            }

            @Override
            public String fromString(String text) {
                if (text == null || text.isBlank() || text.equals(m.get("rhythm.once"))) {
                    return "";
                }
                return OFFERED.stream().filter(r -> !r.isEmpty() && describe(m, r).equals(text)).findFirst()
                        .orElse(text.trim());
            }
        };
    }
}
