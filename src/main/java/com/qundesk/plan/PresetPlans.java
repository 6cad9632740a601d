package com.qundesk.plan;

import com.qundesk.flash.LifetimePreset;
import com.qundesk.value.ValueDimension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The plan each flash preset carries (PRODUCT.md): an activity group gets the welcome and rules at open, a
 * reminder an hour before the event, the recap and materials after it and the farewell before dissolution; a
 * resource flash gets the introduction round at open and a two-minute warning. Texts in the operator's language.
 */
public final class PresetPlans {

    /** What an entry's time is counted from. */
    enum Anchor { OPEN, EVENT_START, EVENT_END, DUE }

    record Entry(Anchor anchor, Duration offset, ValueDimension dimension, String zhTitle, String enTitle,
                 String zhBody, String enBody) {

        String title(Locale l) {
            return chinese(l) ? zhTitle : enTitle;
        }

        String body(Locale l) {
            return chinese(l) ? zhBody : enBody;
        }

        private static boolean chinese(Locale l) {
            return l != null && "zh".equals(l.getLanguage());
        }
    }

    private static final Entry WELCOME = new Entry(Anchor.OPEN, Duration.ZERO, ValueDimension.INFORMATION,
            "欢迎与群规", "Welcome and rules",
            "欢迎来到「{group}」！先看群公告和群规；有问题请@群主 {owner}。本群将于 {dissolve_at} 解散。",
            "Welcome to \"{group}\"! Please read the announcement and the rules first; questions go to {owner}. "
                    + "This group closes at {dissolve_at}.");
    private static final Entry EVENT_REMINDER = new Entry(Anchor.EVENT_START, Duration.ofHours(-1),
            ValueDimension.ACTIVITIES, "活动开始前一小时提醒", "Reminder an hour before the event",
            "「{campaign}」一小时后开始，链接和资料稍后发在群里，记得准时参加！",
            "\"{campaign}\" starts in an hour; the link and materials follow here. See you there!");
    private static final Entry RECAP = new Entry(Anchor.EVENT_END, Duration.ofHours(1), ValueDimension.RESOURCES,
            "回顾与资料", "Recap and materials",
            "感谢参加「{campaign}」！回顾和资料已整理好，请在 {dissolve_at} 前保存。",
            "Thank you for joining \"{campaign}\"! The recap and materials are here; save them before {dissolve_at}.");
    private static final Entry FAREWELL = new Entry(Anchor.DUE, Duration.ofHours(-2), ValueDimension.CONNECTIONS,
            "告别：加群主好友", "Farewell: befriend the owner",
            "本群将于 {dissolve_at} 解散。想继续交流，请添加 {owner} 为好友，我们会邀请你进入长期群。",
            "This group closes at {dissolve_at}. To keep in touch, add {owner} as a friend and we'll invite you to "
                    + "our long-term group.");
    private static final Entry INTRODUCTIONS = new Entry(Anchor.OPEN, Duration.ZERO, ValueDimension.CONNECTIONS,
            "自我介绍轮", "Introduction round",
            "「{group}」资源对接开始：每人一句话介绍你是谁、能提供什么、在找什么。",
            "Resource matching in \"{group}\" starts now: one line each — who you are, what you offer, what you seek.");
    private static final Entry TWO_MINUTES = new Entry(Anchor.DUE, Duration.ofMinutes(-2), ValueDimension.INFORMATION,
            "两分钟后解散提醒", "Two-minute warning",
            "还有 2 分钟本群解散，请抓紧加好友、保存资料。",
            "Two minutes left before this group closes: add each other and save what you need.");

    private PresetPlans() {
    }

    static List<Entry> of(LifetimePreset preset) {
        return switch (preset) {
            case ACTIVITY -> List.of(WELCOME, EVENT_REMINDER, RECAP, FAREWELL);
            case RESOURCE_FLASH -> List.of(INTRODUCTIONS, TWO_MINUTES);
            case CAMP -> List.of(WELCOME, RECAP, FAREWELL);
            case CUSTOM -> List.of(WELCOME, FAREWELL);
        };
    }

    /** The entry's time for a group, or null when its anchor is unknown or it falls outside the group's life. */
    static Instant at(Entry e, Instant opens, Instant due, Instant eventStart, Instant eventEnd) {
        Instant base = switch (e.anchor()) {
            case OPEN -> opens;
            case DUE -> due;
            case EVENT_START -> eventStart;
            case EVENT_END -> eventEnd;
        };
        if (base == null) {
            return null;
        }
        Instant t = base.plus(e.offset());
        return t.isBefore(opens) || t.isAfter(due) ? null : t;
    }
}
