package com.qundesk.demo;

import com.qundesk.group.Group;
import com.qundesk.group.Purpose;
import com.qundesk.plan.DeliveryEdit;
import com.qundesk.plan.InviteService;
import com.qundesk.plan.PlanRequest;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PlanTemplate;
import com.qundesk.plan.PlanTemplateItem;
import com.qundesk.plan.PlanTemplateService;
import com.qundesk.plan.PlannedDelivery;
import com.qundesk.value.ValueDimension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

/**
 * The demo's value plans with a believable past: varied plans for the groups that serve their members, a
 * shopping portfolio that pushes (one promotion to five groups on one day, four flash sales a day, benefits
 * only), and for every occurrence already past mostly "delivered" (a value event a few minutes later, reach a
 * share of the members), some "skipped" with a reason, and a few of the last day still open on Today; and
 * invite QR codes in every state (fresh, lapsing tomorrow, lapsed, a full group still advertising one); and a plan
 * template applied to the store groups.
 */
public final class DemoPlans {

    private static final long SEED = 20261205L;
    private static final List<String> SKIP_REASONS = List.of("群主出差，改到下周", "内容没准备好", "与直播撞期，顺延",
            "节假日不打扰成员");

    private record Item(String group, ValueDimension dimension, String title, String body, String rule, int daysAgo,
                        LocalTime at) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("SaaS产品经理交流群", ValueDimension.INFORMATION, "每周行业早报",
                    "早上好，「{group}」的朋友们！本周 SaaS 行业早报：融资、产品发布和值得一读的三篇文章。",
                    "FREQ=WEEKLY;BYDAY=MO", 35, LocalTime.of(9, 0)),
            new Item("SaaS产品经理交流群", ValueDimension.CASES, "案例拆解夜",
                    "今晚 20:00 案例拆解：一款 B 端产品如何把试用转化率从 8% 做到 15%。欢迎带着问题来。",
                    "FREQ=WEEKLY;BYDAY=TH", 35, LocalTime.of(20, 0)),
            new Item("SaaS产品经理交流群", ValueDimension.CONNECTIONS, "会员互荐日",
                    "每月第一个周五是互荐日：一句话介绍你在找的人或机会，{owner} 帮你对接。",
                    "FREQ=MONTHLY;BYDAY=1FR", 40, LocalTime.of(20, 0)),
            new Item("林一的读者群", ValueDimension.RESOURCES, "共读资料包",
                    "本周共读资料包已整理好：导读、金句卡片和讨论题，@{owner} 领取。", "FREQ=WEEKLY;BYDAY=WE", 35,
                    LocalTime.of(20, 0)),
            new Item("林一的读者群", ValueDimension.ACTIVITIES, "周末读书打卡",
                    "周末读书打卡开始啦：读完一章，发一句感想，打卡满 4 周送签名书。", "FREQ=WEEKLY;BYDAY=SA", 35,
                    LocalTime.of(10, 0)),
            new Item("私域增长实战营(付费)", ValueDimension.CASES, "学员案例复盘",
                    "本周学员案例复盘：一家社区烘焙店如何用 3 个群做到 30% 复购。", "FREQ=WEEKLY;BYDAY=TU", 28,
                    LocalTime.of(20, 0)),
            new Item("私域增长实战营(付费)", ValueDimension.RESOURCES, "工具模板",
                    "本周工具模板：社群 SOP 自查表、活动复盘表（可直接复制使用）。", "FREQ=WEEKLY;BYDAY=FR", 28,
                    LocalTime.of(12, 0)),
            new Item("好物分享福利1群", ValueDimension.BENEFITS, "整点秒杀",
                    "整点秒杀开始！前 50 名下单立减 20 元，手慢无。", "FREQ=DAILY;BYHOUR=10,12,15,20", 6,
                    LocalTime.of(10, 0)),
            new Item("早起打卡21天", ValueDimension.ACTIVITIES, "早起打卡提醒",
                    "早上好！6:30 打卡时间到，发一张窗外的照片吧。", "FREQ=DAILY", 20, LocalTime.of(6, 30)));

    /** The promotion pushed to five shopping groups on one day (the "same text to many groups" sign). */
    private static final List<String> PROMOTED = List.of("好物分享福利1群", "好物分享福利2群", "瑞幸咖啡门店福利群·静安",
            "瑞幸咖啡门店福利群·徐汇", "小鹿穿搭粉丝群");

    private final PlanService plans;
    private final InviteService invites;
    private final Clock clock;
    private final ZoneId zone;

    public DemoPlans(PlanService plans, InviteService invites, Clock clock, ZoneId zone) {
        this.plans = plans;
        this.invites = invites;
        this.clock = clock;
        this.zone = zone;
    }

    /** Adds the plans to the demo's groups and records what became of every occurrence already past. */
    public void populate(List<Group> groups) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (Item i : ITEMS) {
            find(groups, i.group()).ifPresent(g -> plans.add(new PlanRequest(g.id(), i.dimension(), i.title(),
                    i.body(), null, i.rule(), today.minusDays(i.daysAgo()).atTime(i.at()).atZone(zone).toInstant())));
        }
        Instant promo = today.minusDays(2).atTime(20, 0).atZone(zone).toInstant();
        for (String name : PROMOTED) {
            find(groups, name).ifPresent(g -> plans.add(new PlanRequest(g.id(), ValueDimension.BENEFITS, "双十二预热",
                    "双十二预热：全场满 200 减 30，今晚 20:00 准时开抢！", null, null, promo)));
        }
        // invites: a full group still advertising its code, a code lapsing tomorrow, one lapsed, one fresh
        find(groups, "小鹿穿搭粉丝群").ifPresent(g -> invites.record(g.id(), now.minus(Duration.ofDays(3)), true, true));
        find(groups, "新能源汽车行业观察").ifPresent(g -> invites.record(g.id(),
                now.minus(Duration.ofDays(6)).minus(Duration.ofHours(10)), true, true));
        find(groups, "早起打卡21天").ifPresent(g -> invites.record(g.id(), now.minus(Duration.ofDays(9)), true, true));
        find(groups, "核心会员私董会").ifPresent(g -> invites.record(g.id(), now.minus(Duration.ofDays(2)), false,
                false));
        Random random = new Random(SEED);
        Instant openSince = now.minus(Duration.ofHours(20));
        for (PlannedDelivery d : plans.occurrences(now.minus(Duration.ofDays(60)), now.minus(Duration.ofMinutes(90)),
                now)) {
            if (!d.state().open()) {
                continue;
            }
            double r = random.nextDouble();
            if (d.occurrence().isAfter(openSince) && r < 0.35) {
                continue; // still open: Today shows it overdue
            }
            if (r < 0.86) {
                Integer reach = d.item().reach();
                Group g = find(groups, d.groupName()).orElse(null);
                int members = g == null ? 50 : Math.max(1, g.memberCount());
                int reached = reach != null ? reach : (int) Math.round(members * (0.3 + 0.6 * random.nextDouble()));
                plans.deliver(d.item().id(), d.occurrence(), new DeliveryEdit(null, null, reached,
                        d.occurrence().plus(Duration.ofMinutes(2 + random.nextInt(25))), null));
            } else {
                plans.skip(d.item().id(), d.occurrence(), SKIP_REASONS.get(random.nextInt(SKIP_REASONS.size())));
            }
        }
    }

    /**
     * One plan template, applied: the store groups (shopping, tagged 门店) get a weekly in-store benefit and a
     * monthly customer story, so a newcomer sees a plan given to many groups at once.
     */
    public void populateTemplate(PlanTemplateService templates) {
        PlanTemplate t = templates.define(new PlanTemplate(null, "门店福利群节奏", Purpose.SHOPPING, "门店", null, List.of(
                new PlanTemplateItem(null, ValueDimension.BENEFITS, "每周到店福利",
                        "「{group}」本周到店福利：出示群聊截图，第二杯半价（周四至周日）。", null,
                        "FREQ=WEEKLY;BYDAY=TH", LocalTime.of(10, 0)),
                new PlanTemplateItem(null, ValueDimension.CASES, "本月顾客故事",
                        "本月顾客故事：一位老顾客分享她的咖啡搭配，欢迎在群里晒出你的组合，{owner} 会挑三位送券。", null,
                        "FREQ=MONTHLY;BYDAY=1SA", LocalTime.of(20, 0)))));
        templates.apply(t.id(), false);
    }

    private static java.util.Optional<Group> find(List<Group> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
