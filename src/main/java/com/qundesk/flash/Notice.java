package com.qundesk.flash;

import java.time.Instant;

/**
 * What the scheduler tells the operator once: a group opened, a reminder before its due time, or its
 * dissolution falling due. {@code late} is true when it fell due while QunDesk was closed; {@code overdue} when it is
 * late or a due group was left undissolved past {@link NoticeInbox#OVERDUE_AFTER} (a team's leads are told too).
 */
public record Notice(long groupId, String groupName, Type type, Instant dueAt, Instant firedFor, boolean late,
                     boolean overdue) {

    public enum Type {
        OPENED("opened"), REMINDER("reminder"), DISSOLUTION_DUE("dissolution_due");

        private final String token;

        Type(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public static Type fromToken(String t) {
            for (Type type : values()) {
                if (type.token.equals(t)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("no notice type " + t);
        }
    }
}
