package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scripts rely on, on a workspace file and on a team workspace: usage errors apart from "partly done", no output
 * file replaced without --force, unknown ids named, the JSON lists' fields ({@code CliWorkspaceFileTest}: what is
 * about the workspace file itself).
 */
@BothDatabases
class CliContractTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CliRunner cli;
    private String ws;

    @BeforeEach
    void setUp() {
        cli = CliRunner.on(dialect, dir);
        ws = cli.ws;
    }

    @Test
    void usageErrorsExitSixtyFourNotTheTwoOfPartlyDone() {
        cli.run("init", "--workspace", ws);
        assertThat(cli.run("frobnicate", "--workspace", ws).code()).isEqualTo(QunDeskCli.USAGE).isEqualTo(64);
        assertThat(cli.run("groups", "list", "--colour", "--workspace", ws).code()).isEqualTo(64);
        assertThat(cli.run("flash", "dissolve", "--workspace", ws).code()).isEqualTo(64);
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForceAndOutputsAreOwnerOnly() throws IOException {
        cli.run("demo", "--workspace", ws);
        Path pdf = Files.writeString(dir.resolve("kept.pdf"), "my own file");
        CliRunner.Result refused = cli.run("report", "--out", pdf.toString(), "--workspace", ws);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists. Add --force");
        assertThat(Files.readString(pdf)).isEqualTo("my own file");

        CliRunner.Result forced = cli.run("report", "--out", pdf.toString(), "--force", "--workspace", ws);
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());

        Path csv = dir.resolve("groups.csv");
        assertThat(cli.run("groups", "export", csv.toString(), "--workspace", ws).code()).isZero();
        assertThat(cli.run("groups", "export", csv.toString(), "--workspace", ws).code()).isEqualTo(1);
        for (Path p : new Path[] {pdf, csv}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anIdThatDoesNotExistIsSaidSoAndIdsHaveNoThousandsSeparators() {
        cli.run("init", "--workspace", ws);
        CliRunner.Result dissolve = cli.run("flash", "dissolve", "99999", "--workspace", ws);
        assertThat(dissolve.code()).isEqualTo(1);
        assertThat(dissolve.err()).contains("Group #99999 does not exist").doesNotContain("99,999")
                .doesNotContain("not a flash group");
        CliRunner.Result extend = cli.run("flash", "extend", "123456", "--to", "2026-12-01T20:00", "--reason", "r",
                "--workspace", ws);
        assertThat(extend.err()).contains("#123456 ").doesNotContain("123,456");
        CliRunner.Result undo = cli.run("import", "undo", "12345", "--workspace", ws);
        assertThat(undo.code()).isEqualTo(1);
        assertThat(undo.err()).contains("#12345").doesNotContain("12,345");
    }

    @Test
    void campaignTypesListTheChineseNamesAndAcceptTheUsualSynonyms() throws IOException {
        cli.run("init", "--workspace", ws);
        CliRunner.Result refused = cli.run("campaigns", "add", "--name", "X", "--type", "木有", "--start",
                "2026-11-28T20:00", "--end", "2026-11-28T22:00", "--workspace", ws);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("night-talk 夜话会").contains("training 线上培训").contains("voyage 航海")
                .contains("habit-camp 微习惯训练营").contains("other 其他");
        String[][] synonyms = {{"训练营", "training"}, {"航海", "voyage"}, {"快闪", "resource-flash"},
                {"打卡营", "habit-camp"}, {"online training", "training"}, {"团购", "goods-flash"}};
        for (String[] s : synonyms) {
            CliRunner.Result r = cli.run("campaigns", "add", "--name", s[0], "--type", s[0], "--start",
                    "2026-11-28T20:00", "--end", "2026-11-28T22:00", "--workspace", ws);
            assertThat(r.code()).as(s[0] + ": " + r.err()).isZero();
        }
        JsonNode list = new ObjectMapper().readTree(cli.run("campaigns", "list", "--format", "json", "--workspace",
                ws).out());
        Map<String, String> typeOf = new HashMap<>();
        list.forEach(k -> typeOf.put(k.get("name").asText(), k.get("type").asText()));
        for (String[] s : synonyms) {
            assertThat(typeOf).containsEntry(s[0], s[1]);
        }
    }

    @Test
    void jsonListsGiveEachGroupsAndCampaignsVersionAndAssignee() throws IOException {
        assertThat(cli.run("demo", "--workspace", ws).code()).isZero();
        JsonNode groups = new ObjectMapper().readTree(cli.run("groups", "list", "--format", "json", "--workspace", ws)
                .out());
        assertThat(groups).isNotEmpty().allSatisfy(g -> {
            assertThat(g.get("version").asLong()).isPositive();
            assertThat(g.has("assignee")).isTrue();
        });
        JsonNode campaigns = new ObjectMapper().readTree(cli.run("campaigns", "list", "--format", "json",
                "--workspace", ws).out());
        assertThat(campaigns).isNotEmpty().allSatisfy(k -> {
            assertThat(k.get("version").asLong()).isPositive();
            assertThat(k.has("assignee")).isTrue();
        });
    }

    @Test
    void theGroupsTableLinesUpChineseAndEnglishNamesByDisplayWidth() throws IOException {
        cli.run("init", "--workspace", ws);
        Path csv = Files.writeString(dir.resolve("g.csv"), "name,platform,owner,members,capacity\n"
                + "Night talk 1,wechat,Lin,12,500\n夜话会1群,wechat,林小姐,480,500\n好物快闪团·第3期🎁,wecom,王,5,200\n"
                + "一个名字特别特别特别特别特别特别特别长的社群,wechat,,1,500\n");
        assertThat(cli.run("groups", "import", csv.toString(), "--purpose", "industry", "--workspace", ws).code()).isZero();
        List<String> rows = cli.run("groups", "list", "--workspace", ws).out().lines().filter(l -> l.contains("/"))
                .toList();
        assertThat(rows).hasSize(4);
        Set<Integer> membersColumn = new HashSet<>();
        for (String row : rows) {
            membersColumn.add(DisplayWidth.of(row.substring(0, row.indexOf('/'))));
        }
        assertThat(membersColumn).as(String.join("\n", rows)).hasSize(1);
    }
}
