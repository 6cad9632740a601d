package com.qundesk.flash;

import java.time.Instant;

/** One scheduled reminder row: before the due time ({@code REMINDER}) or at it ({@code DISSOLUTION}). */
public record Reminder(long id, long groupId, Kind kind, Instant fireAt, int offsetMinutes, Instant firedAt,
                       Instant cancelledAt) {

    public enum Kind {
        REMINDER("reminder"), DISSOLUTION("dissolution");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Kind fromToken(String t) {
            return "dissolution".equals(t) ? DISSOLUTION : REMINDER;
        }
    }
}
