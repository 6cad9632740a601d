package com.qundesk.flash;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How long a flash group lives (PRODUCT.md): a resource flash group 10 minutes; an activity group until
 * 3 days after its campaign ends; a camp until 1 day after the camp's last day; or custom.
 * Day arithmetic is done in the operator's zone so "3 days later" is 3 calendar days, across month ends and DST.
 */
public enum LifetimePreset {
    RESOURCE_FLASH("resource-flash"),
    ACTIVITY("activity"),
    CAMP("camp"),
    CUSTOM("custom");

    public static final Duration RESOURCE_FLASH_LIFETIME = Duration.ofMinutes(10);
    public static final int ACTIVITY_DAYS_AFTER_END = 3;
    public static final int CAMP_DAYS_AFTER_END = 1;

    private final String token;

    LifetimePreset(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "preset." + token;
    }

    public boolean needsCampaign() {
        return this == ACTIVITY || this == CAMP;
    }

    /**
     * The planned dissolution time. {@code campaignEnd} is needed by activity and camp; {@code duration}
     * or {@code absolute} by custom (absolute wins when both are given).
     */
    public Instant dueAt(Instant opensAt, Instant campaignEnd, Duration duration, Instant absolute, ZoneId zone) {
        return switch (this) {
            case RESOURCE_FLASH -> opensAt.plus(RESOURCE_FLASH_LIFETIME);
            case ACTIVITY -> campaignEnd.atZone(zone).plusDays(ACTIVITY_DAYS_AFTER_END).toInstant();
            case CAMP -> campaignEnd.atZone(zone).plusDays(CAMP_DAYS_AFTER_END).toInstant();
            case CUSTOM -> absolute != null ? absolute : opensAt.plus(duration);
        };
    }

    public static LifetimePreset fromToken(String token) {
        for (LifetimePreset p : values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown preset: " + token);
    }
}
