package com.qundesk.plan;

import com.qundesk.value.ValueDimension;

import java.time.Instant;
import java.time.ZoneId;

/**
 * One thing a group's plan gives its members: once at {@code startAt}, or on an RFC 5545 rhythm ({@code rrule},
 * without DTSTART) whose wall-clock time is kept in {@code zone} across DST. {@code body} is the text to paste,
 * with the template variables ({group}, {owner} …) still in it.
 */
public record PlanItem(Long id, long groupId, ValueDimension dimension, String title, String body, Integer reach,
                       String rrule, Instant startAt, ZoneId zone, Source source, Instant createdAt, Instant endedAt) {

    /** Where an item came from: typed by the operator, a plan template, or a flash preset's plan. */
    public enum Source {
        MANUAL("manual"), TEMPLATE("template"), FLASH("flash");

        private final String token;

        Source(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Source fromToken(String t) {
            for (Source s : values()) {
                if (s.token.equals(t)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("Unknown plan source: " + t);
        }
    }

    public boolean recurring() {
        return rrule != null;
    }

    public boolean active() {
        return endedAt == null;
    }
}
