package com.qundesk.reliability;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.stats.DailyStat;
import com.qundesk.value.Outcome;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A workspace that already holds months of data, for hostile files to be imported into: the groups the seeds name
 * (their targets), and bystander groups with tags, history, a campaign with flash groups and reminders, value events,
 * outcomes, manual daily stats, an earlier chat import and WeCom members and statistics — none of which a file about
 * other groups may change.
 */
final class FuzzWorkspace {

    static final LocalDate WECOM_DAY = LocalDate.of(2026, 11, 20);

    final TestWorkspace w;
    final long target1;
    final long targetB;
    /** One connection for the test's snapshots (opening one per snapshot would cost more than the import). */
    final Connection reader;
    /** The snapshot taken after the last import, which is the next import's "before" when nothing ran between. */
    WorkspaceSnapshot last;

    private FuzzWorkspace(TestWorkspace w, long target1, long targetB) {
        this.w = w;
        this.target1 = target1;
        this.targetB = targetB;
        try {
            this.reader = w.ctx.database().connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code template} in {@code dir}, opened as the app opens a workspace. */
    static FuzzWorkspace copyOf(FuzzWorkspace template, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Statement s = template.reader.createStatement()) {
            s.execute("VACUUM INTO '" + dir.resolve("workspace.qundesk").toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new FuzzWorkspace(new TestWorkspace(dir), template.target1, template.targetB);
    }

    void close() {
        try {
            reader.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static FuzzWorkspace create(Path dir) throws IOException {
        TestWorkspace w = new TestWorkspace(dir);
        var groups = w.ctx.groups();
        long t1 = groups.create(group(Platform.WECHAT, "夜话会", FuzzSeeds.ROOM_1)).id();
        groups.create(group(Platform.WECHAT, "夜话会2群", FuzzSeeds.ROOM_2));
        groups.create(group(Platform.WECHAT, "PyWx群", FuzzSeeds.ROOM_PYWX));
        groups.create(group(Platform.WECHAT, "PyWx2群", FuzzSeeds.ROOM_PYWX2));
        groups.create(group(Platform.WECHAT, "周末徒步群", FuzzSeeds.ROOM_HIKE));
        groups.create(group(Platform.WECOM, "销售客服群", FuzzSeeds.WECOM_CHAT));
        long tb = groups.create(group(Platform.WECHAT, "目标群B", null)).id();

        Group b1 = groups.create(group(Platform.WECHAT, "旁观者群", "99990001@chatroom").toBuilder()
                .tags(List.of("VIP", "老客户")).owner("小周").build());
        groups.update(groups.get(b1.id()).toBuilder().memberCount(188).notes("不要动我").build());
        Group b2 = groups.create(group(Platform.WECOM, "旁观企微群", "wrBystander00001"));
        Instant now = w.clock.instant();
        Campaign k = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "旁观夜话",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));
        w.ctx.flash().create(new FlashPlan(k.id(), LifetimePreset.CUSTOM, 2, now, Duration.ofHours(6), null,
                "旁观快闪-{k}", null, Platform.WECHAT, null, "小周", null, null));

        var ledger = w.ctx.ledger();
        for (long g : new long[] {b1.id(), t1}) {
            ledger.addEvent(new ValueEvent(null, g, null, now.minus(Duration.ofDays(3)), ValueDimension.BENEFITS,
                    "满30减10券", 120, "旁观"));
            ledger.setOutcomes(List.of(new Outcome(g, null, LocalDate.of(2026, 11, 20), OutcomeType.ORDERS, 12)));
            ledger.setStats(List.of(new DailyStat(g, LocalDate.of(2026, 11, 20), 300, 4, 1, 0, 200, 30, 0.4, 10, 0,
                    "manual"), new DailyStat(g, LocalDate.of(2026, 11, 21), 303, 3, 0, 0, 150, 25, 0.5, 8, 1,
                    "manual")));
        }

        // an earlier chat import into a bystander and into the first target (imports overlap it later)
        byte[] chat = FuzzCorpusGenerator.valid(FuzzSeeds.all().getFirst());
        Path earlier = Files.createDirectories(dir.resolve("earlier/旁观者群(99990001@chatroom)")).resolve("旁观者群.csv");
        Files.write(earlier, chat);
        Path target = Files.createDirectories(dir.resolve("earlier/夜话会(" + FuzzSeeds.ROOM_1 + ")")).resolve("夜话会.csv");
        Files.write(target, chat);
        ImportOptions options = ImportOptions.in(TestWorkspace.ZONE);
        w.ctx.chatImports().importFile(earlier, options, () -> false, ImportProgress.NONE);
        w.ctx.chatImports().importFile(target, options, () -> false, ImportProgress.NONE);

        Path wecom = dir.resolve("earlier/bystander-wecom.json");
        Files.writeString(wecom, """
                [{"errcode":0,"group_chat":{"chat_id":"wrBystander00001","name":"旁观企微群","owner":"bystander",
                  "member_list":[{"userid":"m1","type":2,"join_time":1763600000,"join_scene":3},
                                 {"userid":"m2","type":1,"join_time":1763610000,"join_scene":1}]}},
                 {"errcode":0,"total":1,"items":[{"owner":"bystander","data":{"chat_total":3,"msg_total":99}}]}]
                """);
        w.ctx.wecomImports().importFile(wecom, new WecomImportService.Options(TestWorkspace.ZONE, null,
                LocalDate.of(2026, 11, 19), false));
        if (groups.get(b2.id()).memberCount() != 2) {
            throw new IllegalStateException("the bystander WeCom import did not land");
        }
        return new FuzzWorkspace(w, t1, tb);
    }

    private static Group group(Platform p, String name, String externalId) {
        return Group.draft(p, name, Purpose.INDUSTRY, GroupKind.LONG_TERM).toBuilder().externalId(externalId).build();
    }
}
