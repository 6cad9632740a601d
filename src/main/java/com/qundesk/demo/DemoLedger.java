package com.qundesk.demo;

import com.qundesk.group.Group;
import com.qundesk.group.GroupStatus;
import com.qundesk.stats.DailyStat;
import com.qundesk.value.LedgerService;
import com.qundesk.value.Outcome;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Six months of value events, outcomes and daily stats for the demo groups, telling the story operators know:
 * most groups deliver little, a few are stars, some have outgrown relationships, some are silent or noisy,
 * and the VIP board is due for its yearly re-formation. Deterministic: a fixed seed and the injected "today".
 */
final class DemoLedger {

    static final int DAYS = 180;

    /** How a group behaves: value events per week, chat per day, concentration, ads, outcomes. */
    private record Profile(double valuePerWeek, ValueDimension[] dimensions, int messagesPerDay, double top3,
                           double adShare, int silentForDays, boolean coupons, boolean renewals, int churnSpikeDay) {
    }

    private static final ValueDimension[] ALL = ValueDimension.values();

    private static final Map<String, Profile> PROFILES = Map.ofEntries(
            // stars
            Map.entry("瑞幸咖啡门店福利群·静安", new Profile(6, dims("benefits", "activities", "information"), 45, 0.35,
                    0.0, 0, true, false, -1)),
            Map.entry("私域增长实战营(付费)", new Profile(4, dims("information", "cases", "resources", "connections"), 60,
                    0.42, 0.0, 0, false, true, -1)),
            Map.entry("AI写作会员群", new Profile(3, dims("information", "cases", "activities"), 30, 0.45, 0.0, 0, false,
                    true, -1)),
            Map.entry("核心会员私董会", new Profile(2, dims("connections", "resources", "cases"), 25, 0.55, 0.0, 0, false,
                    true, -1)),
            // delivering, but outgrowing relationships (split)
            Map.entry("林一的读者群", new Profile(1.5, dims("information", "activities"), 80, 0.50, 0.01, 0, false, false,
                    -1)),
            Map.entry("SaaS产品经理交流群", new Profile(1.2, dims("information", "cases", "connections"), 70, 0.48, 0.01, 0,
                    false, false, -1)),
            Map.entry("瑞幸咖啡门店福利群·徐汇", new Profile(3, dims("benefits"), 25, 0.40, 0.0, 0, true, false, -1)),
            // noisy, concentrated, ad-heavy, churning
            Map.entry("小鹿穿搭粉丝群", new Profile(0.3, dims("benefits"), 160, 0.78, 0.02, 0, false, false, -1)),
            Map.entry("设计师接单资源群", new Profile(0.8, dims("resources"), 55, 0.50, 0.12, 0, false, false, -1)),
            Map.entry("每日英语打卡群", new Profile(2, dims("activities", "information"), 40, 0.38, 0.0, 0, false, false,
                    12)),
            Map.entry("跨境电商资源对接群", new Profile(1, dims("resources", "connections"), 120, 0.66, 0.03, 0, false,
                    false, -1)),
            // silent
            Map.entry("城市合伙人招募群", new Profile(0, dims(), 1, 0.9, 0.0, 90, false, false, -1)),
            Map.entry("新能源汽车行业观察", new Profile(0.5, dims("information"), 4, 0.8, 0.0, 45, false, false, -1)),
            Map.entry("好物分享福利2群", new Profile(0.6, dims("benefits"), 12, 0.6, 0.02, 38, false, false, -1)),
            // low-frequency businesses in long-term groups
            Map.entry("甲醛检测咨询群", new Profile(1.2, dims("information", "cases"), 3, 0.7, 0.0, 0, false, false, -1)),
            Map.entry("电动车车主交流群", new Profile(1.0, dims("information"), 9, 0.6, 0.02, 0, false, false, -1)));

    /** Everyone else delivers a little, now and then. */
    private static final Profile LITTLE = new Profile(0.4, ALL, 15, 0.55, 0.01, 0, false, false, -1);

    /** Believable titles per dimension, so the ledger reads like a real one. */
    private static final Map<ValueDimension, String[]> TITLES_ZH = Map.of(
            ValueDimension.BENEFITS, new String[] {"本周福利：满30减10券", "新品试吃名额", "会员日买一送一", "限时拼团价"},
            ValueDimension.INFORMATION, new String[] {"行业资讯早报", "政策解读", "平台新规速读", "本周数据周报"},
            ValueDimension.RESOURCES, new String[] {"资源对接：供应链名单", "工具包下载", "模板合集", "渠道资源表"},
            ValueDimension.CASES, new String[] {"案例拆解：复购提升30%", "会员故事分享", "失败复盘", "优秀社群案例"},
            ValueDimension.ACTIVITIES, new String[] {"线上分享：私域运营答疑", "周末打卡挑战", "直播连麦", "线下沙龙报名"},
            ValueDimension.CONNECTIONS, new String[] {"链接：介绍两位同行认识", "同城成员见面", "导师一对一", "合作需求对接"});

    private DemoLedger() {
    }

    static void populate(LedgerService ledger, List<Group> groups, LocalDate today, ZoneId zone, long seed) {
        Random r = new Random(seed);
        List<ValueEvent> events = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<DailyStat> stats = new ArrayList<>();
        for (Group g : groups) {
            if (g.status() != GroupStatus.ACTIVE || g.kind() != com.qundesk.group.GroupKind.LONG_TERM) {
                continue;
            }
            Profile p = PROFILES.getOrDefault(g.name(), LITTLE);
            int members = g.memberCount();
            for (int back = DAYS - 1; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                boolean quiet = back < p.silentForDays;
                // value events: a Poisson-ish number per day
                if (!quiet && p.dimensions.length > 0 && r.nextDouble() < p.valuePerWeek / 7.0) {
                    ValueDimension d = p.dimensions[r.nextInt(p.dimensions.length)];
                    Instant at = day.atTime(LocalTime.of(9 + r.nextInt(12), r.nextInt(60))).atZone(zone).toInstant();
                    int reach = (int) Math.round(members * (0.3 + 0.6 * r.nextDouble()));
                    String[] titles = TITLES_ZH.get(d);
                    events.add(new ValueEvent(null, g.id(), null, at, d, titles[r.nextInt(titles.length)],
                            reach, null));
                }
                if (!quiet && p.coupons && r.nextDouble() < 0.6) {
                    int issued = 20 + r.nextInt(40);
                    int redeemed = (int) Math.round(issued * (0.16 + 0.1 * r.nextDouble()));
                    outcomes.add(new Outcome(g.id(), null, day, OutcomeType.COUPONS_ISSUED, issued));
                    outcomes.add(new Outcome(g.id(), null, day, OutcomeType.COUPONS_REDEEMED, redeemed));
                    outcomes.add(new Outcome(g.id(), null, day, OutcomeType.ORDERS, redeemed + r.nextInt(5)));
                    outcomes.add(new Outcome(g.id(), null, day, OutcomeType.GMV, (redeemed + 2) * (18 + r.nextInt(12))));
                }
                if (!quiet && p.renewals && r.nextDouble() < 0.12) {
                    outcomes.add(new Outcome(g.id(), null, day, OutcomeType.RENEWALS, 1 + r.nextInt(3)));
                }
                int messages = quiet ? r.nextInt(2) : Math.max(0, (int) Math.round(p.messagesPerDay
                        * (0.5 + r.nextDouble())));
                int speakers = messages == 0 ? 0 : Math.max(1, Math.min(members, (int) Math.round(
                        Math.sqrt(messages) * (1.2 + r.nextDouble()) * (1 - p.top3 + 0.3))));
                double top3 = messages == 0 ? 0 : Math.min(1, p.top3 + (r.nextDouble() - 0.5) * 0.1);
                int joins = r.nextInt(4);
                // ordinary days lose about one member in 300; the churn-spike day loses a tenth
                int leaves = back == p.churnSpikeDay ? Math.max(1, members / 10) : r.nextInt(members / 150 + 2) / 2;
                int ads = (int) Math.round(messages * p.adShare * (0.5 + r.nextDouble()));
                stats.add(new DailyStat(g.id(), day, members, joins, leaves, r.nextInt(10) == 0 ? 1 : 0, messages,
                        speakers, Math.round(top3 * 10000) / 10000.0, Math.min(messages, r.nextInt(6)), ads, "manual"));
            }
        }
        ledger.addEvents(events);
        ledger.setOutcomes(outcomes);
        ledger.setStats(stats);
    }

    private static ValueDimension[] dims(String... tokens) {
        ValueDimension[] out = new ValueDimension[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = ValueDimension.fromToken(tokens[i]);
        }
        return out;
    }
}
