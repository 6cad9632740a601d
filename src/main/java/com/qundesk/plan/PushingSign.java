package com.qundesk.plan;

import java.util.Map;

/** A sign that a plan pushes rather than serves, with the evidence that shows it. */
public record PushingSign(Kind kind, Map<String, Object> evidence) {

    public enum Kind {
        /** The same text planned for many groups on one day: the SCRM "群SOP" pattern. */
        SAME_TEXT_MANY_GROUPS("same-text-many-groups"),
        /** More than three deliveries planned for one group on one day. */
        MORE_THAN_THREE_A_DAY("more-than-three-a-day"),
        /** Every item of the plan is of one dimension. */
        ONE_DIMENSION("one-dimension");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public String messageKey() {
            return "plan.sign." + token;
        }
    }
}
