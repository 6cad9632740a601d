package com.qundesk.group;

import java.util.regex.Pattern;

/** Where a group lives. Capacity defaults and external id shapes come from the platforms' own limits. */
public enum Platform {
    WECHAT("wechat", 500, Pattern.compile("^[A-Za-z0-9_\\-]+@chatroom$")),
    WECOM("wecom", 200, Pattern.compile("^w[a-zA-Z][A-Za-z0-9_\\-]{6,}$"));

    /** WeCom customer groups can be expanded to 500 members. */
    public static final int WECOM_EXPANDED_CAPACITY = 500;

    private final String token;
    private final int defaultCapacity;
    private final Pattern externalIdPattern;

    Platform(String token, int defaultCapacity, Pattern externalIdPattern) {
        this.token = token;
        this.defaultCapacity = defaultCapacity;
        this.externalIdPattern = externalIdPattern;
    }

    public String token() {
        return token;
    }

    public int defaultCapacity() {
        return defaultCapacity;
    }

    /** The most members the platform allows at all (WeCom after expansion). */
    public int maxCapacity() {
        return 500;
    }

    public boolean acceptsExternalId(String externalId) {
        return externalIdPattern.matcher(externalId).matches();
    }

    public String messageKey() {
        return "platform." + token;
    }

    public static Platform fromToken(String token) {
        for (Platform p : values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown platform token: " + token);
    }
}
