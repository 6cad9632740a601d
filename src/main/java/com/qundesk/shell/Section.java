package com.qundesk.shell;

/** The places the navigation leads to, in the order shown. */
public enum Section {
    TODAY("today", "mdi2c-calendar-today"),
    GROUPS("groups", "mdi2a-account-group"),
    CAMPAIGNS("campaigns", "mdi2l-lightning-bolt"),
    DASHBOARD("dashboard", "mdi2c-chart-box-outline"),
    IMPORT("import", "mdi2i-import"),
    TEMPLATES("templates", "mdi2t-text-box-multiple-outline"),
    SETTINGS("settings", "mdi2c-cog-outline");

    private final String token;
    private final String icon;

    Section(String token, String icon) {
        this.token = token;
        this.icon = icon;
    }

    public String token() {
        return token;
    }

    public String icon() {
        return icon;
    }

    public String titleKey() {
        return "nav." + token;
    }

    public static Section fromToken(String token, Section fallback) {
        for (Section s : values()) {
            if (s.token.equals(token)) {
                return s;
            }
        }
        return fallback;
    }
}
