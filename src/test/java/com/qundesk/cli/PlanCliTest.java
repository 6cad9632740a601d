package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's command-line contract end to end: add, list, due, deliver (once), skip, health's plan block. */
@BothDatabases
class PlanCliTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(CliRunner.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<JsonNode> deliveriesOf(JsonNode due, long planItemId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : due) {
            if ("delivery".equals(n.path("kind").asText()) && n.path("planItemId").asLong() == planItemId) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void planAddListDueDeliverSkipAndHealth() throws Exception {
        CliRunner cli = CliRunner.on(dialect, dir);
        String ws = cli.ws;
        assertThat(cli.run("demo", "--workspace", ws).code()).isZero();
        // a group the demo gave no plan (the demo plans some groups with a history)
        java.util.Set<Long> unplanned = new java.util.HashSet<>();
        for (JsonNode h : json(cli.run("health", "--format", "json", "--workspace", ws))) {
            if (h.get("plan").get("dimensionsNeverPlanned").size() == 6) {
                unplanned.add(h.get("groupId").asLong());
            }
        }
        JsonNode found = null;
        for (JsonNode g : json(cli.run("groups", "list", "--format", "json", "--workspace", ws))) {
            if (!g.path("externalId").isNull() && "active".equals(g.path("status").asText())
                    && "long-term".equals(g.path("kind").asText()) && unplanned.contains(g.get("id").asLong())) {
                found = g;
                break;
            }
        }
        assertThat(found).isNotNull();
        JsonNode group = found;
        long groupId = group.get("id").asLong();

        JsonNode weekly = json(cli.run("plan", "add", "--group", group.get("externalId").asText(), "--dimension", "资源",
                "--title", "每周资料包", "--rrule", "FREQ=WEEKLY;BYDAY=TU", "--start", "2026-11-24T10:30", "--reach", "50",
                "--workspace", ws));
        assertThat(weekly.get("id").asLong()).isPositive();
        assertThat(weekly.get("groupId").asLong()).isEqualTo(groupId);
        assertThat(weekly.get("dimension").asText()).isEqualTo("resources");
        assertThat(weekly.get("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        JsonNode once = json(cli.run("plan", "add", "--group", Long.toString(groupId), "--dimension", "connections",
                "--title", "新人介绍", "--template", "新人欢迎语", "--at", "2026-11-24T20:00", "--workspace", ws));
        assertThat(once.get("text").asText()).contains("欢迎新朋友加入「{group}」");

        JsonNode list = json(cli.run("plan", "list", "--group", Long.toString(groupId), "--format", "json",
                "--workspace", ws));
        assertThat(list.findValues("id")).extracting(JsonNode::asLong)
                .contains(weekly.get("id").asLong(), once.get("id").asLong());

        // 2026-11-24T02:00Z is 10:00 in Shanghai: the 10:30 delivery is due, the 20:00 one upcoming
        JsonNode due = json(cli.run("due", "--at", "2026-11-24T02:00:00Z", "--within", "24", "--format", "json",
                "--workspace", ws));
        JsonNode d = deliveriesOf(due, weekly.get("id").asLong()).getFirst();
        assertThat(d.get("state").asText()).isEqualTo("due");
        assertThat(d.get("occurrence").asText()).isEqualTo("2026-11-24T02:30:00Z");
        assertThat(d.get("groupId").asLong()).isEqualTo(groupId);
        assertThat(d.get("dimension").asText()).isEqualTo("resources");
        assertThat(d.get("title").asText()).isEqualTo("每周资料包");
        assertThat(deliveriesOf(due, once.get("id").asLong())).singleElement()
                .satisfies(n -> assertThat(n.get("state").asText()).isEqualTo("upcoming"))
                .satisfies(n -> assertThat(n.get("text").asText()).contains(group.get("name").asText()));

        // the table a person reads is in their language throughout, its columns aligned by display width
        new com.qundesk.core.UserPrefs(cli.paths.prefsFile()).put(com.qundesk.core.UserPrefs.LANGUAGE, "zh");
        String table = cli.run("due", "--at", "2026-11-24T02:00:00Z", "--within", "24", "--workspace", ws).out();
        assertThat(table).contains("（计划项 " + weekly.get("id").asText() + "）").doesNotContain("(plan ");
        assertThat(table.lines().filter(l -> l.contains("2026-11-2"))
                .map(l -> DisplayWidth.of(l.substring(0, l.indexOf("2026-11-2")))).distinct().toList())
                .as("the time column starts at one display column on every line").hasSize(1);
        new com.qundesk.core.UserPrefs(cli.paths.prefsFile()).put(com.qundesk.core.UserPrefs.LANGUAGE, "en");

        JsonNode delivered = json(cli.run("plan", "deliver", weekly.get("id").asText(), "--occurrence",
                "2026-11-24T02:30:00Z", "--workspace", ws));
        assertThat(delivered.get("state").asText()).isEqualTo("delivered");
        JsonNode again = json(cli.run("plan", "deliver", weekly.get("id").asText(), "--occurrence",
                "2026-11-24T10:30", "--reach", "3", "--workspace", ws));
        assertThat(again.get("valueEventId").asLong()).isEqualTo(delivered.get("valueEventId").asLong());
        JsonNode skipped = json(cli.run("plan", "skip", once.get("id").asText(), "--occurrence", "2026-11-24T20:00",
                "--reason", "群主请假", "--workspace", ws));
        assertThat(skipped.get("state").asText()).isEqualTo("skipped");
        assertThat(skipped.get("reason").asText()).isEqualTo("群主请假");
        assertThat(deliveriesOf(json(cli.run("due", "--at", "2026-11-24T02:00:00Z", "--within", "24", "--format",
                "json", "--workspace", ws)), weekly.get("id").asLong())).isEmpty();

        JsonNode plan = null;
        for (JsonNode h : json(cli.run("health", "--format", "json", "--window", "7", "--workspace", ws))) {
            if (h.get("groupId").asLong() == groupId) {
                plan = h.get("plan");
            }
        }
        assertThat(plan).isNotNull();
        assertThat(plan.get("delivered").asInt()).isEqualTo(1);
        assertThat(plan.get("skipped").asInt()).isEqualTo(1);
        assertThat(plan.get("planned").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(plan.get("dimensionsNeverPlanned").findValuesAsText("x")).isEmpty();
        assertThat(plan.get("dimensionsNeverPlanned").toString()).doesNotContain("resources", "connections");
        assertThat(plan.get("pushingSigns").isArray()).isTrue();
    }

    @Test
    void mistakesAreNamedInAWord() {
        CliRunner cli = CliRunner.on(dialect, dir);
        cli.run("demo", "--workspace", cli.ws);
        CliRunner.Result both = cli.run("plan", "add", "--group", "1", "--dimension", "benefits", "--title", "x",
                "--at", "2026-11-24T20:00", "--rrule", "FREQ=DAILY", "--workspace", cli.ws);
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.err()).contains("either --at (once) or --rrule");
        CliRunner.Result rule = cli.run("plan", "add", "--group", "1", "--dimension", "benefits", "--title", "x",
                "--rrule", "every monday", "--workspace", cli.ws);
        assertThat(rule.err()).contains("is not a recurrence rule");
        CliRunner.Result group = cli.run("plan", "add", "--group", "no-such-group", "--dimension", "benefits",
                "--title", "x", "--at", "2026-11-24T20:00", "--workspace", cli.ws);
        assertThat(group.err()).contains("no-such-group");
        CliRunner.Result notPlanned = cli.run("plan", "deliver", "999999", "--occurrence", "2026-11-24T20:00",
                "--workspace", cli.ws);
        assertThat(notPlanned.code()).isEqualTo(1);
        assertThat(notPlanned.err()).contains("no plan item 999999");
    }
}
