package com.qundesk.cli;

import com.qundesk.backup.BackupService;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What scripts rely on about the workspace FILE: no workspace made by a typo, an empty or foreign file refused, the
 * workspace, its lock and its backups never written over, the safety backup. File-only by nature: a team workspace
 * on a server has no file, lock or backups folder ({@code CliContractTest} runs the rest on both databases).
 */
class CliWorkspaceFileTest {

    @TempDir
    Path dir;
    private CliRunner cli;
    private String ws;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(dir);
        ws = cli.ws;
    }

    @Test
    void aMissingWorkspaceIsNotCreatedAndExitsOne() {
        Path typo = dir.resolve("tpyo/w.qundesk");
        CliRunner.Result r = cli.run("groups", "list", "--workspace", typo.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("There is no workspace at " + typo).contains("qundesk init");
        assertThat(dir.resolve("tpyo")).doesNotExist();
        assertThat(r.out()).doesNotContain("0 groups");
    }

    @Test
    void aZeroByteFileIsNotAWorkspaceButInitMakesItOne() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.qundesk"));
        CliRunner.Result r = cli.run("campaigns", "list", "--workspace", empty.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is an empty file, not a QunDesk workspace");
        assertThat(Files.size(empty)).isZero();

        assertThat(cli.run("init", "--workspace", empty.toString()).code()).isZero();
        assertThat(cli.run("groups", "list", "--workspace", empty.toString()).out()).contains("0 groups");
    }

    @Test
    void initCreatesOnceAndLeavesAnExistingFileAlone() throws IOException {
        CliRunner.Result first = cli.run("init", "--workspace", ws);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("New empty workspace created at");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRunner.Result again = cli.run("init", "--workspace", notes.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("There is already a file at");
        assertThat(Files.readString(notes)).isEqualTo("mine");
    }

    @Test
    void aReportOrExportNeverWritesOverTheWorkspace() throws IOException {
        cli.run("demo", "--workspace", ws);
        Path w = Path.of(ws);
        long size = Files.size(w);
        for (String[] args : new String[][] {
                {"report", "--out", ws, "--workspace", ws},
                {"report", "--out", ws, "--force", "--workspace", ws},
                {"groups", "export", ws, "--force", "--workspace", ws},
                {"report", "--out", ws + "-wal", "--force", "--workspace", ws},
                {"groups", "export", ws + ".lock", "--force", "--workspace", ws}}) {
            CliRunner.Result r = cli.run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).contains("is the workspace or one of its files").contains("nothing was written");
            assertThat(r.out()).doesNotContain("written");
        }
        assertThat(Files.size(w)).isEqualTo(size);
        assertThat(cli.run("groups", "list", "--format", "json", "--workspace", ws).out()).contains("\"name\"");
    }

    @Test
    void nothingIsWrittenIntoTheBackupsFolder() throws IOException {
        cli.run("demo", "--workspace", ws);
        cli.run("backup", "--workspace", ws);
        Path folder = BackupService.folderFor(cli.paths, Path.of(ws));
        Path backup;
        try (Stream<Path> files = Files.list(folder)) {
            backup = files.findFirst().orElseThrow();
        }
        long size = Files.size(backup);
        CliRunner.Result r = cli.run("report", "--out", backup.toString(), "--force", "--workspace", ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is in the backups folder");
        assertThat(Files.size(backup)).isEqualTo(size);
    }

    @Test
    void commandsThatChangeDataTakeTheSafetyBackupThrottledToOneAnHour() throws IOException {
        cli.run("init", "--workspace", ws);
        Path folder = BackupService.folderFor(cli.paths, Path.of(ws));
        for (int i = 0; i < 5; i++) {
            CliRunner.Result r = cli.run("campaigns", "add", "--name", "Night " + i, "--type", "night-talk",
                    "--start", "2026-11-28T20:00", "--end", "2026-11-28T22:00", "--workspace", ws);
            assertThat(r.code()).as(r.err()).isZero();
        }
        assertThat(count(folder)).isEqualTo(1);
        cli.run("groups", "list", "--workspace", ws);
        assertThat(count(folder)).as("reading takes no backup").isEqualTo(1);
        cli.clock.advance(Duration.ofMinutes(61));
        cli.run("campaigns", "add", "--name", "Later", "--type", "night-talk", "--start", "2026-11-28T20:00",
                "--end", "2026-11-28T22:00", "--workspace", ws);
        assertThat(count(folder)).isEqualTo(2);
    }

    @Test
    void versionNamesTheBuildsCommitAndDateAndTheWorkspaceFormatItKnows() {
        CliRunner.Result r = cli.run("--version");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("QunDesk ");
        assertThat(lines.get(1)).matches("commit ([0-9a-f]{7,40}|unknown), built .+");
        assertThat(lines.get(2)).startsWith("workspace format " + com.qundesk.db.Database.latestSchemaVersion() + " ");
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
