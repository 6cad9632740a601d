package com.qundesk.group;

/** What a group is for (PRODUCT.md). The token is what the workspace and the CLI store and print. */
public enum Purpose {
    SHOPPING("shopping"),
    RESOURCE("resource"),
    INDUSTRY("industry"),
    PAID("paid"),
    VIP("vip"),
    FAN("fan"),
    HABIT("habit"),
    SERVICE("service"),
    EVENT("event");

    private final String token;

    Purpose(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "purpose." + token;
    }

    public static Purpose fromToken(String token) {
        for (Purpose p : values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown purpose token: " + token);
    }
}
