package com.qundesk.group;

/** Where a group stands in its life. Dissolved and archived groups are kept for their history. */
public enum GroupStatus {
    ACTIVE("active"),
    DISSOLUTION_SCHEDULED("dissolution-scheduled"),
    DISSOLVED("dissolved"),
    ARCHIVED("archived");

    private final String token;

    GroupStatus(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "status." + token;
    }

    public boolean isLive() {
        return this == ACTIVE || this == DISSOLUTION_SCHEDULED;
    }

    public static GroupStatus fromToken(String token) {
        for (GroupStatus s : values()) {
            if (s.token.equals(token)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown status token: " + token);
    }
}
