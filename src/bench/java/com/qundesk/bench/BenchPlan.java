package com.qundesk.bench;

import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a benchmark workspace holds, decided from the scale, a seed and the last day of data alone (so the same
 * arguments always give the same files): the long-term groups of the registry, the campaigns and their flash groups
 * with their whole lifecycle, which groups have chat exports and how many messages each, and how many days of daily
 * stats each group has so that the workspace ends up with the scale's number of daily-stat rows.
 */
final class BenchPlan {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OWNER_WXID = "wxid_bench_owner";

    enum ChatSource { NONE, WECHATMSG, PYWXDUMP }

    /** A long-term group of the registry. {@code since} is its first day of stats. */
    record LongGroup(int index, String name, Platform platform, String externalId, Purpose purpose, String owner,
                     int members, int capacity, List<String> tags, GroupStatus status, LocalDate since,
                     ChatSource chat, long messages, boolean headline) {
        long days(LocalDate until) {
            return until.toEpochDay() - since.toEpochDay() + 1;
        }
    }

    record CampaignPlan(int index, CampaignType type, String name, Instant start, Instant end, String owner,
                        LifetimePreset preset, Duration customDuration, int flashCount) {
        Instant opensAt() {
            return start.minus(Duration.ofHours(1));
        }
    }

    /** One flash group with its whole life: opened, due, dissolved (null: still open or left overdue). */
    record FlashGroupPlan(int index, int campaign, String name, Instant opensAt, Instant dueAt, Instant dissolvedAt,
                          ChatSource chat, long messages) {
        LocalDate firstDay() {
            return opensAt.atZone(ZONE).toLocalDate();
        }

        /** The last day the group had members: the day it was dissolved, else the last day of data. */
        LocalDate lastDay(LocalDate until) {
            LocalDate end = dissolvedAt == null ? until : dissolvedAt.atZone(ZONE).toLocalDate();
            return end.isAfter(until) ? until : end;
        }

        long days(LocalDate until) {
            return lastDay(until).toEpochDay() - firstDay().toEpochDay() + 1;
        }

        /** When people stop talking: at the dissolution; a group left open talks on to the end of the data. */
        Instant talkEnd(Instant untilEnd) {
            return dissolvedAt != null && dissolvedAt.isBefore(untilEnd) ? dissolvedAt : untilEnd;
        }
    }

    final BenchScale scale;
    final long seed;
    final LocalDate until;
    final Instant untilEnd;
    final List<LongGroup> longGroups = new ArrayList<>();
    final List<CampaignPlan> campaigns = new ArrayList<>();
    final List<FlashGroupPlan> flashGroups = new ArrayList<>();

    private static final String[] CITIES = {"上海", "北京", "杭州", "深圳", "成都", "南京", "武汉", "西安", "苏州", "广州",
            "长沙", "厦门"};
    private static final String[] TOPICS = {"宝妈好物", "读书会", "跑步", "职场成长", "理财交流", "摄影", "亲子阅读", "考研",
            "健身打卡", "咖啡爱好者", "设计师", "创业者", "烘焙", "露营", "宠物", "会员福利"};
    static final String[] OPERATORS = {"运营小王", "运营小李", "运营阿杰", "运营Amy", "运营小周", "运营老陈", "运营小美",
            "运营大鹏"};
    private static final CampaignType[] TYPES = {CampaignType.NIGHT_TALK, CampaignType.TRAINING, CampaignType.VOYAGE,
            CampaignType.RESOURCE_FLASH, CampaignType.GOODS_FLASH, CampaignType.HABIT_CAMP, CampaignType.EXPERT_SHARE,
            CampaignType.PROMOTION, CampaignType.MEETUP};

    BenchPlan(BenchScale scale, long seed, LocalDate until) {
        this.scale = scale;
        this.seed = seed;
        this.until = until;
        this.untilEnd = until.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
        planCampaignsAndFlash();
        planLongTerm();
    }

    static SplittableRandom rng(long seed, int kind, long index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index);
    }

    private void planCampaignsAndFlash() {
        int c = scale.campaigns;
        int base = scale.flashGroups / c;
        int extra = scale.flashGroups % c;
        for (int k = 0; k < c; k++) {
            SplittableRandom r = rng(seed, 1, k);
            CampaignType type = TYPES[k % TYPES.length];
            LocalDate day = until.minusDays(364).plusDays((long) k * 365 / c);
            Instant start = day.atTime(LocalTime.of(20, 0)).atZone(ZONE).toInstant();
            Duration length = switch (type) {
                case NIGHT_TALK, EXPERT_SHARE -> Duration.ofHours(2);
                case MEETUP -> Duration.ofHours(4);
                case RESOURCE_FLASH -> Duration.ofHours(1);
                case GOODS_FLASH -> Duration.ofDays(1);
                case PROMOTION -> Duration.ofDays(3);
                case TRAINING -> Duration.ofDays(7);
                default -> Duration.ofDays(21);
            };
            LifetimePreset preset = switch (type) {
                case RESOURCE_FLASH -> LifetimePreset.RESOURCE_FLASH;
                case TRAINING, HABIT_CAMP, VOYAGE -> LifetimePreset.CAMP;
                case GOODS_FLASH, PROMOTION -> LifetimePreset.CUSTOM;
                default -> LifetimePreset.ACTIVITY;
            };
            // zero-sum jitter on pairs of campaigns keeps the total exact
            int jitter = base > 2 ? (k / 2) % 3 : 0;
            int count = base + (k < extra ? 1 : 0) + (k % 2 == 0 ? jitter : -jitter);
            if (k % 2 == 0 && k == c - 1) {
                count -= jitter; // an odd last campaign has no partner
            }
            count = Math.min(count, FlashPlan.MAX_COUNT);
            String name = new com.qundesk.i18n.Messages(com.qundesk.i18n.Messages.CHINESE).get(type.messageKey())
                    + "第" + (k + 1) + "期";
            campaigns.add(new CampaignPlan(k, type, name, start, start.plus(length),
                    OPERATORS[r.nextInt(OPERATORS.length)], preset, Duration.ofHours(48), count));
        }
        int index = 0;
        for (CampaignPlan k : campaigns) {
            FlashPlan plan = new FlashPlan((long) k.index(), k.preset(), k.flashCount(), k.opensAt(), k.customDuration(),
                    null, null, null, null, null, null, null, null);
            Instant due = k.preset().dueAt(k.opensAt(), k.end(), k.customDuration(), null, ZONE);
            for (int i = 1; i <= k.flashCount(); i++) {
                SplittableRandom r = rng(seed, 2, index);
                Instant dissolved = null;
                if (!due.isAfter(untilEnd)) {
                    double p = r.nextDouble();
                    if (p < 0.85) {
                        dissolved = due.plusSeconds(r.nextLong(6 * 3600));
                    } else if (p < 0.95) {
                        dissolved = due.plus(Duration.ofDays(1)).plusSeconds(r.nextLong(2 * 86400));
                    }
                    if (dissolved != null && dissolved.isAfter(untilEnd)) {
                        dissolved = null;
                    }
                }
                flashGroups.add(new FlashGroupPlan(index, k.index(), plan.nameFor(i, k.name()), k.opensAt(), due,
                        dissolved, ChatSource.NONE, 0));
                index++;
            }
        }
    }

    private void planLongTerm() {
        int n = scale.longTermGroups();
        // which flash groups have chat exports: the long-lived ones, spread over the year
        List<Integer> longLived = new ArrayList<>();
        for (FlashGroupPlan f : flashGroups) {
            if (f.days(until) >= 3) {
                longLived.add(f.index());
            }
        }
        int chatFlash = Math.min(scale.chatFlash, longLived.size());
        long flashBudget = chatFlash == 0 ? 0 : (scale.messages - scale.headlineMessages) / 10;
        long longBudget = scale.messages - scale.headlineMessages - flashBudget;
        for (int j = 0; j < chatFlash; j++) {
            int fi = longLived.get((int) ((long) j * longLived.size() / chatFlash));
            FlashGroupPlan f = flashGroups.get(fi);
            long msgs = flashBudget / chatFlash + (j < flashBudget % chatFlash ? 1 : 0);
            flashGroups.set(fi, new FlashGroupPlan(f.index(), f.campaign(), f.name(), f.opensAt(), f.dueAt(),
                    f.dissolvedAt(), j % 3 == 2 ? ChatSource.PYWXDUMP : ChatSource.WECHATMSG, Math.max(msgs, f.days(until))));
        }
        long flashDays = flashGroups.stream().mapToLong(f -> f.days(until)).sum();
        long[] lengths = historyLengths(n, scale.dailyStats - flashDays);

        // chat exports come from live WeChat groups (WeCom groups have statistics, not exports), spread evenly
        List<Integer> exportable = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!isWecom(i) && statusOf(i) == GroupStatus.ACTIVE) {
                exportable.add(i);
            }
        }
        int chatLong = Math.min(scale.chatLongTerm, exportable.size());
        int others = Math.max(1, chatLong - 1);
        int[] rankOf = new int[n];
        java.util.Arrays.fill(rankOf, -1);
        for (int j = 0; j < chatLong; j++) {
            rankOf[exportable.get((int) ((long) j * exportable.size() / chatLong))] = j;
        }
        for (int i = 0; i < n; i++) {
            SplittableRandom r = rng(seed, 3, i);
            boolean wecom = isWecom(i);
            Platform platform = wecom ? Platform.WECOM : Platform.WECHAT;
            String externalId = wecom ? String.format("wrBench%08d", i) : (20_000_000_000L + i * 7919L) + "@chatroom";
            String name = TOPICS[i % TOPICS.length] + CITIES[(i / TOPICS.length) % CITIES.length]
                    + String.format("%03d", i + 1) + "群";
            Purpose purpose = Purpose.values()[(i * 7) % Purpose.values().length];
            int capacity = platform.defaultCapacity();
            double fill = i % 20 == 3 ? 0.97 : 0.2 + 0.7 * r.nextDouble();
            int members = Math.max(12, (int) (capacity * fill));
            GroupStatus status = statusOf(i);
            int chatRank = rankOf[i];
            ChatSource chat = ChatSource.NONE;
            long messages = 0;
            boolean headline = chatRank == 0;
            LocalDate since = until.minusDays(lengths[i] - 1);
            if (headline) {
                chat = ChatSource.WECHATMSG;
                messages = scale.headlineMessages;
            } else if (chatRank > 0) {
                chat = chatRank % 3 == 0 ? ChatSource.PYWXDUMP : ChatSource.WECHATMSG;
                messages = longBudget / others + (chatRank - 1 < longBudget % others ? 1 : 0);
            }
            if (chat != ChatSource.NONE) {
                messages = Math.max(messages, lengths[i]);
            }
            List<String> tags = List.of(CITIES[(i / TOPICS.length) % CITIES.length], i % 4 == 0 ? "核心" : "常规");
            longGroups.add(new LongGroup(i, name, platform, externalId, purpose, OPERATORS[i % OPERATORS.length],
                    members, capacity, tags, status, since, chat, messages, headline));
        }
    }

    private static boolean isWecom(int i) {
        return i % 10 == 9;
    }

    private static GroupStatus statusOf(int i) {
        return i % 33 == 32 ? GroupStatus.DISSOLVED : i % 50 == 49 ? GroupStatus.ARCHIVED : GroupStatus.ACTIVE;
    }

    /** Days of history per long-term group, summing to {@code total} where the caps allow. */
    private long[] historyLengths(int n, long total) {
        long[] out = new long[n];
        long min = 30;
        long cap = scale.historyDays;
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 0.6 + 0.8 * ((i * 0.6180339887) % 1.0);
            sum += w[i];
        }
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.clamp(Math.round(total * w[i] / sum), min, cap);
            assigned += out[i];
        }
        // spread what rounding and the caps left over, one day at a time
        boolean moved = true;
        while (assigned != total && moved) {
            moved = false;
            for (int i = 0; i < n && assigned != total; i++) {
                if (assigned < total && out[i] < cap) {
                    out[i]++;
                    assigned++;
                    moved = true;
                } else if (assigned > total && out[i] > min) {
                    out[i]--;
                    assigned--;
                    moved = true;
                }
            }
        }
        return out;
    }

    LongGroup headline() {
        return longGroups.stream().filter(LongGroup::headline).findFirst().orElseThrow();
    }
}
