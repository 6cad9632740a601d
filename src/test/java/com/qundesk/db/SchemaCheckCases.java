package com.qundesk.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The table of {@link SchemaCheckParityTest}: per table a valid row (column to SQL literal), and bad rows that each
 * change one or two of its values so that exactly one CHECK of the schema refuses them.
 */
final class SchemaCheckCases {

    /** A bad row: the valid row of {@code table} with {@code changes}; the insert must be refused by a CHECK. */
    record Bad(String table, Map<String, String> changes) {
        String insert() {
            return SchemaCheckCases.insert(table, changes);
        }

        @Override
        public String toString() {
            return table + " " + changes;
        }
    }

    static final Map<String, Map<String, String>> VALID = new LinkedHashMap<>();

    static {
        valid("chat_group", "id", "10", "platform", "'wechat'", "name", "'g'", "purpose", "'fan'", "kind", "'long-term'",
                "capacity", "500", "updated_at", "0");
        valid("group_tag", "group_id", "1", "tag", "'VIP'");
        valid("campaign", "id", "10", "type", "'other'", "name", "'c'", "starts_at", "0", "ends_at", "1", "created_at", "0",
                "updated_at", "0");
        valid("flash_lifecycle", "group_id", "2", "preset", "'custom'", "state", "'open'", "opens_at", "0", "due_at", "1");
        valid("flash_checklist", "group_id", "1", "item", "'befriended'", "done_at", "0");
        valid("reminder", "group_id", "1", "kind", "'reminder'", "fire_at", "0", "offset_minutes", "0");
        valid("template", "id", "10", "kind", "'rules'", "name", "'t'", "language", "'zh'");
        valid("template_version", "template_id", "1", "version", "2", "body", "'b'", "created_at", "0");
        valid("value_event", "group_id", "1", "at", "0", "dimension", "'cases'", "title", "'v'", "created_at", "0");
        valid("outcome", "group_id", "1", "day", "0", "type", "'gmv'", "value", "1.5");
        valid("daily_stat", "group_id", "1", "day", "0");
        valid("import_run", "id", "10", "started_at", "0", "finished_at", "0", "kind", "'chat'", "source", "'s'",
                "file_name", "'f'", "file_size", "0", "format", "'x'", "zone", "'UTC'");
        valid("chat_message", "group_id", "1", "at", "0", "sender_id", "0", "kind", "0", "seq", "0", "day", "0",
                "import_id", "1");
        valid("chat_day_sender", "group_id", "1", "day", "0", "sender_id", "0", "messages", "0");
        valid("chat_day", "group_id", "1", "day", "0");
        valid("member_snapshot", "group_id", "1", "taken_at", "0", "day", "0", "size", "0", "members", "''",
                "import_id", "1");
        valid("plan_item", "group_id", "1", "dimension", "'cases'", "title", "'p'", "start_at", "0", "zone", "'UTC'",
                "created_at", "0");
        valid("plan_delivery", "plan_item_id", "1", "occurrence", "0", "state", "'delivered'", "recorded_at", "0");
        valid("plan_template", "id", "10", "name", "'模板'", "created_at", "0");
        valid("plan_template_item", "template_id", "1", "dimension", "'cases'", "title", "'t'", "time_of_day", "'08:30'");
        valid("group_invite", "group_id", "1");
        valid("operator", "login", "'ann'", "display_name", "'Ann'", "updated_at", "0");
        valid("notice_inbox", "id", "10", "group_id", "1", "kind", "'reminder'", "fired_for", "0", "created_at", "5");
    }

    static final List<Bad> BAD = Stream.of(
            bad("chat_group", "platform", "'qq'"), bad("chat_group", "external_id", "''"),
            bad("chat_group", "name", "'   '"), bad("chat_group", "purpose", "'gossip'"),
            bad("chat_group", "kind", "'weekly'"), bad("chat_group", "member_count", "-1"),
            bad("chat_group", "capacity", "0"), bad("chat_group", "ad_policy", "'anything'"),
            bad("chat_group", "ad_fee_yuan", "-1"), bad("chat_group", "ad_weekday", "8"),
            bad("chat_group", "ad_hour_from", "24"), bad("chat_group", "ad_hour_to", "0"),
            bad("chat_group", "status", "'gone'"), bad("chat_group", "parent_id", "10"),
            bad("chat_group", "status", "'dissolved'", "dissolution_reason", "' '"), bad("chat_group", "broadcast", "2"),
            bad("chat_group", "version", "0"), bad("chat_group", "assignee", "' '"),
            bad("group_tag", "tag", "' '"),
            bad("campaign", "type", "'party'"), bad("campaign", "name", "''"),
            bad("campaign", "goal_signups", "-1"), bad("campaign", "goal_conversions", "-1"),
            bad("campaign", "goal_coupons_issued", "-1"), bad("campaign", "goal_coupons_redeemed", "-1"),
            bad("campaign", "goal_gmv_yuan", "-1"), bad("campaign", "ends_at", "-1"),
            bad("campaign", "cancelled_at", "5"),
            bad("campaign", "version", "0"), bad("campaign", "assignee", "''"),
            bad("flash_lifecycle", "preset", "'x'"), bad("flash_lifecycle", "state", "'closed'"),
            bad("flash_lifecycle", "due_at", "-1"), bad("flash_lifecycle", "state", "'dissolved'"),
            bad("flash_checklist", "item", "'cleaned'"),
            bad("reminder", "kind", "'alarm'"), bad("reminder", "offset_minutes", "-1"),
            bad("template", "kind", "'poster'"), bad("template", "name", "' '"), bad("template", "language", "'fr'"),
            bad("template", "builtin", "2"),
            bad("template_version", "version", "0"),
            bad("value_event", "dimension", "'fun'"), bad("value_event", "title", "''"), bad("value_event", "reach", "-1"),
            bad("outcome", "type", "'likes'"), bad("outcome", "value", "-0.5"),
            bad("daily_stat", "members", "-1"), bad("daily_stat", "joins", "-1"), bad("daily_stat", "leaves", "-1"),
            bad("daily_stat", "removals", "-1"), bad("daily_stat", "messages", "-1"), bad("daily_stat", "speakers", "-1"),
            bad("daily_stat", "top3_share", "1.5"), bad("daily_stat", "owner_messages", "-1"),
            bad("daily_stat", "flagged_ads", "-1"), bad("daily_stat", "source", "'guess'"),
            bad("import_run", "kind", "'mail'"), bad("import_run", "file_size", "-1"), bad("import_run", "rows_read", "-1"),
            bad("import_run", "imported", "-1"), bad("import_run", "duplicates", "-1"), bad("import_run", "rejected", "-1"),
            bad("import_run", "skipped", "-1"),
            bad("chat_message", "kind", "16"), bad("chat_message", "seq", "-1"), bad("chat_message", "joins", "-1"),
            bad("chat_message", "removals", "-1"),
            bad("chat_day_sender", "messages", "-1"),
            bad("chat_day", "messages", "-1"), bad("chat_day", "owner_messages", "-1"), bad("chat_day", "joins", "-1"),
            bad("chat_day", "removals", "-1"), bad("chat_day", "flagged_ads", "-1"), bad("chat_day", "notices", "-1"),
            bad("member_snapshot", "size", "-1"),
            new Bad("registry_version", Map.of("id", "2", "token", "0")),
            bad("plan_item", "dimension", "'fun'"), bad("plan_item", "title", "' '"), bad("plan_item", "reach", "-1"),
            bad("plan_item", "rrule", "' '"), bad("plan_item", "source", "'import'"),
            bad("plan_delivery", "state", "'lost'"), bad("plan_delivery", "state", "'skipped'", "reason", "'  '"),
            bad("plan_template", "name", "' '"), bad("plan_template", "purpose", "'gossip'"),
            bad("plan_template_item", "dimension", "'fun'"), bad("plan_template_item", "title", "''"),
            bad("plan_template_item", "reach", "-1"), bad("plan_template_item", "time_of_day", "'8:30'"),
            bad("plan_template_item", "time_of_day", "'08:30:00'"), bad("plan_template_item", "time_of_day", "'x08:30'"),
            bad("plan_template_item", "time_of_day", "'08:60'"),
            bad("group_invite", "advertises_qr", "2"), bad("group_invite", "recruiting", "-1"),
            bad("operator", "login", "' '"), bad("operator", "display_name", "''"), bad("operator", "lead", "2"),
            bad("notice_inbox", "recipient", "' '"), bad("notice_inbox", "kind", "'alarm'"),
            bad("notice_inbox", "overdue", "2"), bad("notice_inbox", "late", "-1"), bad("notice_inbox", "late", "1"), bad("notice_inbox", "shown_at", "4"),
            bad("notice_inbox", "kind", "'delivery'")).toList();

    private SchemaCheckCases() {
    }

    /** The insert of {@code table}'s valid row with {@code changes} applied. */
    static String insert(String table, Map<String, String> changes) {
        Map<String, String> row = new LinkedHashMap<>(VALID.getOrDefault(table, Map.of()));
        row.putAll(changes);
        return "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", row.values()) + ")";
    }

    private static void valid(String table, String... columnsAndValues) {
        VALID.put(table, pairs(columnsAndValues));
    }

    private static Bad bad(String table, String... columnsAndValues) {
        return new Bad(table, pairs(columnsAndValues));
    }

    private static Map<String, String> pairs(String... columnsAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            m.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return m;
    }
}
