package com.qundesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Purpose;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code bench generate}: writes a benchmark workspace's inputs in the formats operators really have — the
 * registry spreadsheet, the campaign and flash-group schedule, the value ledger, outcomes and daily stats CSVs, and
 * chat exports (WeChatMsg per-chat CSV and PyWxDump pages) — plus {@code manifest.json}. The same scale, seed and
 * last day always give the same bytes.
 */
public final class BenchGenerator {

    public static final String MANIFEST = "manifest.json";
    public static final String REGISTRY = "registry.csv";
    public static final String CAMPAIGNS = "campaigns.csv";
    public static final String FLASH_PLANS = "flash-plans.csv";
    public static final String FLASH_DISSOLUTIONS = "flash-dissolutions.csv";
    public static final String VALUES = "values.csv";
    public static final String OUTCOMES = "outcomes.csv";
    public static final String STATS = "stats.csv";
    public static final String CHATS = "chats";
    public static final String HEADLINE = "headline";

    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** What was written. */
    public record Summary(Path dir, BenchScale scale, long seed, LocalDate until, Path headline, long messages,
                          int groups, int campaigns, int valueEvents, int outcomes, long statRowsPlanned,
                          long csvStatRows, long bytes, double seconds) {
    }

    private final BenchPlan plan;
    private final Path out;

    private BenchGenerator(BenchPlan plan, Path out) {
        this.plan = plan;
        this.out = out;
    }

    public static Summary generate(BenchScale scale, long seed, LocalDate until, Path out) throws IOException {
        long t0 = System.nanoTime();
        Files.createDirectories(out);
        BenchGenerator g = new BenchGenerator(new BenchPlan(scale, seed, until), out);
        g.registry();
        g.campaigns();
        g.values();
        g.outcomes();
        long csvStats = g.stats();
        Path headline = g.chats();
        long messages = g.plan.longGroups.stream().mapToLong(BenchPlan.LongGroup::messages).sum()
                + g.plan.flashGroups.stream().mapToLong(BenchPlan.FlashGroupPlan::messages).sum();
        long planned = g.plan.longGroups.stream().mapToLong(l -> l.days(until)).sum()
                + g.plan.flashGroups.stream().mapToLong(f -> f.days(until)).sum();
        long bytes;
        try (var s = Files.walk(out)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        Summary summary = new Summary(out, scale, seed, until, headline, messages,
                g.plan.longGroups.size() + g.plan.flashGroups.size(), g.plan.campaigns.size(), scale.valueEvents,
                scale.outcomes, planned, csvStats, bytes, (System.nanoTime() - t0) / 1e9);
        g.manifest(summary);
        return summary;
    }

    private void registry() throws IOException {
        try (Writer w = ChatExportWriter.writer(out.resolve(REGISTRY))) {
            w.write('\uFEFF');
            w.write("name,platform,externalId,purpose,kind,owner,memberCount,capacity,tags,status,notes,"
                    + "dissolutionReason\r\n");
            StringBuilder sb = new StringBuilder();
            for (BenchPlan.LongGroup g : plan.longGroups) {
                sb.setLength(0);
                sb.append(g.name()).append(',').append(g.platform().token()).append(',').append(g.externalId())
                        .append(',').append(g.purpose().token()).append(",long-term,").append(g.owner()).append(',')
                        .append(g.members()).append(',').append(g.capacity()).append(',');
                ChatExportWriter.quote(sb, String.join("、", g.tags()));
                sb.append(',').append(g.status().token()).append(",基准测试数据,")
                        .append(g.status() == GroupStatus.DISSOLVED ? "活动结束，成员已迁移" : "").append("\r\n");
                w.append(sb);
            }
        }
    }

    private void campaigns() throws IOException {
        try (Writer w = ChatExportWriter.writer(out.resolve(CAMPAIGNS))) {
            w.write("name,type,start,end,owner\r\n");
            for (BenchPlan.CampaignPlan k : plan.campaigns) {
                w.write(k.name() + "," + k.type().token() + "," + k.start() + "," + k.end() + "," + k.owner() + "\r\n");
            }
        }
        try (Writer w = ChatExportWriter.writer(out.resolve(FLASH_PLANS))) {
            w.write("campaign,preset,count,opens_at,duration\r\n");
            for (BenchPlan.CampaignPlan k : plan.campaigns) {
                w.write(k.name() + "," + k.preset().token() + "," + k.flashCount() + "," + k.opensAt() + ","
                        + k.customDuration() + "\r\n");
            }
        }
        try (Writer w = ChatExportWriter.writer(out.resolve(FLASH_DISSOLUTIONS))) {
            w.write("group,dissolved_at,reason\r\n");
            for (BenchPlan.FlashGroupPlan f : plan.flashGroups) {
                if (f.dissolvedAt() != null) {
                    w.write(f.name() + "," + f.dissolvedAt() + ","
                            + (f.dissolvedAt().isAfter(f.dueAt().plus(Duration.ofHours(12))) ? "活动延期后解散" : "")
                            + "\r\n");
                }
            }
        }
    }

    /** Who can receive value events: live long-term groups (a quarter deliver nothing) and every flash group. */
    private void values() throws IOException {
        SplittableRandom r = BenchPlan.rng(plan.seed, 4, 0);
        List<BenchPlan.LongGroup> givers = plan.longGroups.stream()
                .filter(g -> g.status() == GroupStatus.ACTIVE && g.index() % 4 != 1).toList();
        LocalDate yearAgo = plan.until.minusDays(364);
        ValueDimension[] dims = ValueDimension.values();
        String[] titles = {"专属优惠券 第%d期", "行业资讯速递 #%d", "资料包分享 #%d", "案例拆解 #%d", "线上活动 #%d", "资源对接 #%d"};
        try (Writer w = ChatExportWriter.writer(out.resolve(VALUES))) {
            w.write("group,time,dimension,title,reach,campaign\r\n");
            StringBuilder sb = new StringBuilder();
            for (int n = 0; n < plan.scale.valueEvents; n++) {
                String group;
                String campaign = "";
                LocalDateTime at;
                int members;
                if (r.nextInt(100) < 70 && !givers.isEmpty()) {
                    // a few groups deliver a lot, most a little
                    BenchPlan.LongGroup g = givers.get((int) (givers.size() * Math.pow(r.nextDouble(), 1.6)));
                    LocalDate from = g.since().isAfter(yearAgo) ? g.since() : yearAgo;
                    long span = plan.until.toEpochDay() - from.toEpochDay() + 1;
                    at = from.plusDays(r.nextLong(span)).atTime(9 + r.nextInt(13), r.nextInt(60));
                    group = g.externalId();
                    members = g.members();
                } else {
                    BenchPlan.FlashGroupPlan f = plan.flashGroups.get(r.nextInt(plan.flashGroups.size()));
                    Instant end = f.talkEnd(plan.untilEnd);
                    long span = Math.max(60, end.getEpochSecond() - f.opensAt().getEpochSecond());
                    at = LocalDateTime.ofInstant(f.opensAt().plusSeconds(r.nextLong(span)), BenchPlan.ZONE);
                    group = f.name();
                    campaign = plan.campaigns.get(f.campaign()).name();
                    members = 200;
                }
                int d = r.nextInt(dims.length);
                int reach = r.nextInt(5) == 0 ? 0 : 5 + r.nextInt(Math.max(1, members));
                sb.setLength(0);
                sb.append(group).append(',').append(LOCAL_MINUTE.format(at)).append(',').append(dims[d].token())
                        .append(',').append(titles[d].formatted(n + 1)).append(',').append(reach).append(',')
                        .append(campaign).append("\r\n");
                w.append(sb);
            }
        }
    }

    private void outcomes() throws IOException {
        SplittableRandom r = BenchPlan.rng(plan.seed, 5, 0);
        List<BenchPlan.LongGroup> sellers = plan.longGroups.stream().filter(g -> g.status() == GroupStatus.ACTIVE
                && (g.purpose() == Purpose.SHOPPING || g.purpose() == Purpose.PAID || g.purpose() == Purpose.VIP
                || g.purpose() == Purpose.EVENT || g.purpose() == Purpose.RESOURCE)).toList();
        LocalDate yearAgo = plan.until.minusDays(364);
        Set<String> seen = new HashSet<>();
        OutcomeType[] bundle = {OutcomeType.COUPONS_ISSUED, OutcomeType.COUPONS_REDEEMED, OutcomeType.ORDERS,
                OutcomeType.GMV, OutcomeType.SIGNUPS, OutcomeType.RENEWALS, OutcomeType.REFERRALS};
        try (Writer w = ChatExportWriter.writer(out.resolve(OUTCOMES))) {
            w.write("group,day,type,value,campaign\r\n");
            int written = 0;
            while (written < plan.scale.outcomes) {
                String group;
                String campaign = "";
                LocalDate day;
                if (r.nextInt(100) < 60 && !sellers.isEmpty()) {
                    BenchPlan.LongGroup g = sellers.get(r.nextInt(sellers.size()));
                    LocalDate from = g.since().isAfter(yearAgo) ? g.since() : yearAgo;
                    day = from.plusDays(r.nextLong(plan.until.toEpochDay() - from.toEpochDay() + 1));
                    group = g.externalId();
                } else {
                    BenchPlan.FlashGroupPlan f = plan.flashGroups.get(r.nextInt(plan.flashGroups.size()));
                    day = f.firstDay().plusDays(r.nextLong(f.days(plan.until)));
                    group = f.name();
                    campaign = plan.campaigns.get(f.campaign()).name();
                }
                if (!seen.add(group + '|' + day)) {
                    continue;
                }
                int issued = 20 + r.nextInt(400);
                for (int t = 0; t < bundle.length && written < plan.scale.outcomes; t++) {
                    if (t >= 4 && r.nextInt(3) != 0) {
                        continue;
                    }
                    double value = switch (bundle[t]) {
                        case COUPONS_ISSUED -> issued;
                        case COUPONS_REDEEMED -> Math.round(issued * (0.05 + 0.3 * r.nextDouble()));
                        case ORDERS -> 1 + r.nextInt(80);
                        case GMV -> Math.round(100 + r.nextDouble() * 20_000);
                        default -> 1 + r.nextInt(30);
                    };
                    w.write(group + "," + day + "," + bundle[t].token() + "," + (long) value + "," + campaign + "\r\n");
                    written++;
                }
            }
        }
    }

    /** Daily stats for every group without a chat export, one row per day it had members. */
    private long stats() throws IOException {
        long rows = 0;
        try (Writer w = ChatExportWriter.writer(out.resolve(STATS))) {
            w.write("group,day,members,joins,leaves,removals,messages,speakers,top3_share,owner_messages,"
                    + "flagged_ads\r\n");
            StringBuilder sb = new StringBuilder();
            for (BenchPlan.LongGroup g : plan.longGroups) {
                if (g.chat() != BenchPlan.ChatSource.NONE) {
                    continue;
                }
                SplittableRandom r = BenchPlan.rng(plan.seed, 6, g.index());
                int profile = g.index() % 10;
                int members = Math.max(10, g.members() - 40);
                for (LocalDate d = g.since(); !d.isAfter(plan.until); d = d.plusDays(1)) {
                    int joins = r.nextInt(100) < 30 ? 1 + r.nextInt(4) : 0;
                    int leaves = r.nextInt(100) < 20 ? 1 + r.nextInt(3) : 0;
                    int removals = r.nextInt(100) < 2 ? 1 : 0;
                    members = Math.clamp(members + joins - leaves - removals, 5, g.capacity());
                    int messages = switch (profile) {
                        case 0 -> r.nextInt(3);
                        case 1, 2 -> 100 + r.nextInt(300);
                        default -> 5 + r.nextInt(75);
                    };
                    int owner = profile == 3 ? messages : messages / (5 + r.nextInt(10));
                    row(w, sb, g.externalId(), d, members, joins, leaves, removals, messages, r, owner);
                    rows++;
                }
            }
            for (BenchPlan.FlashGroupPlan f : plan.flashGroups) {
                if (f.chat() != BenchPlan.ChatSource.NONE) {
                    continue;
                }
                SplittableRandom r = BenchPlan.rng(plan.seed, 7, f.index());
                int members = 0;
                for (LocalDate d = f.firstDay(); !d.isAfter(f.lastDay(plan.until)); d = d.plusDays(1)) {
                    int joins = d.equals(f.firstDay()) ? 50 + r.nextInt(250) : r.nextInt(10);
                    int leaves = d.equals(f.firstDay()) ? 0 : r.nextInt(6);
                    members = Math.clamp(members + joins - leaves, 0, 500);
                    int messages = 20 + r.nextInt(480);
                    row(w, sb, f.name(), d, members, joins, leaves, 0, messages, r, messages / 8);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void row(Writer w, StringBuilder sb, String group, LocalDate d, int members, int joins, int leaves,
                            int removals, int messages, SplittableRandom r, int owner) throws IOException {
        int speakers = messages == 0 ? 0 : Math.max(1, Math.min(members, messages / (2 + r.nextInt(4))));
        double top3 = messages == 0 ? 0 : Math.round((0.2 + 0.7 * r.nextDouble()) * 10_000) / 10_000.0;
        int ads = messages > 20 && r.nextInt(10) == 0 ? 1 + r.nextInt(3) : 0;
        sb.setLength(0);
        sb.append(group).append(',').append(d).append(',').append(members).append(',').append(joins).append(',')
                .append(leaves).append(',').append(removals).append(',').append(messages).append(',')
                .append(speakers).append(',').append(top3).append(',').append(owner).append(',').append(ads)
                .append("\r\n");
        w.append(sb);
    }

    /** The chat exports; returns the headline export. */
    private Path chats() throws IOException {
        Path wechatmsg = out.resolve(CHATS).resolve("wechatmsg");
        Path pywxdump = out.resolve(CHATS).resolve("pywxdump");
        Path headline = null;
        for (BenchPlan.LongGroup g : plan.longGroups) {
            if (g.chat() == BenchPlan.ChatSource.NONE) {
                continue;
            }
            ChatSynth synth = new ChatSynth(plan.seed, g.index(), Math.max(20, g.members() - 10));
            Instant from = g.since().atStartOfDay(BenchPlan.ZONE).toInstant();
            if (g.headline()) {
                headline = ChatExportWriter.writeWeChatMsg(out.resolve(HEADLINE), g.name(), g.externalId(), synth,
                        from, plan.untilEnd, g.messages(), 3 + g.index());
            } else if (g.chat() == BenchPlan.ChatSource.WECHATMSG) {
                ChatExportWriter.writeWeChatMsg(wechatmsg, g.name(), g.externalId(), synth, from, plan.untilEnd,
                        g.messages(), 3 + g.index());
            } else {
                ChatExportWriter.writePyWxDump(pywxdump, g.name(), g.externalId(), synth, from, plan.untilEnd,
                        g.messages());
            }
        }
        for (BenchPlan.FlashGroupPlan f : plan.flashGroups) {
            if (f.chat() == BenchPlan.ChatSource.NONE) {
                continue;
            }
            ChatSynth synth = new ChatSynth(plan.seed, 100_000 + f.index(), 150);
            String chatId = (30_000_000_000L + f.index() * 104_729L) + "@chatroom";
            // people talk from the opening until the group is dissolved (or its due time, if left open)
            Instant end = f.talkEnd(plan.untilEnd);
            if (f.chat() == BenchPlan.ChatSource.WECHATMSG) {
                ChatExportWriter.writeWeChatMsg(wechatmsg, f.name(), chatId, synth, f.opensAt(), end, f.messages(),
                        100_000 + f.index());
            } else {
                ChatExportWriter.writePyWxDump(pywxdump, f.name(), chatId, synth, f.opensAt(), end, f.messages());
            }
        }
        return headline;
    }

    private void manifest(Summary s) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode m = mapper.createObjectNode();
        m.put("scale", s.scale().token());
        m.put("seed", s.seed());
        m.put("until", s.until().toString());
        m.put("zone", BenchPlan.ZONE.getId());
        m.put("headline", out.relativize(s.headline()).toString().replace('\\', '/'));
        m.put("headlineGroup", plan.headline().externalId());
        m.put("headlineMessages", plan.scale.headlineMessages);
        m.put("messages", s.messages());
        m.put("groups", s.groups());
        m.put("flashGroups", plan.flashGroups.size());
        m.put("campaigns", s.campaigns());
        m.put("valueEvents", s.valueEvents());
        m.put("outcomes", s.outcomes());
        m.put("dailyStatsPlanned", s.statRowsPlanned());
        m.put("statsCsvRows", s.csvStatRows());
        m.put("chatExportGroups", plan.longGroups.stream().filter(g -> g.chat() != BenchPlan.ChatSource.NONE).count()
                + plan.flashGroups.stream().filter(f -> f.chat() != BenchPlan.ChatSource.NONE).count());
        m.put("bytes", s.bytes());
        List<String> notes = new ArrayList<>();
        notes.add("Generated by the bench's generate (qundesk-bench.jar); same scale, seed and until give the same files.");
        m.putPOJO("notes", notes);
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.resolve(MANIFEST).toFile(), m);
    }
}
