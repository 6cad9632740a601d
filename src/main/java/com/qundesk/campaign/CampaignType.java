package com.qundesk.campaign;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of event a campaign is (PRODUCT.md). The token is stored and accepted by the CLI. */
public enum CampaignType {
    NIGHT_TALK("night-talk", "夜话会", "夜话", "夜聊", "夜谈"),
    TRAINING("training", "线上培训", "训练营", "培训", "网课", "课程", "online-training", "course"),
    VOYAGE("voyage", "航海", "航海活动", "生财航海"),
    RESOURCE_FLASH("resource-flash", "资源快闪", "快闪", "快闪群", "资源群", "flash"),
    GOODS_FLASH("goods-flash", "好物快闪团", "好物快闪", "好物团", "团购", "拼团", "group-buy"),
    HABIT_CAMP("habit-camp", "微习惯训练营", "微习惯", "打卡营", "习惯营", "打卡"),
    EXPERT_SHARE("expert-share", "大咖分享会", "大咖分享", "分享会", "讲座"),
    PROMOTION("promotion", "促销活动", "促销", "大促", "sale"),
    MEETUP("meetup", "线下聚会", "聚会", "线下活动", "见面会"),
    OTHER("other", "其他", "其它");

    private final String token;
    private final String chineseName;
    /** Other words operators use for it (Chinese and English), accepted by the CLI. */
    private final List<String> synonyms;

    CampaignType(String token, String chineseName, String... synonyms) {
        this.token = token;
        this.chineseName = chineseName;
        this.synonyms = List.of(synonyms);
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

    /** Every type as its token and Chinese name, for messages: "night-talk 夜话会, training 线上培训, …". */
    public static String choices() {
        return Arrays.stream(values()).map(c -> c.token + " " + c.chineseName).collect(Collectors.joining(", "));
    }

    /**
     * Accepts the English token (night-talk), the enum name (NIGHT_TALK), the Chinese name (夜话会) or a usual
     * synonym (训练营, 快闪, 打卡营, online-training …).
     */
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
        String lower = t.toLowerCase(Locale.ROOT).replace(' ', '-');
        for (CampaignType c : values()) {
            if (c.synonyms.contains(lower)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
