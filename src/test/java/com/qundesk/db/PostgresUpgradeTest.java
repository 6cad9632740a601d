package com.qundesk.db;

import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.qundesk.db.Schemas.rows;
import static com.qundesk.db.Schemas.scalar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrades on PostgreSQL, like {@code reliability/UpgradeTest} on SQLite: a team database at V6 with realistic rows
 * (written with explicit ids, as a copied workspace is) is migrated to today's schema; every row is still there,
 * and the value plan's new tables take rows and keep their keys. ({@link MigrationFoldersTest}: both folders are one
 * history.)
 */
class PostgresUpgradeTest {

    private static final long T0 = 1_761_955_200_000L; // 2026-11-01T00:00:00Z
    private static final long HOUR = 3_600_000L;
    private static final long DAY0 = 20_393;

    /** V1–V6 rows: the registry, history, a campaign with a flash group, templates, ledger, stats and an import. */
    private static final List<String> V6_ROWS = List.of(
            "INSERT INTO chat_group (id, platform, external_id, name, purpose, kind, owner, admins, member_count, capacity,"
                    + " ad_policy, ad_fee_yuan, ad_weekday, ad_hour_from, ad_hour_to, created_at, notes, updated_at, broadcast)"
                    + " VALUES (1, 'wechat', '11112222@chatroom', '夜话会1群', 'paid', 'long-term', '小周', '阿强,小美', 321,"
                    + " 500, 'weekly-window', 50, 5, 20, 22, " + T0 + ", '老群', " + (T0 + HOUR) + ", 0)",
            "INSERT INTO chat_group (id, platform, external_id, name, purpose, kind, member_count, capacity, parent_id,"
                    + " status, dissolved_at, dissolution_reason, updated_at, broadcast) VALUES (2, 'wecom', 'wrAbCdEf0123',"
                    + " '售后子群', 'service', 'long-term', 12, 200, 1, 'dissolved', " + T0 + ", '合并到主群', " + T0 + ", 1)",
            "INSERT INTO chat_group (id, platform, name, purpose, kind, member_count, capacity, updated_at) VALUES"
                    + " (3, 'wechat', '双11秒杀快闪群', 'shopping', 'flash', 180, 500, " + T0 + ")",
            "INSERT INTO group_tag (group_id, tag) VALUES (1, 'VIP'), (1, '夜话'), (3, '双11')",
            "INSERT INTO group_history (id, group_id, at, action, field, old_value, new_value, note) VALUES"
                    + " (1, 1, " + T0 + ", 'created', NULL, NULL, NULL, NULL),"
                    + " (2, 1, " + (T0 + HOUR) + ", 'updated', 'member_count', '300', '321', '导入')",
            "INSERT INTO workspace_setting (key, value) VALUES ('zone', 'Asia/Shanghai')",
            "INSERT INTO campaign (id, type, name, starts_at, ends_at, owner, goal_signups, goal_gmv_yuan, created_at,"
                    + " updated_at) VALUES (1, 'goods-flash', '双11秒杀', " + T0 + ", " + (T0 + 72 * HOUR) + ", '小周', 200,"
                    + " 50000, " + T0 + ", " + T0 + ")",
            "INSERT INTO campaign_group (campaign_id, group_id) VALUES (1, 3)",
            "INSERT INTO flash_lifecycle (group_id, preset, state, opens_at, due_at) VALUES (3, 'activity', 'extended', "
                    + T0 + ", " + (T0 + 96 * HOUR) + ")",
            "INSERT INTO flash_checklist (group_id, item, done_at) VALUES (3, 'befriended', " + T0 + ")",
            "INSERT INTO reminder (id, group_id, kind, fire_at, offset_minutes) VALUES (1, 3, 'reminder', "
                    + (T0 + 72 * HOUR) + ", 1440), (2, 3, 'dissolution', " + (T0 + 96 * HOUR) + ", 0)",
            "INSERT INTO template (id, kind, name, language, builtin) VALUES (1, 'rules', '标准群规', 'zh', 1)",
            "INSERT INTO template_version (id, template_id, version, body, created_at) VALUES (1, 1, 1, '不发广告', " + T0 + ")",
            "INSERT INTO group_template (group_id, kind, template_version_id) VALUES (1, 'rules', 1)",
            "INSERT INTO value_event (id, group_id, campaign_id, at, dimension, title, reach, note, created_at) VALUES"
                    + " (1, 1, NULL, " + T0 + ", 'benefits', '满30减10券', 120, NULL, " + T0 + ")",
            "INSERT INTO outcome (id, group_id, campaign_id, day, type, value) VALUES (1, 3, 1, " + DAY0 + ", 'gmv', 12345.5)",
            "INSERT INTO daily_stat (group_id, day, members, joins, leaves, messages, speakers, top3_share, source) VALUES"
                    + " (1, " + DAY0 + ", 321, 4, 1, 230, 41, 0.375, 'import')",
            "INSERT INTO import_run (id, started_at, finished_at, kind, source, file_name, file_size, format, zone,"
                    + " rows_read, imported, rejected, first_at, last_at, warnings) VALUES (1, " + T0 + ", " + T0 + ","
                    + " 'chat', '/exports/夜话会1群.csv', '夜话会1群.csv', 2048, 'wechatmsg', 'Asia/Shanghai', 3, 2, 1,"
                    + " 1762045200, 1762045260, 'import.warn.minuteTimes')",
            "INSERT INTO import_group (import_id, group_id, chat_key, imported) VALUES (1, 1, '11112222@chatroom', 2)",
            "INSERT INTO import_rejection (import_id, seq, line, message_key, args) VALUES (1, 1, 4, 'import.reject.time', '[\"x\"]')",
            "INSERT INTO chat_sender (id, group_id, sender_key, display_name) VALUES (1, 1, 'wxid_a', '阿强')",
            "INSERT INTO chat_message (group_id, at, sender_id, kind, seq, day, flags, joins, import_id) VALUES"
                    + " (1, 1762045200, 1, 0, 0, " + DAY0 + ", 0, 0, 1), (1, 1762045260, 0, 9, 0, " + DAY0 + ", 8, 2, 1)",
            "INSERT INTO chat_day (group_id, day, messages, joins, notices) VALUES (1, " + DAY0 + ", 1, 2, 1)",
            "INSERT INTO chat_day_sender (group_id, day, sender_id, messages) VALUES (1, " + DAY0 + ", 1, 1)",
            "INSERT INTO member_snapshot (id, group_id, taken_at, day, size, members, import_id) VALUES"
                    + " (1, 1, 1762045300, " + DAY0 + ", 2, E'wxid_a\\nwxid_b', 1)",
            "INSERT INTO wecom_member (group_id, userid, type, join_time, join_day, join_scene, inviter, import_id) VALUES"
                    + " (2, 'abel', 1, 1762045200, " + DAY0 + ", 3, 'jack', 1)",
            "INSERT INTO wecom_stat (owner, day, chat_total, msg_total, import_id) VALUES ('zhangsan', " + DAY0 + ", 5, 400, 1)");

    private static PostgresServer.Database pg;
    private static Map<String, List<String>> atV6;
    private static Map<String, List<String>> afterUpgrade;
    private static String versionAfterUpgrade;
    private static Map<String, List<String>> atV6Columns;
    private static List<String> versionsAndActors;

    @BeforeEach
    void aDatabaseAtV6WithRowsUpgradedToToday() throws SQLException {
        if (pg != null) {
            return;
        }
        PostgresServer.Database db = PostgresServer.database(PostgresUpgradeTest.class);
        Schemas.migratePostgres(db, "6");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(scalar(c, "SELECT max(version::int) FROM flyway_schema_history WHERE success")).isEqualTo("6");
            assertThat(SchemaShape.tables(c, true)).doesNotContain("plan_item", "group_invite");
            for (String sql : V6_ROWS) {
                s.executeUpdate(sql);
            }
            Schemas.moveIdentitiesOn(c);
            atV6Columns = columns(c);
            atV6 = everyRow(c, atV6Columns);
        }
        Schemas.migratePostgres(db, "latest");
        try (Connection c = db.connect()) {
            versionAfterUpgrade = scalar(c, "SELECT max(version::int) FROM flyway_schema_history WHERE success");
            afterUpgrade = everyRow(c, atV6Columns);
            versionsAndActors = rows(c, "SELECT 'group ' || version || ' ' || coalesce(assignee, '-') FROM chat_group"
                    + " UNION ALL SELECT 'campaign ' || version || ' ' || coalesce(assignee, '-') FROM campaign"
                    + " UNION ALL SELECT 'history ' || coalesce(actor, '-') || ' ' || coalesce(version::text, '-')"
                    + " FROM group_history");
        }
        pg = db;
    }

    @Test
    void everyRowWrittenAtV6IsThereAfterTheUpgrade() {
        assertThat(atV6.values().stream().mapToInt(List::size).sum()).as("rows written at V6").isGreaterThan(30);
        assertThat(versionAfterUpgrade).isEqualTo(String.valueOf(Database.LATEST_SCHEMA_VERSION));
        atV6.forEach((table, rows) -> assertThat(afterUpgrade.get(table)).as("the rows of %s after the upgrade", table)
                .containsExactlyElementsOf(rows));
        assertThat(afterUpgrade.get("chat_group")).hasSize(3);
        assertThat(afterUpgrade.get("registry_version")).as("the token as V6 left it").isEqualTo(atV6.get("registry_version"));
    }

    @Test
    void rowsFromBeforeV8AreAtVersionOneWithNoAssigneeAndNoActor() {
        assertThat(versionsAndActors).containsExactlyInAnyOrder("group 1 -", "group 1 -", "group 1 -", "campaign 1 -",
                "history - -", "history - -");
    }

    @Test
    void theValuePlansTablesTakeRowsAndKeepTheirKeys() throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO plan_template (name, purpose, created_at) VALUES ('付费群周计划', 'paid', " + T0 + ")");
            s.executeUpdate("INSERT INTO plan_template_item (template_id, dimension, title, rrule, time_of_day)"
                    + " SELECT id, 'information', '每周早报', 'FREQ=WEEKLY;BYDAY=MO', '08:30' FROM plan_template");
            s.executeUpdate("INSERT INTO plan_item (group_id, dimension, title, body, reach, rrule, start_at, zone, source,"
                    + " template_id, created_at) SELECT 1, 'information', '每周早报', '「{group}」早报', 80,"
                    + " 'FREQ=WEEKLY;BYDAY=MO', " + T0 + ", 'Asia/Shanghai', 'template', id, " + T0 + " FROM plan_template");
            s.executeUpdate("INSERT INTO plan_delivery (plan_item_id, occurrence, state, value_event_id, reason, recorded_at)"
                    + " SELECT id, " + T0 + ", 'delivered', 1, NULL, " + T0 + " FROM plan_item");
            s.executeUpdate("INSERT INTO plan_notice (plan_item_id, occurrence, noticed_at) SELECT id, " + T0 + ", " + T0
                    + " FROM plan_item");
            s.executeUpdate("INSERT INTO group_invite (group_id, qr_refreshed_at) VALUES (1, " + T0 + ")");
            // a new group after rows with explicit ids: the identity was moved on, the id is the next one
            s.executeUpdate("INSERT INTO chat_group (platform, name, purpose, kind, capacity, updated_at) VALUES"
                    + " ('wechat', '新群', 'fan', 'long-term', 500, " + T0 + ")");
            assertThat(rows(c, "SELECT id FROM chat_group WHERE name = '新群'")).containsExactly("4");
            assertThat(rows(c, "SELECT group_id, qr_refreshed_at, advertises_qr, recruiting FROM group_invite"))
                    .containsExactly("1|" + T0 + "|1|0");
            assertThat(rows(c, "SELECT state, value_event_id FROM plan_delivery")).containsExactly("delivered|1");

            s.executeUpdate("DELETE FROM value_event WHERE id = 1");
            assertThat(rows(c, "SELECT state, value_event_id FROM plan_delivery")).as("ON DELETE SET NULL")
                    .containsExactly("delivered|null");
            s.executeUpdate("DELETE FROM plan_template");
            assertThat(rows(c, "SELECT source, template_id FROM plan_item")).as("ON DELETE SET NULL")
                    .containsExactly("template|null");
            assertThat(rows(c, "SELECT count(*) FROM plan_template_item")).as("ON DELETE CASCADE").containsExactly("0");
            s.executeUpdate("DELETE FROM plan_item");
            assertThat(rows(c, "SELECT (SELECT count(*) FROM plan_delivery) + (SELECT count(*) FROM plan_notice)"))
                    .as("ON DELETE CASCADE").containsExactly("0");
        }
    }

    /** The columns of every table (the ones a row had at V6 are compared after the upgrade: later ones are new). */
    private static Map<String, List<String>> columns(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : SchemaShape.tables(c, true)) {
            out.put(t, rows(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = '" + t + "' ORDER BY ordinal_position"));
        }
        return out;
    }

    private static Map<String, List<String>> everyRow(Connection c, Map<String, List<String>> columns)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : SchemaShape.tables(c, true)) {
            List<String> cols = columns.get(t);
            out.put(t, rows(c, "SELECT " + (cols == null ? "*" : String.join(", ", cols)) + " FROM " + t
                    + " ORDER BY 1, 2"));
        }
        return out;
    }
}
