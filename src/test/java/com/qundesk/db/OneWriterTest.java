package com.qundesk.db;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.ChildJvm;
import com.qundesk.testsupport.HoldWorkspace;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A second QunDesk on the same workspace is refused with a clear message and cannot touch the file. */
class OneWriterTest {

    @TempDir
    Path dir;
    TestWorkspace w;
    String pid = Long.toString(ProcessHandle.current().pid());

    @BeforeEach
    void setUp() {
        w = new TestWorkspace(dir.resolve("ws"));
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM));
    }

    @Test
    void aSecondOpenInTheSameJvmIsRefusedUntilTheFirstCloses() {
        assertThatThrownBy(() -> AppContext.open(w.paths, w.prefs, w.file, w.clock))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("workspace.error.locked");
                    assertThat(w.ctx.messages().describe(e)).isEqualTo(w.file.toAbsolutePath()
                            + " is open in another QunDesk window (PID " + pid + "). Close it first, or open a copy.");
                });
        // the same file by another spelling of its path is the same workspace
        Path roundabout = w.file.getParent().resolve("../ws/./workspace.qundesk");
        assertThatThrownBy(() -> AppContext.open(w.paths, w.prefs, roundabout, w.clock))
                .isInstanceOf(WorkspaceException.class);
        // the refused opener changed nothing and the first still works
        assertThat(w.ctx.groups().list()).hasSize(1);
        w.close();
        assertThatThrownBy(() -> w.ctx.groups().list()).isInstanceOfSatisfying(WorkspaceException.class,
                e -> assertThat(e.messageKey()).isEqualTo("workspace.error.closed"));
        try (AppContext second = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
            assertThat(second.groups().list()).hasSize(1);
        }
    }

    @Test
    void anOsLockHeldThroughAnotherChannelOfThisJvmGivesTheSameMessage() throws Exception {
        Path other = dir.resolve("other.qundesk");
        try (FileChannel ch = FileChannel.open(WorkspaceLock.lockFileOf(other), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = ch.lock(1L << 20, 1, false)) {
            // WorkspaceLock's own bookkeeping does not know this lock: the JVM's OverlappingFileLockException
            // must still come out as the operator's message
            assertThatThrownBy(() -> Database.open(other)).isInstanceOfSatisfying(WorkspaceException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("workspace.error.locked"));
        }
    }

    @Test
    void aSecondQunDeskProcessGetsOneClearLineAndExitCodeOne() throws Exception {
        Path home = dir.resolve("child-home");
        new UserPrefs(home.resolve("settings.properties")).put(UserPrefs.LANGUAGE, "en");

        ChildJvm.Result refused = ChildJvm.run(home, "com.qundesk.app.Launcher", "groups", "list", "--workspace",
                w.file.toString());

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        String errorLine = "Error: " + w.file.toAbsolutePath() + " is open in another QunDesk window (PID " + pid
                + "). Close it first, or open a copy.";
        assertThat(refused.err().lines().filter(l -> !l.startsWith("WARNING"))).containsExactly(errorLine);
        assertThat(w.ctx.groups().list()).hasSize(1);
        assertThat(integrity(w.file)).isEqualTo("ok");

        // once this process lets go, the other one may open it
        w.close();
        ChildJvm.Result ok = ChildJvm.run(home, "com.qundesk.app.Launcher", "groups", "list", "--format", "csv",
                "--workspace", w.file.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("读书会");
    }

    @Test
    void aWorkspaceHeldByAnotherProcessIsRefusedHereAndFreedWhenThatProcessIsKilled() throws Exception {
        w.close();
        Path home = dir.resolve("child-home");
        Process holder = ChildJvm.builder(home, HoldWorkspace.class.getName(), w.file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).isEqualTo("READY " + holder.pid() + " 1");

            assertThatThrownBy(() -> AppContext.open(w.paths, w.prefs, w.file, w.clock))
                    .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("workspace.error.locked");
                        assertThat(e.messageArgs().get(1)).isEqualTo(Long.toString(holder.pid()));
                    });
            // and the CLI restore refuses too, without touching the file
            assertThatThrownBy(() -> com.qundesk.backup.BackupService.restoreClosed(w.paths, w.file, w.file,
                    w.clock, TestWorkspace.ZONE)).isInstanceOfSatisfying(WorkspaceException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("workspace.error.locked"));

            // a crash (SIGKILL) leaves the lock file behind, but the OS lock dies with the process
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(WorkspaceLock.lockFileOf(w.file)).exists();
            try (AppContext after = AppContext.open(w.paths, w.prefs, w.file, w.clock)) {
                assertThat(after.groups().list()).hasSize(1);
            }
            assertThat(integrity(w.file)).isEqualTo("ok");
        } finally {
            holder.destroyForcibly();
        }
    }

    private static String integrity(Path file) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
