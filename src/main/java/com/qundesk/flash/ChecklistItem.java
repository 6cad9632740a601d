package com.qundesk.flash;

/** What to do before dissolving a flash group, so that reach and results survive the group. */
public enum ChecklistItem {
    BEFRIENDED("befriended"),
    FAREWELL_SENT("farewell-sent"),
    OUTCOMES_RECORDED("outcomes-recorded"),
    CHAT_EXPORTED("chat-exported"),
    KEEPERS_INVITED("keepers-invited");

    private final String token;

    ChecklistItem(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "checklist." + token;
    }

    public static ChecklistItem fromToken(String token) {
        for (ChecklistItem i : values()) {
            if (i.token.equals(token)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown checklist item: " + token);
    }
}
