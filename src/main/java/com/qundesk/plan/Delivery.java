package com.qundesk.plan;

import java.time.Instant;

/** What became of one occurrence: delivered (with the value event it wrote) or skipped (with the reason). */
public record Delivery(long planItemId, Instant occurrence, State state, Long valueEventId, String reason,
                       Instant recordedAt) {

    public enum State {
        DELIVERED("delivered"), SKIPPED("skipped");

        private final String token;

        State(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static State fromToken(String t) {
            return "skipped".equals(t) ? SKIPPED : DELIVERED;
        }
    }
}
