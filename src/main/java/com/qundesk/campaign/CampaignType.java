package com.qundesk.campaign;

import java.util.Locale;
import java.util.Optional;

/** What kind of event a campaign is (PRODUCT.md). The token is stored and accepted by the CLI. */
public enum CampaignType {
    NIGHT_TALK("night-talk", "夜话会"),
    TRAINING("training", "线上培训"),
    VOYAGE("voyage", "航海"),
    RESOURCE_FLASH("resource-flash", "资源快闪"),
    GOODS_FLASH("goods-flash", "好物快闪团"),
    HABIT_CAMP("habit-camp", "微习惯训练营"),
    EXPERT_SHARE("expert-share", "大咖分享会"),
    PROMOTION("promotion", "促销活动"),
    MEETUP("meetup", "线下聚会"),
    OTHER("other", "其他");

    private final String token;
    private final String chineseName;

    CampaignType(String token, String chineseName) {
        this.token = token;
        this.chineseName = chineseName;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "campaignType." + token;
    }

    public static CampaignType fromToken(String token) {
        return parse(token).orElseThrow(() -> new IllegalArgumentException("Unknown campaign type: " + token));
    }

    /** Accepts the English token (night-talk), the enum name (NIGHT_TALK) or the Chinese name (夜话会). */
    public static Optional<CampaignType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (CampaignType c : values()) {
            if (c.token.equalsIgnoreCase(t) || c.name().equalsIgnoreCase(t.replace('-', '_'))
                    || c.chineseName.equals(t)) {
                return Optional.of(c);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("online-training") || t.equals("培训")) {
            return Optional.of(TRAINING);
        }
        return Optional.empty();
    }
}
