package com.qundesk.template;

/** The texts an operator pastes into WeChat. */
public enum TemplateKind {
    RULES("rules"), ANNOUNCEMENT("announcement"), WELCOME("welcome"), FAREWELL("farewell"), AD_POLICY("ad-policy");

    private final String token;

    TemplateKind(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "templateKind." + token;
    }

    public static TemplateKind fromToken(String t) {
        for (TemplateKind k : values()) {
            if (k.token.equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown template kind: " + t);
    }
}
