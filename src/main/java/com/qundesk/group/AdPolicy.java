package com.qundesk.group;

import java.time.DayOfWeek;

/**
 * How a group controls ads without kicking people (PRODUCT.md): a red-envelope fee, a weekly window,
 * or one ad thread kept by an admin. Only the fields of the chosen type are set.
 */
public record AdPolicy(Type type, Integer feeYuan, DayOfWeek weekday, Integer hourFrom, Integer hourTo,
                       String threadAdmin) {

    public static final AdPolicy NONE = new AdPolicy(Type.NONE, null, null, null, null, null);

    public enum Type {
        NONE("none"), RED_ENVELOPE("red-envelope"), WEEKLY_WINDOW("weekly-window"), AD_THREAD("ad-thread");

        private final String token;

        Type(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }

        public String messageKey() {
            return "adPolicy." + token;
        }

        public static Type fromToken(String token) {
            for (Type t : values()) {
                if (t.token.equals(token)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown ad policy: " + token);
        }
    }

    public AdPolicy {
        if (type == null) {
            type = Type.NONE;
        }
        if (type != Type.RED_ENVELOPE) {
            feeYuan = null;
        }
        if (type != Type.WEEKLY_WINDOW) {
            weekday = null;
            hourFrom = null;
            hourTo = null;
        }
        if (type != Type.AD_THREAD) {
            threadAdmin = null;
        }
    }

    public static AdPolicy redEnvelope(int feeYuan) {
        return new AdPolicy(Type.RED_ENVELOPE, feeYuan, null, null, null, null);
    }

    public static AdPolicy weeklyWindow(DayOfWeek day, int from, int to) {
        return new AdPolicy(Type.WEEKLY_WINDOW, null, day, from, to, null);
    }

    public static AdPolicy adThread(String admin) {
        return new AdPolicy(Type.AD_THREAD, null, null, null, null, admin);
    }
}
