package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.value.GroupHealth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it, on real workspace files. */
@BothDatabases
class CliTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CliRunner cli;
    private AppPaths paths;
    private MutableClock clock;
    private String ws;

    @BeforeEach
    void setUp() {
        cli = CliRunner.on(dialect, dir);
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
        // the first-run dialog (both languages) and the README promise the number the demo makes
        for (java.util.Locale l : List.of(com.qundesk.i18n.Messages.ENGLISH, com.qundesk.i18n.Messages.CHINESE)) {
            assertThat(new com.qundesk.i18n.Messages(l).get("firstRun.text")).contains(" " + arr.size() + " ");
        }
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
                .contains("**demo workspace** (" + arr.size() + " groups,");
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
        run("init", "--workspace", ws);
        Path ok = dir.resolve("ok.csv");
        Files.writeString(ok, "name,platform\nA,wechat\n");
        assertThat(run("groups", "import", ok.toString(), "--purpose", "service", "--workspace", ws).code()).isZero();
        Path partly = dir.resolve("partly.csv");
        Files.writeString(partly, "name,memberCount\nB,10\nC,lots\n");
        CliRunner.Result r = run("groups", "import", partly.toString(), "--purpose", "service", "--workspace", ws);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("partly.csv, row 3");
        CliRunner.Result missing = run("groups", "import", dir.resolve("missing.csv").toString(), "--workspace", ws);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
    }

    /** A sheet without a purpose column must not make every group an event group: --purpose says what they are. */
    @Test
    void groupsImportAsksForThePurposeOfASheetWithoutOne() throws Exception {
        Path sheet = dir.resolve("registry.csv");
        Files.writeString(sheet, "群名称,群人数,建群时间\n老客户群,420,2024-05-20\n");
        run("init", "--workspace", ws);
        CliRunner.Result none = run("groups", "import", sheet.toString(), "--workspace", ws);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no purpose column").contains("--purpose").contains("shopping 好物/购物")
                .contains("event 活动");
        CliRunner.Result wrong = run("groups", "import", sheet.toString(), "--purpose", "party", "--workspace", ws);
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("\u201Cparty\u201D is not a purpose").contains("service 客户服务");

        CliRunner.Result ok = run("groups", "import", sheet.toString(), "--purpose", "客服", "--workspace", ws);
        assertThat(ok.code()).as(ok.err()).isZero();
        CliRunner.Result list = run("groups", "list", "--format", "csv", "--workspace", ws);
        assertThat(list.out()).contains("老客户群").contains("service");
    }

    @Test
    void groupsExportWritesAFileThatImportsBack() {
        run("demo", "--workspace", ws);
        Path out = dir.resolve("out.xlsx");
        assertThat(run("groups", "export", out.toString(), "--workspace", ws).code()).isZero();
        String other = dir.resolve("other.qundesk").toString();
        assertThat(run("init", "--workspace", other).code()).isZero();
        assertThat(run("groups", "import", out.toString(), "--workspace", other).code()).isZero();
    }

    @Test
    void campaignsAddAcceptsTokensAndChineseNamesAndRefusesUnknownTypes() throws Exception {
        run("init", "--workspace", ws);
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
        run("init", "--workspace", ws);
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
    void healthAndReportOnTheDemoSayWhatTheServicesCompute() throws Exception {
        run("demo", "--workspace", ws);
        CliRunner.Result h = run("health", "--format", "json", "--workspace", ws);
        assertThat(h.code()).isZero();
        JsonNode arr = new ObjectMapper().readTree(h.out());
        CliRunner.Result later = run("health", "--at", "2026-12-20", "--format", "json", "--workspace", ws);
        assertThat(later.code()).isZero();
        Path pdf = dir.resolve("r.pdf");
        assertThat(run("report", "--out", pdf.toString(), "--workspace", ws).code()).isZero();

        try (AppContext ctx = AppContext.open(paths, new UserPrefs(paths.prefsFile()),
                com.qundesk.db.WorkspaceLocation.of(ws), clock)) {
            LocalDate today = ctx.health().today();
            assertJudged(arr, ctx.health().evaluate(today, 30));
            assertJudged(new ObjectMapper().readTree(later.out()),
                    ctx.health().evaluate(LocalDate.of(2026, 12, 20), 30));
            Portfolio p = ctx.dashboard().portfolio(today, 30);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains(Math.round(p.deliveredShare() * 100) + "% of active groups delivered value ("
                        + p.deliveredGroups() + " of " + p.liveGroups() + ") in the last 30 days.");
                java.util.function.Function<com.qundesk.value.Recommendation, Long> n = r -> p.recommendations()
                        .stream().filter(g -> g.recommendation() == r).count();
                assertThat(text).contains((p.liveGroups() - n.apply(com.qundesk.value.Recommendation.KEEP))
                        + " groups need action: dissolve " + n.apply(com.qundesk.value.Recommendation.DISSOLVE)
                        + ", split " + n.apply(com.qundesk.value.Recommendation.SPLIT)
                        + ", re-form " + n.apply(com.qundesk.value.Recommendation.RE_FORM)
                        + ", convert to flash " + n.apply(com.qundesk.value.Recommendation.CONVERT_TO_FLASH)
                        + ", improve " + n.apply(com.qundesk.value.Recommendation.IMPROVE) + ".");
            }
        }
        Set<String> recs = new HashSet<>();
        arr.forEach(g -> recs.add(g.get("recommendation").asText()));
        assertThat(recs).contains("keep", "split", "dissolve", "re-form", "convert-to-flash");
    }

    /** Every group of the JSON, in order, has the service's index, terms, rules and recommendation. */
    private static void assertJudged(JsonNode arr, List<GroupHealth> service) {
        assertThat(arr.size()).isEqualTo(service.size());
        for (int i = 0; i < service.size(); i++) {
            GroupHealth g = service.get(i);
            JsonNode j = arr.get(i);
            String who = g.group().name();
            assertThat(j.get("groupId").asLong()).as(who).isEqualTo(g.group().id());
            assertThat(j.get("valueIndex").asDouble()).as(who).isEqualTo(g.index().value());
            g.index().terms().forEach((k, v) -> assertThat(j.get("terms").get(k).asDouble()).as(who + " " + k)
                    .isEqualTo(v));
            assertThat(j.get("terms").size()).as(who).isEqualTo(g.index().terms().size());
            List<String> rules = new java.util.ArrayList<>();
            j.get("rules").forEach(r -> rules.add(r.get("rule").asText()));
            assertThat(rules).as(who).containsExactlyElementsOf(g.findings().stream().map(f -> f.rule().token())
                    .toList());
            assertThat(j.get("recommendation").asText()).as(who).isEqualTo(g.recommendation().token());
            assertThat(j.get("reasons").size()).as(who).isEqualTo(g.reasons().size());
        }
    }
}
