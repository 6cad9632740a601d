package com.qundesk.plan;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The occurrences of a plan item, expanded by lib-recur (RFC 5545) in the item's zone, so "every Monday 09:00"
 * stays 09:00 on the wall clock across DST and "BYMONTHDAY=31" skips the months that have no 31st.
 */
public final class Recurrence {

    /** No item yields more than this per query, whatever its rule (a FREQ=SECONDLY typo stays harmless). */
    static final int MAX_PER_QUERY = 5000;

    private Recurrence() {
    }

    /** Parses and normalises a rule ("RRULE:" prefix allowed); a person-readable error when it is not one. */
    public static String normalise(String rule) {
        if (rule == null || rule.isBlank()) {
            return null;
        }
        String r = rule.strip();
        if (r.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            r = r.substring(6);
        }
        r = r.toUpperCase(Locale.ROOT);
        parse(r);
        return r;
    }

    /** Occurrences in [from, to), in order. */
    public static List<Instant> between(PlanItem item, Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        if (!item.recurring()) {
            if (!item.startAt().isBefore(from) && item.startAt().isBefore(to)) {
                out.add(item.startAt());
            }
            return out;
        }
        RecurrenceRuleIterator it = parse(item.rrule()).iterator(item.startAt().toEpochMilli(),
                TimeZone.getTimeZone(item.zone()));
        if (from.isAfter(item.startAt())) {
            it.fastForward(from.toEpochMilli());
        }
        long end = to.toEpochMilli();
        while (it.hasNext() && out.size() < MAX_PER_QUERY) {
            long t = it.nextMillis();
            if (t >= end) {
                break;
            }
            if (t >= from.toEpochMilli()) {
                out.add(Instant.ofEpochMilli(t));
            }
        }
        return out;
    }

    /**
     * The first occurrence of {@code rule} at or after {@code start}, counted from {@code start} as its DTSTART in
     * {@code zone} (so the rule keeps start's wall-clock time); {@code start} itself when the rule never falls.
     */
    public static Instant firstAtOrAfter(String rule, Instant start, ZoneId zone) {
        RecurrenceRuleIterator it = parse(rule).iterator(start.toEpochMilli(), TimeZone.getTimeZone(zone));
        for (int n = 0; it.hasNext() && n < MAX_PER_QUERY; n++) {
            long t = it.nextMillis();
            if (t >= start.toEpochMilli()) {
                return Instant.ofEpochMilli(t);
            }
        }
        return start;
    }

    /** Whether {@code at} is one of the item's occurrences. */
    public static boolean isOccurrence(PlanItem item, Instant at) {
        return between(item, at, at.plusMillis(1)).contains(at);
    }

    private static RecurrenceRule parse(String rule) {
        try {
            return new RecurrenceRule(rule);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw new ValidationException(FieldError.of("rrule", "validation.plan.rrule", rule));
        }
    }
}
