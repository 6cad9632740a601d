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

    /**
     * The ids of the live groups (statuses for which {@link #isLive()} holds) as an SQL subquery, for the queries
     * that read only the groups a portfolio judges.
     */
    public static final String LIVE_GROUP_IDS = "SELECT id FROM chat_group WHERE status IN ("
            + java.util.Arrays.stream(values()).filter(GroupStatus::isLive).map(s -> "'" + s.token() + "'")
            .collect(java.util.stream.Collectors.joining(", ")) + ")";
}
