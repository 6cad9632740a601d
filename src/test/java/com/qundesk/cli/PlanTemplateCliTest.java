package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code qundesk plan template add|list|apply|remove} through the real command line, on a real workspace. */
@BothDatabases
class PlanTemplateCliTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRunner.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void addListApplyOnceAndRemove() throws Exception {
        CliRunner cli = CliRunner.on(dialect, dir);
        Path sheet = Files.writeString(dir.resolve("groups.csv"), """
                name,purpose,tags
                团购一群,shopping,北区
                团购二群,shopping,
                粉丝群,fan,北区
                """);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
        CliRunner.Result imported = cli.run("groups", "import", sheet.toString(), "--workspace", cli.ws);
        assertThat(imported.code()).as(imported.err() + imported.out()).isZero();

        JsonNode t = json(cli.run("plan", "template", "add", "--name", "团购节奏", "--purpose", "shopping",
                "--item", "benefits|20:00|周三福利|FREQ=WEEKLY;BYDAY=WE|「{group}」本周福利：",
                "--item", "案例|9:30|买家秀", "--workspace", cli.ws));
        assertThat(t.get("id").asLong()).isPositive();
        assertThat(t.get("purpose").asText()).isEqualTo("shopping");
        assertThat(t.get("items")).hasSize(2);
        assertThat(t.get("items").get(0).get("time").asText()).isEqualTo("09:30");
        assertThat(t.get("items").get(0).get("dimension").asText()).isEqualTo("cases");
        assertThat(t.get("items").get(1).get("rrule").asText()).isEqualTo("FREQ=WEEKLY;BYDAY=WE");
        assertThat(t.get("items").get(1).get("text").asText()).isEqualTo("「{group}」本周福利：");

        JsonNode list = json(cli.run("plan", "template", "list", "--format", "json", "--workspace", cli.ws));
        assertThat(list).hasSize(1);
        assertThat(cli.run("plan", "template", "list", "--workspace", cli.ws).out())
                .contains("团购节奏", "For groups of purpose “Shopping / good things”", "FREQ=WEEKLY;BYDAY=WE", "once", "1 template(s)");

        JsonNode dry = json(cli.run("plan", "template", "apply", "团购节奏", "--dry-run", "--format", "json",
                "--workspace", cli.ws));
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("groupsAdded").asInt()).isEqualTo(2);
        assertThat(dry.get("itemsCreated").asInt()).isEqualTo(4);
        assertThat(json(cli.run("plan", "list", "--format", "json", "--workspace", cli.ws))).isEmpty();

        JsonNode applied = json(cli.run("plan", "template", "apply", String.valueOf(t.get("id").asLong()),
                "--format", "json", "--workspace", cli.ws));
        assertThat(applied.get("groupsAdded").asInt()).isEqualTo(2);
        assertThat(applied.get("groupsAlreadyHad").asInt()).isZero();
        assertThat(applied.get("added").findValuesAsText("groupName")).containsExactlyInAnyOrder("团购一群", "团购二群");
        JsonNode items = json(cli.run("plan", "list", "--format", "json", "--workspace", cli.ws));
        assertThat(items).hasSize(4);
        assertThat(items.findValuesAsText("source")).containsOnly("template");

        JsonNode again = json(cli.run("plan", "template", "apply", "团购节奏", "--workspace", cli.ws));
        assertThat(again.get("groupsAdded").asInt()).isZero();
        assertThat(again.get("groupsAlreadyHad").asInt()).isEqualTo(2);
        assertThat(cli.run("plan", "template", "apply", "团购节奏", "--format", "table", "--workspace", cli.ws).out())
                .contains("Applied. Groups given the plan: 0; groups that already had it: 2; plan items created: 0.");

        JsonNode removed = json(cli.run("plan", "template", "remove", "团购节奏", "--workspace", cli.ws));
        assertThat(removed.get("name").asText()).isEqualTo("团购节奏");
        assertThat(json(cli.run("plan", "template", "list", "--format", "json", "--workspace", cli.ws))).isEmpty();
        assertThat(json(cli.run("plan", "list", "--format", "json", "--workspace", cli.ws))).hasSize(4);
    }

    @Test
    void mistakesAreExplainedNamingTheFieldAndChangeNothing() throws Exception {
        CliRunner cli = CliRunner.on(dialect, dir);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();

        CliRunner.Result noTarget = cli.run("plan", "template", "add", "--name", "节奏", "--item",
                "benefits|20:00|福利", "--workspace", cli.ws);
        assertThat(noTarget.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(noTarget.err()).contains("a purpose, a tag, or both");

        CliRunner.Result badTime = cli.run("plan", "template", "add", "--name", "节奏", "--tag", "北区", "--item",
                "benefits|25:00|福利", "--workspace", cli.ws);
        assertThat(badTime.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(badTime.err()).contains("Item 1", "25:00", "HH:MM");

        CliRunner.Result badShape = cli.run("plan", "template", "add", "--name", "节奏", "--tag", "北区", "--item",
                "benefits 20:00 福利", "--workspace", cli.ws);
        assertThat(badShape.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(badShape.err()).contains("--item 1", "DIM|HH:MM|TITLE[|RRULE][|TEXT]");

        CliRunner.Result badRule = cli.run("plan", "template", "add", "--name", "节奏", "--tag", "北区", "--item",
                "benefits|20:00|福利|EVERY MONDAY", "--workspace", cli.ws);
        assertThat(badRule.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(badRule.err()).contains("Item 1", "EVERY MONDAY");

        CliRunner.Result badPurpose = cli.run("plan", "template", "add", "--name", "节奏", "--purpose", "nonsense",
                "--item", "benefits|20:00|福利", "--workspace", cli.ws);
        assertThat(badPurpose.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(badPurpose.err()).contains("nonsense");

        assertThat(cli.run("plan", "template", "add", "--name", "节奏", "--tag", "北区", "--workspace", cli.ws)
                .code()).as("--item is required").isEqualTo(QunDeskCli.USAGE);

        CliRunner.Result unknown = cli.run("plan", "template", "apply", "没有的模板", "--workspace", cli.ws);
        assertThat(unknown.code()).isEqualTo(QunDeskCli.FAILED);
        assertThat(unknown.err()).contains("There is no plan template “没有的模板”");
        assertThat(json(cli.run("plan", "template", "list", "--format", "json", "--workspace", cli.ws))).isEmpty();
    }
}
