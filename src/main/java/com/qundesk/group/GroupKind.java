package com.qundesk.group;

/** Long-lived groups earn their place; flash groups open for one event and are dissolved on schedule. */
public enum GroupKind {
    LONG_TERM("long-term"),
    FLASH("flash");

    private final String token;

    GroupKind(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "kind." + token;
    }

    public static GroupKind fromToken(String token) {
        for (GroupKind k : values()) {
            if (k.token.equals(token)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown kind token: " + token);
    }
}
