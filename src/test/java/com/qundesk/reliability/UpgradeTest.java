package com.qundesk.reliability;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Database;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashState;
import com.qundesk.group.Group;
import com.qundesk.imports.ImportLogRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades: a workspace is built at every past schema version with data written in that version's own SQL, then
 * opened with today's {@link Database#open}; every row must still be there with its values, and today's services
 * must read it.
 *
 * <p>Data-driven: each migration has one {@link Step} (the rows it makes possible and what they must read as in the
 * current schema). A new migration V7 needs one more step; {@link #everyMigrationHasAStep()} fails until it has one.
 * When a later migration changes a column on purpose, update the checks of the older steps to what the data must
 * have become.
 */
class UpgradeTest {

    /** 2026-11-01T00:00:00Z and friends, as epoch milliseconds. */
    private static final long T0 = 1_761_955_200_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY0 = 20_393; // 2025-11-02 as an epoch day

    /**
     * One schema version: SQL valid at exactly that version (run after Flyway migrated to it), and queries on the
     * current schema with the rows they must return (cells joined by {@code |}, NULL as {@code null}).
     */
    record Step(String version, List<String> inserts, List<Check> checks) {
    }

    record Check(String query, List<String> rows) {
        static Check of(String query, String... rows) {
            return new Check(query, List.of(rows));
        }
    }

    static final List<Step> STEPS = List.of(
            new Step("1", List.of(
                    "INSERT INTO chat_group (id, platform, external_id, name, purpose, kind, owner, admins, member_count,"
                            + " capacity, parent_id, rules, announcement, ad_policy, ad_fee_yuan, ad_weekday, ad_hour_from,"
                            + " ad_hour_to, ad_thread_admin, status, created_at, reformed_at, dissolved_at,"
                            + " dissolution_reason, notes, updated_at) VALUES (1, 'wechat', '11112222@chatroom',"
                            + " '夜话会1群', 'paid', 'long-term', '小周', '阿强,小美', 321, 500, NULL, '不发广告',"
                            + " '今晚8点', 'weekly-window', 50, 5, 20, 22, NULL, 'active', " + T0 + ", NULL, NULL, NULL,"
                            + " '老群', " + (T0 + HOUR) + ")",
                    "INSERT INTO chat_group (id, platform, external_id, name, purpose, kind, member_count, capacity,"
                            + " parent_id, status, dissolved_at, dissolution_reason, updated_at) VALUES (2, 'wecom',"
                            + " 'wrAbCdEf0123', '售后子群', 'service', 'long-term', 12, 200, 1, 'dissolved', "
                            + (T0 + 2 * HOUR) + ", '合并到主群', " + (T0 + 2 * HOUR) + ")",
                    "INSERT INTO group_tag (group_id, tag) VALUES (1, 'VIP'), (1, '夜话'), (2, '售后')",
                    "INSERT INTO group_history (id, group_id, at, action, field, old_value, new_value, note) VALUES"
                            + " (1, 1, " + T0 + ", 'created', NULL, NULL, NULL, 'v1'),"
                            + " (2, 1, " + (T0 + HOUR) + ", 'updated', 'memberCount', '300', '321', NULL)",
                    "INSERT INTO workspace_setting (key, value) VALUES ('zone', 'Asia/Shanghai')"),
                    List.of(
                            Check.of("SELECT id, platform, external_id, name, purpose, kind, owner, admins, member_count,"
                                            + " capacity, parent_id, ad_policy, ad_fee_yuan, ad_weekday, ad_hour_from,"
                                            + " ad_hour_to, status, dissolution_reason, notes, updated_at FROM chat_group"
                                            + " WHERE id IN (1, 2) ORDER BY id",
                                    "1|wechat|11112222@chatroom|夜话会1群|paid|long-term|小周|阿强,小美|321|500|null"
                                            + "|weekly-window|50|5|20|22|active|null|老群|" + (T0 + HOUR),
                                    "2|wecom|wrAbCdEf0123|售后子群|service|long-term|null|null|12|200|1|none|null"
                                            + "|null|null|null|dissolved|合并到主群|null|" + (T0 + 2 * HOUR)),
                            Check.of("SELECT group_id, tag FROM group_tag ORDER BY group_id, tag",
                                    "1|VIP", "1|夜话", "2|售后"),
                            Check.of("SELECT id, group_id, at, action, field, old_value, new_value FROM group_history"
                                            + " WHERE id <= 2 ORDER BY id",
                                    "1|1|" + T0 + "|created|null|null|null",
                                    "2|1|" + (T0 + HOUR) + "|updated|memberCount|300|321"),
                            Check.of("SELECT value FROM workspace_setting WHERE key = 'zone'", "Asia/Shanghai"))),
            new Step("2", List.of(
                    "INSERT INTO chat_group (id, platform, name, purpose, kind, capacity, status, created_at, updated_at)"
                            + " VALUES (3, 'wechat', '双11快闪-1群', 'event', 'flash', 500, 'dissolution-scheduled', "
                            + T0 + ", " + T0 + ")",
                    "INSERT INTO campaign (id, type, name, starts_at, ends_at, owner, goal_signups, goal_gmv_yuan,"
                            + " created_at, updated_at) VALUES (1, 'goods-flash', '双11', " + T0 + ", "
                            + (T0 + 24 * HOUR) + ", '小周', 200, 50000, " + T0 + ", " + T0 + ")",
                    "INSERT INTO campaign_group (campaign_id, group_id) VALUES (1, 3)",
                    "INSERT INTO flash_lifecycle (group_id, preset, state, opens_at, due_at, ended_at, end_reason,"
                            + " skipped_checklist) VALUES (3, 'activity', 'extended', " + T0 + ", "
                            + (T0 + 96 * HOUR) + ", NULL, '返场', NULL)",
                    "INSERT INTO flash_checklist (group_id, item, done_at) VALUES (3, 'farewell-sent', "
                            + (T0 + HOUR) + ")",
                    "INSERT INTO reminder (id, group_id, kind, fire_at, offset_minutes, fired_at, cancelled_at) VALUES"
                            + " (1, 3, 'reminder', " + (T0 + 72 * HOUR) + ", 1440, " + (T0 + 72 * HOUR) + ", NULL),"
                            + " (2, 3, 'dissolution', " + (T0 + 96 * HOUR) + ", 0, NULL, NULL)",
                    "INSERT INTO template (id, kind, name, language, builtin) VALUES (900, 'rules', '升级测试群规', 'zh', 0)",
                    "INSERT INTO template_version (id, template_id, version, body, created_at) VALUES"
                            + " (900, 900, 1, '第一版', " + T0 + "), (901, 900, 2, '第二版：{群名}', " + (T0 + HOUR) + ")",
                    "INSERT INTO group_template (group_id, kind, template_version_id) VALUES (3, 'rules', 901)"),
                    List.of(
                            Check.of("SELECT id, type, name, starts_at, ends_at, owner, goal_signups, goal_gmv_yuan FROM"
                                            + " campaign", "1|goods-flash|双11|" + T0 + "|" + (T0 + 24 * HOUR)
                                            + "|小周|200|50000"),
                            Check.of("SELECT campaign_id, group_id FROM campaign_group", "1|3"),
                            Check.of("SELECT group_id, preset, state, opens_at, due_at, ended_at, end_reason FROM"
                                            + " flash_lifecycle", "3|activity|extended|" + T0 + "|" + (T0 + 96 * HOUR)
                                            + "|null|返场"),
                            Check.of("SELECT group_id, item, done_at FROM flash_checklist", "3|farewell-sent|"
                                    + (T0 + HOUR)),
                            Check.of("SELECT id, kind, fire_at, offset_minutes, fired_at, cancelled_at FROM reminder"
                                            + " ORDER BY id",
                                    "1|reminder|" + (T0 + 72 * HOUR) + "|1440|" + (T0 + 72 * HOUR) + "|null",
                                    "2|dissolution|" + (T0 + 96 * HOUR) + "|0|null|null"),
                            Check.of("SELECT t.name, v.version, v.body FROM template t JOIN template_version v ON"
                                            + " v.template_id = t.id WHERE t.id = 900 ORDER BY v.version",
                                    "升级测试群规|1|第一版", "升级测试群规|2|第二版：{群名}"),
                            Check.of("SELECT group_id, kind, template_version_id FROM group_template", "3|rules|901"))),
            new Step("3", List.of(
                    "UPDATE chat_group SET broadcast = 1 WHERE id = 2",
                    "INSERT INTO value_event (id, group_id, campaign_id, at, dimension, title, reach, note, created_at)"
                            + " VALUES (1, 1, NULL, " + (T0 + 20 * HOUR) + ", 'benefits', '满30减10券', 120, '首发', "
                            + T0 + "), (2, 3, 1, " + (T0 + 21 * HOUR) + ", 'resources', '行业报告', 0, NULL, " + T0 + ")",
                    "INSERT INTO outcome (id, group_id, campaign_id, day, type, value) VALUES"
                            + " (1, 3, 1, " + DAY0 + ", 'gmv', 1234.5), (2, 1, NULL, " + DAY0 + ", 'orders', 7)",
                    "INSERT INTO daily_stat (group_id, day, members, joins, leaves, removals, messages, speakers,"
                            + " top3_share, owner_messages, flagged_ads, source) VALUES (1, " + DAY0 + ", 321, 5, 2, 1,"
                            + " 240, 31, 0.42, 12, 1, 'manual')"),
                    List.of(
                            Check.of("SELECT id, broadcast FROM chat_group WHERE id IN (1, 2, 3) ORDER BY id",
                                    "1|0", "2|1", "3|0"),
                            Check.of("SELECT id, group_id, campaign_id, at, dimension, title, reach, note FROM value_event"
                                            + " ORDER BY id",
                                    "1|1|null|" + (T0 + 20 * HOUR) + "|benefits|满30减10券|120|首发",
                                    "2|3|1|" + (T0 + 21 * HOUR) + "|resources|行业报告|0|null"),
                            Check.of("SELECT id, group_id, campaign_id, day, type, value FROM outcome ORDER BY id",
                                    "1|3|1|" + DAY0 + "|gmv|1234.5", "2|1|null|" + DAY0 + "|orders|7.0"),
                            Check.of("SELECT group_id, day, members, joins, leaves, removals, messages, speakers,"
                                            + " top3_share, owner_messages, flagged_ads, source FROM daily_stat",
                                    "1|" + DAY0 + "|321|5|2|1|240|31|0.42|12|1|manual"))),
            new Step("4", List.of(
                    "INSERT INTO import_run (id, started_at, finished_at, kind, source, file_name, file_size, format,"
                            + " zone, rows_read, imported, duplicates, rejected, skipped, first_at, last_at, warnings)"
                            + " VALUES (1, " + T0 + ", " + (T0 + 5000) + ", 'chat', '/exports/夜话会1群.csv',"
                            + " '夜话会1群.csv', 2048, 'wechatmsg', 'Asia/Shanghai', 3, 2, 0, 1, 0, 1762045200,"
                            + " 1762045260, 'import.warn.minuteTimes')",
                    "INSERT INTO import_group (import_id, group_id, chat_key, imported, duplicates) VALUES"
                            + " (1, 1, '11112222@chatroom', 2, 0)",
                    "INSERT INTO import_rejection (import_id, seq, line, message_key, args) VALUES"
                            + " (1, 0, 4, 'import.reject.time', '[\"x\"]')",
                    "INSERT INTO chat_sender (id, group_id, sender_key, display_name) VALUES (1, 1, 'wxid_a', '阿强')",
                    "INSERT INTO chat_message (group_id, at, sender_id, kind, seq, day, flags, joins, removals,"
                            + " import_id) VALUES (1, 1762045200, 1, 0, 0, " + DAY0 + ", 0, 0, 0, 1),"
                            + " (1, 1762045260, 0, 9, 0, " + DAY0 + ", 8, 2, 0, 1)",
                    "INSERT INTO chat_day_sender (group_id, day, sender_id, messages) VALUES (1, " + DAY0 + ", 1, 1)",
                    "INSERT INTO chat_day (group_id, day, messages, owner_messages, joins, removals, flagged_ads,"
                            + " notices) VALUES (1, " + DAY0 + ", 1, 0, 2, 0, 0, 1)",
                    "INSERT INTO member_snapshot (id, group_id, taken_at, day, size, members, import_id) VALUES"
                            + " (1, 1, 1762045300, " + DAY0 + ", 2, 'wxid_a\nwxid_b', 1)",
                    "INSERT INTO import_run (id, started_at, finished_at, kind, source, file_name, file_size, format,"
                            + " zone) VALUES (2, " + T0 + ", " + T0 + ", 'wecom', 'get.json', 'get.json', 10, 'wecom',"
                            + " 'Asia/Shanghai')",
                    "INSERT INTO wecom_member (group_id, userid, type, join_time, join_day, join_scene, inviter,"
                            + " import_id) VALUES (2, 'abel', 1, 1762045200, " + DAY0 + ", 3, 'jack', 2)",
                    "INSERT INTO wecom_stat (owner, day, new_chat_cnt, chat_total, chat_has_msg, new_member_cnt,"
                            + " member_total, member_has_msg, msg_total, migrate_trainee_chat_cnt, import_id) VALUES"
                            + " ('zhangsan', " + DAY0 + ", 2, 5, 3, 1, 60, 20, 400, NULL, 2)"),
                    List.of(
                            Check.of("SELECT id, kind, file_name, file_size, format, zone, rows_read, imported, rejected,"
                                            + " first_at, last_at, warnings, undone_at FROM import_run ORDER BY id",
                                    "1|chat|夜话会1群.csv|2048|wechatmsg|Asia/Shanghai|3|2|1|1762045200|1762045260"
                                            + "|import.warn.minuteTimes|null",
                                    "2|wecom|get.json|10|wecom|Asia/Shanghai|0|0|0|null|null|null|null"),
                            Check.of("SELECT import_id, group_id, chat_key, imported FROM import_group",
                                    "1|1|11112222@chatroom|2"),
                            Check.of("SELECT line, message_key, args FROM import_rejection", "4|import.reject.time|[\"x\"]"),
                            Check.of("SELECT group_id, sender_key, display_name FROM chat_sender", "1|wxid_a|阿强"),
                            Check.of("SELECT group_id, at, sender_id, kind, seq, day, flags, joins, import_id FROM"
                                            + " chat_message ORDER BY at",
                                    "1|1762045200|1|0|0|" + DAY0 + "|0|0|1", "1|1762045260|0|9|0|" + DAY0 + "|8|2|1"),
                            Check.of("SELECT messages, joins, notices FROM chat_day", "1|2|1"),
                            Check.of("SELECT messages FROM chat_day_sender", "1"),
                            Check.of("SELECT group_id, size, members FROM member_snapshot", "1|2|wxid_a\nwxid_b"),
                            Check.of("SELECT group_id, userid, join_scene, inviter FROM wecom_member", "2|abel|3|jack"),
                            Check.of("SELECT owner, day, chat_total, msg_total, migrate_trainee_chat_cnt FROM wecom_stat",
                                    "zhangsan|" + DAY0 + "|5|400|null"))),
            // V5 adds covering indices only: no new rows, the indices exist and the old ones are gone
            new Step("5", List.of(), List.of(
                    Check.of("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('ix_daily_stat_day_metrics',"
                                    + " 'ix_value_event_at_cover', 'ix_outcome_group_day_value', 'ix_daily_stat_day',"
                                    + " 'ix_value_event_at') ORDER BY name",
                            "ix_daily_stat_day_metrics", "ix_outcome_group_day_value", "ix_value_event_at_cover"))),
            // V6 adds the registry's version token and its triggers: one row, and a change to a group changes it
            new Step("6", List.of("UPDATE registry_version SET token = 42",
                    "UPDATE chat_group SET updated_at = updated_at WHERE id = 1"), List.of(
                    Check.of("SELECT count(*), sum(token = 42) FROM registry_version", "1|0"),
                    Check.of("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'tr_registry_%'",
                            "6"))),
            // V7 adds the value plan: items, the outcome of each occurrence, announced occurrences, invites
            new Step("7", List.of(
                    "INSERT INTO plan_item (id, group_id, dimension, title, body, reach, rrule, start_at, zone, source,"
                            + " created_at) VALUES (1, 1, 'information', '每周早报', '「{group}」早报', 80,"
                            + " 'FREQ=WEEKLY;BYDAY=MO', " + T0 + ", 'Asia/Shanghai', 'manual', " + T0 + ")",
                    "INSERT INTO plan_delivery (plan_item_id, occurrence, state, value_event_id, reason, recorded_at)"
                            + " VALUES (1, " + T0 + ", 'delivered', 1, NULL, " + T0 + "),"
                            + " (1, " + (T0 + 7 * 24 * HOUR) + ", 'skipped', NULL, '群主出差', " + T0 + ")",
                    "INSERT INTO plan_notice (plan_item_id, occurrence, noticed_at) VALUES (1, " + T0 + ", " + T0 + ")",
                    "INSERT INTO group_invite (group_id, qr_refreshed_at) VALUES (1, " + T0 + ")"), List.of(
                    Check.of("SELECT id, group_id, dimension, title, rrule, zone, source FROM plan_item",
                            "1|1|information|每周早报|FREQ=WEEKLY;BYDAY=MO|Asia/Shanghai|manual"),
                    Check.of("SELECT state, value_event_id, reason FROM plan_delivery ORDER BY occurrence",
                            "delivered|1|null", "skipped|null|群主出差"),
                    Check.of("SELECT count(*) FROM plan_notice", "1"),
                    Check.of("SELECT group_id, qr_refreshed_at, advertises_qr FROM group_invite", "1|" + T0 + "|1"))),
            // V8 adds versions, assignees, the actor of history rows and the operators' display names; rows from
            // before are at version 1 with no assignee and no actor
            new Step("8", List.of(
                    "UPDATE chat_group SET version = version + 1, assignee = 'ann' WHERE id = 1",
                    "INSERT INTO group_history (group_id, at, action, actor, version) VALUES (1, " + T0 + ", 'edited',"
                            + " 'ann', 2)",
                    "INSERT INTO operator (login, display_name, updated_at) VALUES ('ann', '安妮', " + T0 + ")"), List.of(
                    Check.of("SELECT id, version, assignee FROM chat_group ORDER BY id", "1|2|ann", "2|1|null",
                            "3|1|null"),
                    Check.of("SELECT version, assignee FROM campaign", "1|null"),
                    Check.of("SELECT count(*) FROM group_history WHERE actor IS NULL AND version IS NULL", "2"),
                    Check.of("SELECT login, display_name FROM operator", "ann|安妮"))),
            // V9 adds the lead flag (operators from before are not leads) and the notices addressed to people
            new Step("9", List.of(
                    "INSERT INTO notice_inbox (recipient, group_id, kind, due_at, fired_for, overdue, created_at)"
                            + " VALUES ('ann', 1, 'dissolution_due', " + T0 + ", " + T0 + ", 1, " + T0 + ")"), List.of(
                    Check.of("SELECT login, lead FROM operator", "ann|0"),
                    Check.of("SELECT recipient, kind, overdue, shown_at FROM notice_inbox",
                            "ann|dissolution_due|1|null"))),
            // V10 adds campaign history (who changed which campaign field); campaigns from before have none
            new Step("10", List.of(
                    "INSERT INTO campaign_history (campaign_id, at, action, field, old_value, new_value, actor, version)"
                            + " VALUES (1, " + T0 + ", 'edited', 'owner', NULL, '林晓', 'ann', 2)"), List.of(
                    Check.of("SELECT campaign_id, action, field, old_value, new_value, actor, version"
                            + " FROM campaign_history", "1|edited|owner|null|林晓|ann|2")))
    );

    @TempDir
    Path dir;

    static Stream<String> startVersions() {
        return STEPS.stream().map(Step::version);
    }

    @ParameterizedTest(name = "a workspace at V{0} with data upgrades to today's schema intact")
    @MethodSource("startVersions")
    void aWorkspaceAtAPastVersionUpgradesWithEveryRowIntact(String version) throws Exception {
        int last = IntStream.range(0, STEPS.size()).filter(i -> STEPS.get(i).version().equals(version))
                .findFirst().orElseThrow();
        Path file = dir.resolve("at-v" + STEPS.get(last).version() + ".qundesk");
        SQLiteDataSource ds = dataSource(file);
        for (int i = 0; i <= last; i++) {
            Step step = STEPS.get(i);
            Flyway.configure(getClass().getClassLoader()).dataSource(ds).locations("classpath:db/migration")
                    .target(step.version()).load().migrate();
            assertThat(scalar(ds, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(step.version());
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                for (String sql : step.inserts()) {
                    s.executeUpdate(sql);
                }
            }
        }

        Database db = Database.open(file);

        try (db; Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(rows(s, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(rows(s, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(rows(s, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"))
                    .containsExactly(STEPS.getLast().version());
            assertThat(tables(s)).containsExactlyInAnyOrderElementsOf(freshTables());
            for (int i = 0; i <= last; i++) {
                for (Check check : STEPS.get(i).checks()) {
                    assertThat(rows(s, check.query())).as("V%s data: %s", STEPS.get(i).version(), check.query())
                            .containsExactlyElementsOf(check.rows());
                }
            }
        }
        readByTodaysServices(file, last);
    }

    /** Today's services read the upgraded rows as the domain objects they were. */
    private void readByTodaysServices(Path file, int last) {
        AppPaths paths = new AppPaths(dir.resolve("home"));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        try (AppContext ctx = AppContext.open(paths, prefs, file, new MutableClock(Instant.ofEpochMilli(T0)))) {
            readBy(ctx, last);
        }
    }

    private static void readBy(AppContext ctx, int last) {
        Group g1 = ctx.groups().get(1);
        assertThat(g1.name()).isEqualTo("夜话会1群");
        assertThat(g1.tags()).containsExactlyInAnyOrder("VIP", "夜话");
        assertThat(g1.memberCount()).isEqualTo(321);
        assertThat(ctx.groups().get(2).parentId()).isEqualTo(1L);
        assertThat(ctx.groups().history(1)).hasSizeGreaterThanOrEqualTo(2);
        if (last >= 1) {
            FlashGroup f = ctx.flash().get(3);
            assertThat(f.lifecycle().state()).isEqualTo(FlashState.EXTENDED);
            assertThat(f.campaignId()).isEqualTo(1L);
            assertThat(ctx.flash().reminders(3)).hasSize(2);
        }
        if (last >= 2) {
            assertThat(ctx.ledger().events(1L, Instant.ofEpochMilli(0), Instant.ofEpochMilli(T0 + 48 * HOUR)))
                    .extracting(e -> e.title()).containsExactly("满30减10券");
            assertThat(ctx.groups().isBroadcast(2)).isTrue();
        }
        if (last >= 3) {
            List<ImportLogRepository.ImportRun> runs = ctx.chatImports().history(10);
            assertThat(runs).extracting(ImportLogRepository.ImportRun::fileName)
                    .containsExactlyInAnyOrder("夜话会1群.csv", "get.json");
            assertThat(ctx.chatImports().historyOf(1)).hasSize(1);
        }
    }

    /** A new migration must come with a step here, so its data is upgraded by the next migration too. */
    @Test
    void everyMigrationHasAStep() throws IOException, URISyntaxException {
        Path migrations = Path.of(getClass().getClassLoader().getResource("db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.*\\.sql");
        TreeSet<Integer> versions = new TreeSet<>();
        try (Stream<Path> files = Files.list(migrations)) {
            files.forEach(f -> {
                Matcher m = name.matcher(f.getFileName().toString());
                if (m.matches()) {
                    versions.add(Integer.parseInt(m.group(1)));
                }
            });
        }
        assertThat(STEPS.stream().map(s -> Integer.parseInt(s.version())).toList())
                .as("one Step per migration in db/migration, in order: add a Step for each new Vn")
                .containsExactlyElementsOf(versions);
    }

    private List<String> freshTables() throws SQLException {
        Database fresh = Database.open(dir.resolve("fresh.qundesk"));
        try (Connection c = fresh.connect(); Statement s = c.createStatement()) {
            return tables(s);
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static String scalar(SQLiteDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return rows(s, sql).getFirst();
        }
    }

    private static List<String> tables(Statement s) throws SQLException {
        return rows(s, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        b.append('|');
                    }
                    b.append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
