package com.qundesk.flash;

import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the wizard asks for: N flash groups from one preset, optionally for a campaign. The name pattern may use
 * {@code {n}} (the period/issue number), {@code {k}} (1..count) and {@code {campaign}}.
 * {@code templateVersions} maps a template kind (rules, announcement, welcome, farewell) to the version id used.
 */
public record FlashPlan(Long campaignId, LifetimePreset preset, int count, Instant opensAt, Duration duration,
                        Instant dissolveAt, String namePattern, Integer period, Platform platform, Integer capacity,
                        String owner, Purpose purpose, Map<String, Long> templateVersions) {

    public static final String DEFAULT_PATTERN = "{campaign}-{k}群";
    public static final String DEFAULT_PATTERN_NO_CAMPAIGN = "快闪群-{k}";
    public static final int MAX_COUNT = 100;

    public FlashPlan {
        templateVersions = templateVersions == null ? Map.of() : Map.copyOf(templateVersions);
        platform = platform == null ? Platform.WECHAT : platform;
        purpose = purpose == null ? Purpose.EVENT : purpose;
    }

    public String nameFor(int k, String campaignName) {
        String pattern = namePattern != null && !namePattern.isBlank() ? namePattern
                : campaignName == null ? DEFAULT_PATTERN_NO_CAMPAIGN : DEFAULT_PATTERN;
        String name = pattern.replace("{k}", Integer.toString(k))
                .replace("{n}", period == null ? "" : Integer.toString(period))
                .replace("{campaign}", campaignName == null ? "快闪群" : campaignName);
        if (count > 1 && !pattern.contains("{k}")) {
            name = name + "-" + k;
        }
        return name.strip();
    }
}
