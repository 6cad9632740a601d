package com.qundesk.value;

/** What to do with a group, most drastic first when several apply. */
public enum Recommendation {
    DISSOLVE("dissolve"),
    CONVERT_TO_FLASH("convert-to-flash"),
    RE_FORM("re-form"),
    SPLIT("split"),
    IMPROVE("improve"),
    KEEP("keep");

    private final String token;

    Recommendation(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "recommendation." + token;
    }
}
