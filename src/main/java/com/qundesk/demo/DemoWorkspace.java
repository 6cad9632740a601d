package com.qundesk.demo;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.ChecklistItem;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.AdPolicy;
import com.qundesk.value.LedgerService;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.OperatorService;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills an empty workspace with a believable portfolio, the same every time (fixed seed, times relative
 * to the injected clock and zone): both platforms, every purpose, long-term groups, sub-groups, campaigns
 * with flash groups in every lifecycle state,
 * a few oversized and a few silent ones, a dissolved and an archived one. A team of three operators with display
 * names runs it: the groups and campaigns are assigned to them in turn (every fourth group to nobody), so the
 * assignee column, the operator filter and the per-operator readings have something to show. The first of the three
 * is whoever creates the demo (shown as 林晓), so Today's "Mine" has their share in it rather than nothing.
 */
public final class DemoWorkspace {

    private static final long SEED = 20261124L;

    private record Spec(String name, Platform platform, Purpose purpose, GroupKind kind, int members,
                        String owner, String tags, int ageDays) {
    }

    private static final List<Spec> LONG_TERM = List.of(
            new Spec("好物分享福利1群", Platform.WECHAT, Purpose.SHOPPING, GroupKind.LONG_TERM, 486, "小鹿", "福利,老客", 420),
            new Spec("好物分享福利2群", Platform.WECHAT, Purpose.SHOPPING, GroupKind.LONG_TERM, 312, "小鹿", "福利", 300),
            new Spec("瑞幸咖啡门店福利群·静安", Platform.WECOM, Purpose.SHOPPING, GroupKind.LONG_TERM, 198, "门店-陈店长", "门店,优惠券", 250),
            new Spec("瑞幸咖啡门店福利群·徐汇", Platform.WECOM, Purpose.SHOPPING, GroupKind.LONG_TERM, 176, "门店-王店长", "门店,优惠券", 240),
            new Spec("跨境电商资源对接群", Platform.WECHAT, Purpose.RESOURCE, GroupKind.LONG_TERM, 412, "老周", "资源,跨境", 510),
            new Spec("设计师接单资源群", Platform.WECHAT, Purpose.RESOURCE, GroupKind.LONG_TERM, 233, "阿May", "资源,设计", 180),
            new Spec("SaaS产品经理交流群", Platform.WECHAT, Purpose.INDUSTRY, GroupKind.LONG_TERM, 468, "林一", "行业,产品", 700),
            new Spec("新能源汽车行业观察", Platform.WECHAT, Purpose.INDUSTRY, GroupKind.LONG_TERM, 95, "老周", "行业", 380),
            new Spec("私域增长实战营(付费)", Platform.WECHAT, Purpose.PAID, GroupKind.LONG_TERM, 138, "林一", "付费,课程", 200),
            new Spec("AI写作会员群", Platform.WECOM, Purpose.PAID, GroupKind.LONG_TERM, 176, "运营-苏苏", "付费,会员", 160),
            new Spec("核心会员私董会", Platform.WECHAT, Purpose.VIP, GroupKind.LONG_TERM, 36, "林一", "核心,VIP", 420),
            new Spec("品牌共创官VIP群", Platform.WECOM, Purpose.VIP, GroupKind.LONG_TERM, 58, "运营-苏苏", "VIP,共创", 390),
            new Spec("林一的读者群", Platform.WECHAT, Purpose.FAN, GroupKind.LONG_TERM, 497, "林一", "粉丝,IP", 800),
            new Spec("小鹿穿搭粉丝群", Platform.WECHAT, Purpose.FAN, GroupKind.LONG_TERM, 264, "小鹿", "粉丝", 330),
            new Spec("早起打卡21天", Platform.WECHAT, Purpose.HABIT, GroupKind.LONG_TERM, 88, "阿May", "打卡", 95),
            new Spec("每日英语打卡群", Platform.WECOM, Purpose.HABIT, GroupKind.LONG_TERM, 121, "运营-苏苏", "打卡,学习", 140),
            new Spec("售后服务群·华东", Platform.WECOM, Purpose.SERVICE, GroupKind.LONG_TERM, 189, "客服-小李", "售后", 365),
            new Spec("VIP客户专属服务群", Platform.WECOM, Purpose.SERVICE, GroupKind.LONG_TERM, 42, "客服-小李", "售后,VIP", 210),
            new Spec("甲醛检测咨询群", Platform.WECHAT, Purpose.SERVICE, GroupKind.LONG_TERM, 156, "老周", "低频", 280),
            new Spec("电动车车主交流群", Platform.WECHAT, Purpose.SERVICE, GroupKind.LONG_TERM, 204, "老周", "低频", 260),
            new Spec("年度用户大会筹备群", Platform.WECOM, Purpose.EVENT, GroupKind.LONG_TERM, 64, "运营-苏苏", "活动", 60),
            new Spec("老客户回访群(沉默)", Platform.WECHAT, Purpose.SERVICE, GroupKind.LONG_TERM, 73, "客服-小李", "沉默", 600),
            new Spec("2023年双十一团购群", Platform.WECHAT, Purpose.SHOPPING, GroupKind.LONG_TERM, 341, "小鹿", "沉默,旧活动", 740),
            new Spec("城市合伙人招募群", Platform.WECHAT, Purpose.RESOURCE, GroupKind.LONG_TERM, 27, "林一", "沉默", 450));

    /** The demo team: login and display name. */
    private record Operator(String login, String name) {
    }

    /** The two colleagues of the operator who creates the demo. */
    private static final List<Operator> COLLEAGUES = List.of(new Operator("zhouzhou", "周舟"),
            new Operator("chenyi", "陈一"));

    private final List<Operator> team;

    private final GroupService groups;
    private final CampaignService campaigns;
    private final OperatorService operators;
    private int campaignsMade;
    private final FlashService flash;
    private final Clock clock;
    private final ZoneId zone;
    private final LedgerService ledger;

    /** {@code you}: the login of the operator creating the demo, the first of its team. */
    public DemoWorkspace(GroupService groups, CampaignService campaigns, OperatorService operators, FlashService flash,
                         LedgerService ledger, Clock clock, ZoneId zone, String you) {
        List<Operator> t = new ArrayList<>(List.of(new Operator(you, "林晓")));
        COLLEAGUES.stream().filter(o -> !o.login().equals(you)).forEach(t::add);
        this.team = List.copyOf(t);
        this.groups = groups;
        this.operators = operators;
        this.ledger = ledger;
        this.campaigns = campaigns;
        this.flash = flash;
        this.clock = clock;
        this.zone = zone;
    }

    /** Adds the demo groups; the workspace should be empty. Returns how many groups were created. */
    public int populate() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        team.forEach(o -> operators.setDisplayName(o.login(), o.name()));
        List<Group> drafts = new ArrayList<>();
        int n = 0;
        for (Spec s : LONG_TERM) {
            n++;
            drafts.add(draft(s, n, now, random));
        }
        List<Group> created = groups.createAll(drafts, "demo");
        int total = created.size();

        // Sub-groups: the big reader community layered into city chapters.
        Group readers = byName(created, "林一的读者群");
        Group beijing = readers.toBuilder().id(null).externalId(wechatId(random)).name("林一的读者群·北京分群")
                .memberCount(132).parentId(readers.id()).tags(List.of("粉丝", "分群")).build();
        Group shanghai = readers.toBuilder().id(null).externalId(wechatId(random)).name("林一的读者群·上海分群")
                .memberCount(149).parentId(readers.id()).tags(List.of("粉丝", "分群")).build();
        Group vip = byName(created, "核心会员私董会");
        Group vipCity = vip.toBuilder().id(null).externalId(wechatId(random)).name("私董会·深圳小组")
                .memberCount(12).parentId(vip.id()).build();
        total += groups.createAll(List.of(beijing, shanghai, vipCity), "demo").size();

        // A long-term group that has ended its life, and an archived one, so the registry shows every status.
        Group archived = byName(created, "2023年双十一团购群");
        groups.archive(archived.id());
        Group oldService = byName(created, "老客户回访群(沉默)");
        groups.markDissolved(oldService.id(), "半年无人发言，已通知老客户改为私聊服务", now.minus(Duration.ofDays(20)));

        total += createCampaignsAndFlashGroups(now);
        DemoLedger.populate(ledger, groups.list(), now.atZone(zone).toLocalDate(), zone, SEED);
        return total;
    }

    /**
     * Campaigns with flash groups in every lifecycle state: planned, open with a countdown, due soon, overdue,
     * extended, dissolved through the checklist, and converted to long-term.
     */
    private int createCampaignsAndFlashGroups(Instant now) {
        int n = 0;
        LocalDate today = now.atZone(zone).toLocalDate();

        // Night talk #12 ended yesterday evening: its activity groups are due in two days.
        Campaign talk12 = campaign(CampaignType.NIGHT_TALK, "夜话会第12期", today.minusDays(1), 20, today.minusDays(1), 22,
                "林一");
        List<FlashGroup> talk12Groups = flash.create(plan(talk12, LifetimePreset.ACTIVITY, 2, at(today.minusDays(3), 10),
                "夜话会第{n}期-{k}群", 12, Platform.WECHAT, "林一"));
        n += talk12Groups.size();
        setMembers(talk12Groups.get(0), 182);
        setMembers(talk12Groups.get(1), 167);
        flash.setChecklist(talk12Groups.get(0).group().id(), ChecklistItem.BEFRIENDED, true);
        flash.setChecklist(talk12Groups.get(0).group().id(), ChecklistItem.FAREWELL_SENT, true);

        // Night talk #11 ended long ago; its group was dissolved through the checklist.
        Campaign talk11 = campaign(CampaignType.NIGHT_TALK, "夜话会第11期", today.minusDays(18), 20, today.minusDays(18),
                22, "林一");
        List<FlashGroup> talk11Groups = flash.create(plan(talk11, LifetimePreset.ACTIVITY, 1,
                at(today.minusDays(20), 10), "夜话会第{n}期-{k}群", 11, Platform.WECHAT, "林一"));
        n += talk11Groups.size();
        long t11 = talk11Groups.getFirst().group().id();
        setMembers(talk11Groups.getFirst(), 175);
        for (ChecklistItem item : ChecklistItem.values()) {
            flash.setChecklist(t11, item, true);
        }
        flash.dissolve(t11, "活动结束3天，按计划解散", false);

        // A goods flash sale that ended four days ago: its group is overdue for dissolution.
        Campaign goods = campaign(CampaignType.GOODS_FLASH, "好物快闪团·秋冬上新", today.minusDays(6), 10,
                today.minusDays(4), 22, "小鹿");
        List<FlashGroup> goodsGroups = flash.create(plan(goods, LifetimePreset.ACTIVITY, 1, at(today.minusDays(6), 9),
                "好物快闪团·秋冬上新", null, Platform.WECOM, "小鹿"));
        n += goodsGroups.size();
        setMembers(goodsGroups.getFirst(), 196);

        // A resource flash round this afternoon: planned, lives ten minutes.
        Instant opens = now.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        Campaign resource = campaign(CampaignType.RESOURCE_FLASH, "资源快闪·周五对接", opens, opens.plus(Duration.ofHours(1)),
                "老周");
        n += flash.create(plan(resource, LifetimePreset.RESOURCE_FLASH, 1, opens, "资源快闪·周五对接", null,
                Platform.WECHAT, "老周")).size();

        // A habit camp in its second week: the camp preset, due the day after its last day.
        Campaign camp = campaign(CampaignType.HABIT_CAMP, "微习惯训练营第3期", today.minusDays(9), 7, today.plusDays(5), 22,
                "阿May");
        List<FlashGroup> campGroups = flash.create(plan(camp, LifetimePreset.CAMP, 1, at(today.minusDays(10), 9),
                "微习惯训练营第{n}期", 3, Platform.WECOM, "阿May"));
        n += campGroups.size();
        setMembers(campGroups.getFirst(), 143);

        // An expert share whose group was extended for a replay session.
        Campaign expert = campaign(CampaignType.EXPERT_SHARE, "大咖分享会·私域复盘", today.minusDays(5), 20,
                today.minusDays(5), 22, "林一");
        List<FlashGroup> expertGroups = flash.create(plan(expert, LifetimePreset.ACTIVITY, 1,
                at(today.minusDays(7), 9), "大咖分享会·私域复盘", null, Platform.WECHAT, "林一"));
        n += expertGroups.size();
        setMembers(expertGroups.getFirst(), 421);
        flash.extend(expertGroups.getFirst().group().id(), now.plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.HOURS), "加一场回放答疑，周末后解散");

        // A project voyage whose group earned its place and was kept as a long-term group.
        Campaign voyage = campaign(CampaignType.VOYAGE, "航海第8期·出海", today.minusDays(30), 9, today.minusDays(9), 22,
                "老周");
        List<FlashGroup> voyageGroups = flash.create(plan(voyage, LifetimePreset.ACTIVITY, 1,
                at(today.minusDays(31), 9), "航海第{n}期·出海", 8, Platform.WECHAT, "老周"));
        n += voyageGroups.size();
        setMembers(voyageGroups.getFirst(), 260);
        flash.convert(voyageGroups.getFirst().group().id(), "船员自发组织复盘和资源对接，转为长期资源群");

        // A night talk next week, still being planned (no groups yet).
        campaign(CampaignType.NIGHT_TALK, "夜话会第13期", today.plusDays(6), 20, today.plusDays(6), 22, "林一");
        return n;
    }

    private Campaign campaign(CampaignType type, String name, LocalDate startDay, int startHour, LocalDate endDay,
                              int endHour, String owner) {
        return campaign(type, name, at(startDay, startHour), at(endDay, endHour), owner);
    }

    private Campaign campaign(CampaignType type, String name, Instant starts, Instant ends, String owner) {
        Campaign draft = Campaign.draft(type, name, starts, ends);
        return campaigns.create(new Campaign(null, draft.type(), draft.name(), draft.startsAt(), draft.endsAt(), owner,
                new Campaign.Goals(200, 40, 300, 60, 20000), null, null, null, null, null, null)
                .withAssignee(team.get(campaignsMade++ % team.size()).login(), 0));
    }

    private static FlashPlan plan(Campaign k, LifetimePreset preset, int count, Instant opens, String pattern,
                                  Integer period, Platform platform, String owner) {
        return new FlashPlan(k.id(), preset, count, opens, null, null, pattern, period, platform, null, owner,
                Purpose.EVENT, null);
    }

    private void setMembers(FlashGroup f, int members) {
        Group g = groups.get(f.group().id());
        groups.update(g.toBuilder().memberCount(Math.min(members, g.capacity())).build());
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private Group draft(Spec s, int n, Instant now, Random random) {
        Group.Builder b = Group.draft(s.platform, s.name, s.purpose, s.kind).toBuilder()
                .externalId(s.platform == Platform.WECHAT ? wechatId(random) : wecomId(random))
                .owner(s.owner)
                .assignee(n % 4 == 0 ? null : team.get(n % team.size()).login())
                .memberCount(s.members)
                .capacity(s.platform == Platform.WECOM && s.members > 200 ? Platform.WECOM_EXPANDED_CAPACITY
                        : s.platform.defaultCapacity())
                .tags(List.of(s.tags.split(",")))
                .admins(n % 3 == 0 ? List.of(s.owner, "助理-小王") : List.of(s.owner))
                .createdAt(now.minus(Duration.ofDays(s.ageDays)).minus(Duration.ofHours(n)))
                .rules("1. 禁止发布色情、暴力、低俗内容\n2. 禁止散布谣言与虚假信息\n3. 禁止人身攻击\n4. 禁止刷屏与未经允许的广告")
                .announcement("欢迎加入「" + s.name + "」！进群请先看群规，有问题@群主。");
        if (s.purpose == Purpose.SHOPPING || s.purpose == Purpose.RESOURCE) {
            b.adPolicy(n % 2 == 0 ? AdPolicy.redEnvelope(100 + 50 * (n % 3))
                    : AdPolicy.weeklyWindow(DayOfWeek.FRIDAY, 20, 22));
        } else if (s.purpose == Purpose.INDUSTRY) {
            b.adPolicy(AdPolicy.adThread("助理-小王"));
        }
        if (s.purpose == Purpose.VIP) {
            // the private board was last re-formed over a year ago; the co-creation group this spring
            b.reformedAt(now.minus(Duration.ofDays(s.name.contains("私董会") ? s.ageDays - 10 : 200)));
        }
        return b.build();
    }

    private static Group byName(List<Group> groups, String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static String wechatId(Random r) {
        return (10_000_000_000L + (long) (r.nextDouble() * 89_999_999_999L)) + "@chatroom";
    }

    private static String wecomId(Random r) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("wr");
        for (int i = 0; i < 26; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
