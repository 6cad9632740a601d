package com.qundesk.workspace.copy;

import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Database;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.chat.ChatFixtures;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.PostgresServer;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code qundesk workspace copy} as an operator runs it, on a real PostgreSQL server: the demo workspace with a real
 * chat import moved from a file onto the server and taken back home as a file, row for row; and every refusal leaving
 * the target as it was.
 */
class WorkspaceCopyTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private Path source;

    /** The demo workspace with one week of a real WeChatMsg export imported, as a file: what an operator moves in. */
    @BeforeEach
    void demoWithAChatImport() throws Exception {
        TestWorkspace demo = TestWorkspace.demo(dir);
        source = demo.file;
        demo.close();
        cli = new CliRunner(dir);
        Path export = ChatFixtures.wechatMsg(dir.resolve("exports"), "夜话会1群", ChatFixtures.ROOM, week());
        CliRunner.Result imported = run("import", "chat", export.toString(), "--create-groups",
                "--workspace", source.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        try (Connection c = WorkspaceTables.sqlite(source); Statement st = c.createStatement()) {
            // a group whose parent was created after it (made a sub-group later): its parent row is copied after it
            assertThat(st.executeUpdate("UPDATE chat_group SET parent_id = (SELECT max(id) FROM chat_group) "
                    + "WHERE id = (SELECT min(id) FROM chat_group)")).isPositive();
        }
    }

    /** The fixture's week, the exporting account's own messages among them (kept under a key with U+0000). */
    private static List<ChatFixtures.Msg> week() {
        return ChatFixtures.week();
    }

    private CliRunner.Result run(String... args) {
        return cli.run(args);
    }

    private static String address(PostgresServer.Database db) {
        return "postgresql://" + db.user() + "@127.0.0.1:" + db.port() + "/" + db.name();
    }

    @Test
    void fileToServerToFileKeepsEveryRowAndTheStats() throws Exception {
        PostgresServer.Database server = PostgresServer.database(WorkspaceCopyTest.class);
        Path back = dir.resolve("snapshot.qundesk");

        CliRunner.Result in = run("workspace", "copy", "--from", source.toString(), "--to", address(server));
        assertThat(in.code()).as(in.err()).isZero();
        assertThat(in.out()).contains("chat_message: " + week().size() + " rows").contains(" rows in ");
        assertThat(in.err()).contains("chat_group: ");
        CliRunner.Result out = run("workspace", "copy", "--from", address(server), "--to", back.toString());
        assertThat(out.code()).as(out.err()).isZero();

        Map<String, List<List<Object>>> original;
        try (Connection c = WorkspaceTables.sqlite(source)) {
            original = WorkspaceTables.rows(c);
        }
        assertThat(original.get("chat_message")).hasSize(week().size());
        assertThat(original.get("chat_group")).hasSizeGreaterThan(30);
        try (Connection c = server.connect()) {
            assertThat(WorkspaceTables.rows(c)).as("on the server").isEqualTo(original);
        }
        try (Connection c = WorkspaceTables.sqlite(back)) {
            assertThat(WorkspaceTables.rows(c)).as("back in a file").isEqualTo(original);
        }

        String stats = run("stats", "daily", "--format", "csv", "--workspace", source.toString()).out();
        assertThat(stats.lines().count()).isGreaterThan(1);
        assertThat(run("stats", "daily", "--format", "csv", "--workspace", address(server)).out()).isEqualTo(stats);
        assertThat(run("stats", "daily", "--format", "csv", "--workspace", back.toString()).out()).isEqualTo(stats);

        long largestId = original.get("chat_group").stream().mapToLong(r -> (Long) r.getFirst()).max().orElseThrow();
        try (AppContext team = AppContext.open(new AppPaths(dir.resolve("team-home")),
                new UserPrefs(dir.resolve("team-prefs.properties")), WorkspaceLocation.of(address(server)),
                new MutableClock(TestWorkspace.NOW))) {
            Group created = team.groups().create(Group.draft(Platform.WECHAT, "复制后新建的群", Purpose.FAN,
                    GroupKind.LONG_TERM));
            assertThat(created.id()).as("a fresh id after the copied ones").isGreaterThan(largestId);
            assertThat(team.groups().history(created.id())).isNotEmpty();
        }
    }

    @Test
    void aSecondCopyIntoTheSameDatabaseIsRefusedAndChangesNothing() throws Exception {
        PostgresServer.Database server = PostgresServer.database(WorkspaceCopyTest.class);
        assertThat(run("workspace", "copy", "--from", source.toString(), "--to", address(server)).code()).isZero();
        Map<String, List<List<Object>>> before;
        try (Connection c = server.connect()) {
            before = WorkspaceTables.rows(c);
        }

        CliRunner.Result again = run("workspace", "copy", "--from", source.toString(), "--to", address(server));

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has " + before.get("chat_group").size() + " groups")
                .contains("copy into an empty database").doesNotContain("Exception");
        try (Connection c = server.connect()) {
            assertThat(WorkspaceTables.rows(c)).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseTheAppOpenedOnceTakesTheCopyItsStarterTemplatesReplaced() throws Exception {
        PostgresServer.Database server = PostgresServer.database(WorkspaceCopyTest.class);
        try (AppContext first = AppContext.open(new AppPaths(dir.resolve("owner-home")),
                new UserPrefs(dir.resolve("owner-prefs.properties")), WorkspaceLocation.of(address(server)),
                new MutableClock(TestWorkspace.NOW.plusSeconds(3600)))) {
            assertThat(first.templates().list()).as("the app's starter library").isNotEmpty();
        }

        CliRunner.Result r = run("workspace", "copy", "--from", source.toString(), "--to", address(server));

        assertThat(r.code()).as(r.err()).isZero();
        try (Connection s = WorkspaceTables.sqlite(source); Connection t = server.connect()) {
            Map<String, List<List<Object>>> original = WorkspaceTables.rows(s);
            Map<String, List<List<Object>>> copied = WorkspaceTables.rows(t);
            assertThat(copied.get("template_version")).as("the source's library, its times and all")
                    .isEqualTo(original.get("template_version"));
            assertThat(copied).isEqualTo(original);
        }
    }

    @Test
    void aRowTheTargetRefusesHalfWayLeavesTheTargetEmpty() throws Exception {
        PostgresServer.Database server = PostgresServer.database(WorkspaceCopyTest.class);
        Database.open(server.address(), java.util.Optional.empty()).close();
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            // the value ledger comes last in the copy: groups, campaigns, plans and messages are written by then
            st.execute("ALTER TABLE value_event ADD CONSTRAINT refuses_the_fifth CHECK (id <> 5)");
        }

        CliRunner.Result r = run("workspace", "copy", "--from", source.toString(), "--to", address(server));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("refused a row of the table value_event").contains("keeps nothing");
        try (Connection c = server.connect()) {
            assertThat(WorkspaceTables.rows(c).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        }
    }

    @Test
    void aCancelledCopyIntoANewFileLeavesNoFile() {
        Path target = dir.resolve("cancelled.qundesk");
        AtomicInteger tables = new AtomicInteger();
        WorkspaceCopyService service = new WorkspaceCopyService(Database.BeforeMigration.NONE);

        assertThatThrownBy(() -> service.copy(WorkspaceLocation.of(source), WorkspaceLocation.of(target),
                (table, rows, total) -> tables.incrementAndGet(), () -> tables.get() > 3))
                .isInstanceOf(CopyCancelledException.class);

        assertThat(target).doesNotExist();
        assertThat(dir.resolve("cancelled.qundesk-wal")).doesNotExist();
    }

    @Test
    void aFileThatExistsIsNeverWrittenOver() throws Exception {
        Path existing = dir.resolve("existing.qundesk");
        TestWorkspace other = TestWorkspace.demo(dir.resolve("other"));
        other.close();
        Files.copy(other.file, existing);
        byte[] before = Files.readAllBytes(existing);

        CliRunner.Result r = run("workspace", "copy", "--from", source.toString(), "--to", existing.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("already exists").contains("does not exist yet");
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }

    @Test
    void aMissingSourceOrTheSameWorkspaceIsRefused() {
        CliRunner.Result missing = run("workspace", "copy", "--from", dir.resolve("typo.qundesk").toString(),
                "--to", dir.resolve("new.qundesk").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no workspace at").contains("typo.qundesk");
        assertThat(dir.resolve("new.qundesk")).doesNotExist();

        CliRunner.Result same = run("workspace", "copy", "--from", source.toString(), "--to", source.toString());
        assertThat(same.code()).isEqualTo(1);
        assertThat(same.err()).contains("onto itself");
    }

    @Test
    void withoutFromOrToItIsAUsageError() {
        assertThat(run("workspace", "copy", "--to", dir.resolve("x.qundesk").toString()).code()).isEqualTo(64);
    }
}
