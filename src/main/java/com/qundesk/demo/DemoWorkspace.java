package com.qundesk.demo;

import com.qundesk.group.AdPolicy;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills an empty workspace with a believable portfolio, the same every time (fixed seed, times relative
 * to the injected clock): both platforms, every purpose, long-term and flash groups, sub-groups,
 * a few oversized and a few silent ones, a dissolved and an archived one.
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

    private static final List<Spec> FLASH = List.of(
            new Spec("夜话会第12期-1群", Platform.WECHAT, Purpose.EVENT, GroupKind.FLASH, 182, "林一", "夜话会", 2),
            new Spec("夜话会第12期-2群", Platform.WECHAT, Purpose.EVENT, GroupKind.FLASH, 167, "林一", "夜话会", 2),
            new Spec("资源快闪·周五对接", Platform.WECHAT, Purpose.RESOURCE, GroupKind.FLASH, 96, "老周", "快闪", 0),
            new Spec("好物快闪团·秋冬上新", Platform.WECOM, Purpose.SHOPPING, GroupKind.FLASH, 200, "小鹿", "快闪,团购", 3),
            new Spec("微习惯训练营第3期", Platform.WECOM, Purpose.HABIT, GroupKind.FLASH, 143, "阿May", "训练营", 12),
            new Spec("大咖分享会·私域复盘", Platform.WECHAT, Purpose.EVENT, GroupKind.FLASH, 421, "林一", "分享会", 5),
            new Spec("线上训练营·短视频", Platform.WECOM, Purpose.PAID, GroupKind.FLASH, 87, "运营-苏苏", "训练营", 9),
            new Spec("航海第8期·出海", Platform.WECHAT, Purpose.RESOURCE, GroupKind.FLASH, 260, "老周", "航海", 20),
            new Spec("夜话会第11期-1群", Platform.WECHAT, Purpose.EVENT, GroupKind.FLASH, 175, "林一", "夜话会", 16),
            new Spec("甲醛检测快闪咨询", Platform.WECHAT, Purpose.SERVICE, GroupKind.FLASH, 48, "老周", "快闪,低频", 1));

    private final GroupService groups;
    private final Clock clock;

    public DemoWorkspace(GroupService groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    /** Adds the demo groups; the workspace should be empty. Returns how many groups were created. */
    public int populate() {
        Random random = new Random(SEED);
        Instant now = clock.instant();
        List<Group> drafts = new ArrayList<>();
        int n = 0;
        for (Spec s : concat(LONG_TERM, FLASH)) {
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

        // A few that have ended their life, so the registry shows every status.
        Group old = byName(created, "夜话会第11期-1群");
        groups.markDissolved(old.id(), "活动结束3天，按计划解散", now.minus(Duration.ofDays(13)));
        Group archived = byName(created, "2023年双十一团购群");
        groups.archive(archived.id());
        Group scheduled = byName(created, "大咖分享会·私域复盘");
        groups.update(groups.get(scheduled.id()).toBuilder().status(GroupStatus.DISSOLUTION_SCHEDULED).build());
        return total;
    }

    private static Group draft(Spec s, int n, Instant now, Random random) {
        Group.Builder b = Group.draft(s.platform, s.name, s.purpose, s.kind).toBuilder()
                .externalId(s.platform == Platform.WECHAT ? wechatId(random) : wecomId(random))
                .owner(s.owner)
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
            b.reformedAt(now.minus(Duration.ofDays(s.ageDays - 10)));
        }
        return b.build();
    }

    private static List<Spec> concat(List<Spec> a, List<Spec> b) {
        List<Spec> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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
