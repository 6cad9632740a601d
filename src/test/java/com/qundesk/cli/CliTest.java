package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.app.AppPaths;
import com.qundesk.app.MutableClock;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it, on real workspace files. */
class CliTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private AppPaths paths;
    private MutableClock clock;
    private String ws;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
        paths = cli.paths;
        clock = cli.clock;
        ws = cli.ws;
    }

    CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void demoThenGroupsListAsJsonWithTheDocumentedFields() throws Exception {
        assertThat(run("demo", "--workspace", ws).code()).isZero();
        CliRunner.Result r = run("groups", "list", "--format", "json", "--workspace", ws);
        assertThat(r.code()).isZero();
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr.size()).isBetween(30, 45);
        Set<String> platforms = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode g : arr) {
            for (String f : List.of("id", "platform", "externalId", "name", "purpose", "kind", "owner", "memberCount",
                    "capacity", "status", "parentId", "tags")) {
                assertThat(g.has(f)).as(f).isTrue();
            }
            platforms.add(g.get("platform").asText());
            kinds.add(g.get("kind").asText());
        }
        assertThat(platforms).containsExactlyInAnyOrder("wechat", "wecom");
        assertThat(kinds).containsExactlyInAnyOrder("long-term", "flash");
    }

    @Test
    void workspaceMayStandBeforeTheSubcommandAndCsvHasAHeader() {
        run("demo", "--workspace", ws);
        CliRunner.Result r = run("--workspace", ws, "groups", "list", "--format", "csv");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("id,platform,externalId,name");
    }

    @Test
    void demoRefusesAWorkspaceThatAlreadyHasGroups() {
        run("demo", "--workspace", ws);
        CliRunner.Result r = run("demo", "--workspace", ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("already has groups");
    }

    @Test
    void aFileThatIsNotAWorkspaceGivesOneLineAndNoStackTrace() throws Exception {
        Path bogus = dir.resolve("bogus.qundesk");
        Files.writeString(bogus, "not sqlite at all, just a text file that happens to have the extension");
        CliRunner.Result r = run("groups", "list", "--workspace", bogus.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
        assertThat(r.err()).contains("Cannot open the workspace").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void groupsImportExitCodesAreZeroTwoAndOne() throws Exception {
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "name,platform\nA,wechat\n");
        assertThat(run("groups", "import", ok.toString(), "--workspace", ws).code()).isZero();
        Path partly = dir.resolve("partly.csv");
        Files.writeString(partly, "name,memberCount\nB,10\nC,lots\n");
        CliRunner.Result r = run("groups", "import", partly.toString(), "--workspace", ws);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("partly.csv, row 3");
        CliRunner.Result missing = run("groups", "import", dir.resolve("missing.csv").toString(), "--workspace", ws);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void groupsExportWritesAFileThatImportsBack() {
        run("demo", "--workspace", ws);
        Path out = dir.resolve("out.xlsx");
        assertThat(run("groups", "export", out.toString(), "--workspace", ws).code()).isZero();
        String other = dir.resolve("other.qundesk").toString();
        assertThat(run("groups", "import", out.toString(), "--workspace", other).code()).isZero();
    }

    @Test
    void campaignsAddAcceptsTokensAndChineseNamesAndRefusesUnknownTypes() throws Exception {
        CliRunner.Result a = run("campaigns", "add", "--name", "夜话会第13期", "--type", "night-talk", "--start",
                "2026-11-28T20:00", "--end", "2026-11-28T22:00", "--workspace", ws);
        assertThat(a.code()).isZero();
        assertThat(a.out().strip()).isEqualTo("1");
        assertThat(run("campaigns", "add", "--name", "x", "--type", "夜话会", "--start", "2026-11-28", "--end",
                "2026-11-29", "--workspace", ws).out().strip()).isEqualTo("2");
        CliRunner.Result bad = run("campaigns", "add", "--name", "x", "--type", "party", "--start", "2026-11-28", "--end",
                "2026-11-29", "--workspace", ws);
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("Unknown campaign type").doesNotContain("Exception");
        JsonNode list = new ObjectMapper().readTree(run("campaigns", "list", "--format", "json", "--workspace", ws)
                .out());
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void flashCreateDueDissolveAndExtend() throws Exception {
        run("campaigns", "add", "--name", "Night talk", "--type", "night-talk", "--start", "2026-11-28T20:00",
                "--end", "2026-11-28T22:00", "--workspace", ws);
        CliRunner.Result created = run("flash", "create", "--preset", "activity", "--campaign", "1", "--count", "3",
                "--name-pattern", "夜话会第{n}期-{k}群", "--period", "13", "--workspace", ws);
        assertThat(created.code()).isZero();
        JsonNode groups = new ObjectMapper().readTree(created.out());
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).get("name").asText()).isEqualTo("夜话会第13期-1群");
        // campaign ends 2026-11-28 22:00 Shanghai = 14:00Z; due 3 days later
        assertThat(groups.get(0).get("dueAt").asText()).isEqualTo("2026-12-01T14:00:00Z");

        JsonNode before = flashItems(run("due", "--at", "2026-11-30T15:00:00Z", "--format", "json",
                "--workspace", ws).out());
        // 24 h reminders overdue, 1 h reminders and the dissolutions upcoming, for each of the 3 groups
        assertThat(before).hasSize(9);
        // beside them, the deliveries of the plan the activity preset gave each group (the welcome at opening …)
        assertThat(new ObjectMapper().readTree(run("due", "--at", "2026-11-30T15:00:00Z", "--format", "json",
                "--workspace", ws).out()).findValuesAsText("kind")).contains("delivery");
        assertThat(before.get(0).get("kind").asText()).isEqualTo("reminder");
        assertThat(before.get(0).get("state").asText()).isEqualTo("overdue");
        assertThat(before.get(3).get("kind").asText()).isEqualTo("reminder");
        assertThat(before.get(3).get("state").asText()).isEqualTo("upcoming");
        assertThat(before.get(6).get("kind").asText()).isEqualTo("dissolution");
        assertThat(before.get(6).get("state").asText()).isEqualTo("upcoming");
        JsonNode after = flashItems(run("due", "--at", "2026-12-01T15:00:00Z", "--within", "1",
                "--format", "json", "--workspace", ws).out());
        assertThat(after).hasSize(3).allSatisfy(i -> {
            assertThat(i.get("kind").asText()).isEqualTo("dissolution");
            assertThat(i.get("state").asText()).isEqualTo("overdue");
        });

        CliRunner.Result refused = run("flash", "dissolve", "1", "--workspace", ws);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("--skip-checklist");
        assertThat(run("flash", "dissolve", "1", "--skip-checklist", "--reason", "done", "--workspace", ws).code())
                .isZero();
        CliRunner.Result extended = run("flash", "extend", "2", "--to", "2026-12-05T20:00", "--reason", "replay", "--workspace",
                ws);
        assertThat(extended.code()).isZero();
        assertThat(extended.out()).contains("\"state\" : \"extended\"");
        JsonNode later = flashItems(run("due", "--at", "2026-12-01T15:00:00Z", "--within", "1",
                "--format", "json", "--workspace", ws).out());
        assertThat(later).hasSize(1);
        assertThat(later.get(0).get("groupId").asInt()).isEqualTo(3);
    }

    /** The reminders and dissolutions of a due list (the value plan's deliveries stand beside them). */
    private static JsonNode flashItems(String json) throws Exception {
        var out = new ObjectMapper().createArrayNode();
        for (JsonNode n : new ObjectMapper().readTree(json)) {
            if (!"delivery".equals(n.get("kind").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void healthAndReportOnTheDemo() throws Exception {
        run("demo", "--workspace", ws);
        CliRunner.Result h = run("health", "--format", "json", "--workspace", ws);
        assertThat(h.code()).isZero();
        JsonNode arr = new ObjectMapper().readTree(h.out());
        assertThat(arr.size()).isGreaterThan(20);
        for (JsonNode g : arr) {
            for (String f : List.of("groupId", "externalId", "name", "valueIndex", "terms", "rules", "recommendation",
                    "reasons")) {
                assertThat(g.has(f)).as(f).isTrue();
            }
        }
        Set<String> recs = new HashSet<>();
        arr.forEach(g -> recs.add(g.get("recommendation").asText()));
        assertThat(recs).contains("keep", "split", "dissolve", "re-form", "convert-to-flash");
        Path pdf = dir.resolve("r.pdf");
        assertThat(run("report", "--out", pdf.toString(), "--workspace", ws).code()).isZero();
        assertThat(Files.size(pdf)).isGreaterThan(1000);
    }
}
