package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.db.Dialect;
import com.qundesk.imports.chat.ChatFixtures;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code import chat}, {@code import history|undo} and {@code stats daily} as a user runs them. */
@BothDatabases
class ImportCliTest {

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
        assertThat(cli.run("init", "--workspace", ws).code()).isZero();
    }

    CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    @Test
    void importChatThenStatsDailyAsCsvAndJson() throws Exception {
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ChatFixtures.ROOM, ChatFixtures.week());

        CliRunner.Result unmapped = run("import", "chat", file.toString(), "--workspace", ws);
        assertThat(unmapped.code()).as(unmapped.err()).isEqualTo(2);
        assertThat(unmapped.err()).contains("matches no group").contains("--create-groups");

        CliRunner.Result r = run("import", "chat", file.toString(), "--create-groups", "--workspace", ws);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(wechatmsg)").contains(ChatFixtures.week().size() + " new");

        CliRunner.Result again = run("import", "chat", file.getParent().toString(), "--workspace", ws);
        assertThat(again.code()).as("duplicates are not rejections: " + again.err()).isZero();
        assertThat(again.out()).contains("0 new");

        CliRunner.Result csv = run("stats", "daily", "--workspace", ws, "--format", "csv");
        assertThat(csv.code()).isZero();
        String[] lines = csv.out().strip().split("\\R");
        assertThat(lines[0]).isEqualTo("group,day,messages,speakers,top3_share,joins,removals,leaves,owner_messages,"
                + "flagged_ads");
        assertThat(lines[1]).startsWith(ChatFixtures.ROOM + ",2026-11-02,8,5,0.7500,");
        assertThat(lines).hasSize(1 + 5);

        CliRunner.Result json = run("stats", "daily", "--group", ChatFixtures.ROOM, "--from", "2026-11-03", "--to",
                "2026-11-04", "--format", "json", "--workspace", ws);
        JsonNode arr = new ObjectMapper().readTree(json.out());
        assertThat(arr.size()).isEqualTo(2);
        assertThat(arr.get(0).get("day").asText()).isEqualTo("2026-11-03");
        assertThat(arr.get(0).get("messages").asInt()).isEqualTo(2);
        assertThat(arr.get(0).get("group").asText()).isEqualTo(ChatFixtures.ROOM);
    }

    @Test
    void badFilesExitOneWithAReasonAndNoStackTrace() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.csv"), "a,b\n1,2\n");
        CliRunner.Result r = run("import", "chat", junk.toString(), "--workspace", ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("junk.csv").contains("not a chat export").doesNotContain("Exception");

        CliRunner.Result missing = run("import", "chat", dir.resolve("nope.csv").toString(), "--workspace", ws);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no file");
    }

    @Test
    void historyAndUndo() throws Exception {
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ChatFixtures.ROOM, ChatFixtures.week());
        assertThat(run("import", "chat", file.toString(), "--create-groups", "--workspace", ws).code()).isZero();
        CliRunner.Result h = run("import", "history", "--workspace", ws);
        assertThat(h.out()).contains("夜话会1群.csv").contains("wechatmsg");
        String id = h.out().strip().split("\\s+")[0];

        CliRunner.Result u = run("import", "undo", id, "--workspace", ws);
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(run("stats", "daily", "--workspace", ws).out().strip().split("\\R")).hasSize(1);
        assertThat(run("import", "undo", id, "--workspace", ws).code()).isEqualTo(1);
    }

    /** A groupchat/list names chats it cannot describe: even with --create-groups they stay unknown, and saying
     * "pass --create-groups" to someone who did would send them in circles. */
    @Test
    void aWecomChatThatCannotBeCreatedDoesNotAskForCreateGroups() throws Exception {
        Path list = dir.resolve("pages.jsonl");
        try (var in = getClass().getResourceAsStream("/imports/wecom/pages.jsonl")) {
            Files.copy(in, list);
        }
        CliRunner.Result plain = run("import", "wecom", list.toString(), "--workspace", ws);
        assertThat(plain.err()).contains("matches no group").contains("--create-groups");

        CliRunner.Result creating = run("import", "wecom", list.toString(), "--create-groups", "--workspace", ws);
        assertThat(creating.err()).contains("could not be created").contains("groupchat/get")
                .doesNotContain("--create-groups");
    }

    /** With --create-groups a chat is only left out when its name fits two groups: the way out is --group. */
    @Test
    void aChatNamedLikeTwoGroupsAsksForGroupNotCreateGroups() throws Exception {
        Path sheet = Files.writeString(dir.resolve("twins.csv"), "name\n夜话会1群\n夜话会1群\n");
        assertThat(run("groups", "import", sheet.toString(), "--purpose", "industry", "--workspace", ws).code())
                .isZero();
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ChatFixtures.ROOM, ChatFixtures.week());
        CliRunner.Result r = run("import", "chat", file.toString(), "--create-groups", "--workspace", ws);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("more than one group").contains("--group").doesNotContain("--create-groups");
    }
}
