package com.qundesk.flash;

import java.util.EnumSet;
import java.util.Set;

/**
 * A flash group's life: planned → open → dissolution due → dissolved; or extended (a new due time and a
 * reason) or converted to long-term (a reason). Dissolved and converted are final.
 */
public enum FlashState {
    PLANNED("planned"),
    OPEN("open"),
    DUE("due"),
    EXTENDED("extended"),
    DISSOLVED("dissolved"),
    CONVERTED("converted");

    private final String token;

    FlashState(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "flashState." + token;
    }

    /**
     * The message key of a group's status as every view and the CLI show it: a live flash group's state now
     * ({@code flashNow}, null for other groups), otherwise its registry status (also once the flash life ended:
     * a group converted to long-term is simply active).
     */
    public static String statusKey(com.qundesk.group.GroupStatus status, FlashState flashNow) {
        return flashNow != null && !flashNow.isFinal() && status.isLive() ? flashNow.messageKey()
                : status.messageKey();
    }

    public boolean isFinal() {
        return this == DISSOLVED || this == CONVERTED;
    }

    /** The states this one may move to. */
    public Set<FlashState> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(OPEN, DISSOLVED);
            case OPEN -> EnumSet.of(DUE, EXTENDED, DISSOLVED, CONVERTED);
            case DUE -> EnumSet.of(EXTENDED, DISSOLVED, CONVERTED);
            case EXTENDED -> EnumSet.of(DUE, EXTENDED, DISSOLVED, CONVERTED);
            case DISSOLVED, CONVERTED -> EnumSet.noneOf(FlashState.class);
        };
    }

    public boolean canMoveTo(FlashState target) {
        return next().contains(target);
    }

    public static FlashState fromToken(String token) {
        for (FlashState s : values()) {
            if (s.token.equals(token)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown flash state: " + token);
    }
}
