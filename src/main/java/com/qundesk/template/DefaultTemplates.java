package com.qundesk.template;

import java.util.List;

/**
 * The starter library, written from PRODUCT.md's practices: rules against porn/violence/rumours/attacks/spam,
 * ads controlled by rules rather than kicking, flash groups that say when they end, and a farewell that keeps
 * the relationship (befriend the owner first).
 */
final class DefaultTemplates {

    record Entry(TemplateKind kind, String name, String language, String body) {
    }

    private DefaultTemplates() {
    }

    static final List<Entry> ALL = List.of(
            new Entry(TemplateKind.RULES, "标准群规", "zh", """
                    「{group}」群规
                    1. 禁止发布色情、暴力、低俗内容；
                    2. 禁止散布谣言和虚假信息；
                    3. 禁止人身攻击，友善交流；
                    4. 禁止刷屏和未经允许的广告、拉人；
                    5. 有问题请@群主 {owner}。
                    违反群规者先提醒，屡次违反将移出本群。"""),
            new Entry(TemplateKind.RULES, "Standard rules", "en", """
                    Rules of "{group}"
                    1. No pornographic, violent or vulgar content.
                    2. No rumours or false information.
                    3. No personal attacks — be kind.
                    4. No spam, no unapproved ads, no recruiting members away.
                    5. Questions? Mention the owner, {owner}.
                    We remind first; repeated breaches lead to removal."""),
            new Entry(TemplateKind.ANNOUNCEMENT, "快闪群公告", "zh", """
                    欢迎来到「{group}」！本群为「{campaign}」的临时群，将于 {dissolve_at} 解散。
                    活动资料和福利会在群内发布，请先添加群主 {owner} 为好友，群解散后也能找到我们。"""),
            new Entry(TemplateKind.ANNOUNCEMENT, "Flash group announcement", "en", """
                    Welcome to "{group}"! This is a temporary group for "{campaign}" and will be dissolved at {dissolve_at}.
                    Materials and benefits are posted here. Please add the owner {owner} as a friend first, so you can still reach us after the group closes."""),
            new Entry(TemplateKind.WELCOME, "新人欢迎语", "zh", """
                    欢迎新朋友加入「{group}」！请花一分钟看看群公告和群规，自我介绍一下：你是谁、在做什么、希望在这里获得什么。"""),
            new Entry(TemplateKind.WELCOME, "Welcome message", "en", """
                    Welcome to "{group}"! Please take a minute to read the announcement and the rules, then introduce yourself: who you are, what you do, and what you hope to get here."""),
            new Entry(TemplateKind.FAREWELL, "解散告别语", "zh", """
                    感谢大家参与「{campaign}」！本群将于 {dissolve_at} 解散。
                    活动资料已整理好，请添加 {owner} 为好友领取；想继续交流的朋友，我们会邀请你进入长期群。江湖再见！"""),
            new Entry(TemplateKind.FAREWELL, "Farewell message", "en", """
                    Thank you all for joining "{campaign}"! This group will be dissolved at {dissolve_at}.
                    The materials are ready: add {owner} as a friend to receive them. If you'd like to keep talking, we'll invite you to our long-term group. See you soon!"""),
            new Entry(TemplateKind.AD_POLICY, "广告红包规则", "zh", """
                    本群广告规则：发广告前请先在群里发 100 元红包（拼手气，不少于 20 个），并@群主报备；未发红包的广告将被撤回。每周五 20:00–22:00 为资源对接时间。"""),
            new Entry(TemplateKind.AD_POLICY, "Ad rules (red envelope)", "en", """
                    Ads in this group: before posting an ad, send a ¥100 lucky red envelope (at least 20 shares) and tell the owner. Ads without one are removed. Fridays 20:00–22:00 are open for resource matching."""));
}
