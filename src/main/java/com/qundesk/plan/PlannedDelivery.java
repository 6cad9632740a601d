package com.qundesk.plan;

import java.time.Instant;
import java.util.Locale;

/**
 * One occurrence of a plan item as of an instant, with the group's name and the text filled for the group.
 * {@code OVERDUE}: its time passed more than {@link PlanService#DUE_WINDOW} ago and nothing was recorded;
 * {@code DUE}: within that window either side of now; {@code UPCOMING}: later; {@code DELIVERED}/{@code SKIPPED}:
 * recorded.
 */
public record PlannedDelivery(PlanItem item, String groupName, Instant occurrence, State state, String text,
                              Delivery delivery) {

    public enum State {
        OVERDUE, DUE, UPCOMING, DELIVERED, SKIPPED;

        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String messageKey() {
            return "plan.state." + token();
        }

        public boolean open() {
            return this == OVERDUE || this == DUE || this == UPCOMING;
        }
    }

    /** A stable identity, the same in every export: the item and the occurrence. */
    public String uid() {
        return "plan-" + item.id() + "-" + occurrence.toEpochMilli() + "@qundesk";
    }
}
