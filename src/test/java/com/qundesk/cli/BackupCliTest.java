package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qundesk backup [--out FILE]} and {@code qundesk restore FILE} as a user runs them (file-only: a backup is a
 * copy of the workspace file; a team workspace's backups are the server's).
 */
class BackupCliTest {

    @TempDir
    Path dir;
    TestWorkspace w;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        w = new TestWorkspace(dir.resolve("ws"));
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "A", Purpose.FAN, GroupKind.LONG_TERM));
        w.close();
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--workspace", w.file.toString())).toArray(String[]::new);
        int code = QunDeskCli.run(all, w.paths, w.clock, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private List<String> names() {
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
            return ctx.groups().list().stream().map(Group::name).sorted().toList();
        }
    }

    private void addGroup(String name) {
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
            ctx.groups().create(Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM));
        }
    }

    @Test
    void backupPrintsWhereItWroteAndRestoreRoundTrips() throws Exception {
        Result b = run("backup");
        assertThat(b.code()).as(b.err()).isZero();
        Path backup = Path.of(b.out().strip().substring("Backup written: ".length()));
        assertThat(backup).exists().hasFileName("workspace-20261124-100000.qundesk");

        Path out = dir.resolve("by-hand.qundesk");
        Result explicit = run("backup", "--out", out.toString());
        assertThat(explicit.code()).isZero();
        assertThat(explicit.out().strip()).isEqualTo("Backup written: " + out.toAbsolutePath());
        assertThat(out).exists();
        Result again = run("backup", "--out", out.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err().lines()).singleElement().asString()
                .isEqualTo("Error: The file " + out.toAbsolutePath() + " already exists. Choose a new name: a backup "
                        + "never overwrites a file.");

        addGroup("B");
        assertThat(names()).containsExactly("A", "B");
        w.clock.advance(java.time.Duration.ofSeconds(1));
        Result restore = run("restore", backup.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("Restored " + w.file.toAbsolutePath() + " from " + backup)
                .contains("workspace-20261124-100001-before-restore.qundesk");
        assertThat(names()).containsExactly("A");
    }

    @Test
    void restoreRefusesABadFileInOneLineAndLeavesTheWorkspaceAlone() throws Exception {
        Path junk = dir.resolve("junk.qundesk");
        Files.writeString(junk, "not a database at all, but long enough to be read as one".repeat(20));
        Result r = run("restore", junk.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .isEqualTo("Error: " + junk.toAbsolutePath() + " is not a QunDesk workspace or backup. The workspace "
                        + "did not change.");
        assertThat(r.out()).isEmpty();
        assertThat(names()).containsExactly("A");
    }

    @Test
    void restoreRefusesWhileAnotherQunDeskHasTheWorkspace() throws Exception {
        Path backup = dir.resolve("b.qundesk");
        assertThat(run("backup", "--out", backup.toString()).code()).isZero();
        try (AppContext open = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
            open.groups().create(Group.draft(Platform.WECHAT, "B", Purpose.FAN, GroupKind.LONG_TERM));
            Result r = run("restore", backup.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().asString().startsWith("Error: " + w.file.toAbsolutePath()
                    + " is open in another QunDesk window (PID " + ProcessHandle.current().pid() + ")");
            Result b = run("backup");
            assertThat(b.code()).isEqualTo(1);
            assertThat(open.groups().list()).hasSize(2);
        }
        assertThat(names()).containsExactly("A", "B");
    }

    @Test
    void restoreRescuesAWorkspaceThatNoLongerOpens() throws Exception {
        Path backup = dir.resolve("b.qundesk");
        assertThat(run("backup", "--out", backup.toString()).code()).isZero();
        byte[] damaged = "garbage where a workspace was".repeat(200).getBytes();
        Files.write(w.file, damaged);
        assertThat(run("groups", "list").code()).isEqualTo(1);

        Result r = run("restore", backup.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names()).containsExactly("A");
        // the damaged file was kept as it was, in case there is something to recover from it
        Path kept = Path.of(r.out().substring(r.out().indexOf("saved as ") + "saved as ".length()).strip()
                .replaceAll("\\.$", ""));
        assertThat(Files.readAllBytes(kept)).isEqualTo(damaged);
    }
}
