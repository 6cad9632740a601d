package com.qundesk.cli;

import com.qundesk.backup.BackupService;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What scripts rely on: no workspace made by a typo, usage errors apart from "partly done", nothing overwritten. */
class CliContractTest {

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
    void usageErrorsExitSixtyFourNotTheTwoOfPartlyDone() {
        cli.run("init", "--workspace", ws);
        assertThat(cli.run("frobnicate", "--workspace", ws).code()).isEqualTo(QunDeskCli.USAGE).isEqualTo(64);
        assertThat(cli.run("groups", "list", "--colour", "--workspace", ws).code()).isEqualTo(64);
        assertThat(cli.run("flash", "dissolve", "--workspace", ws).code()).isEqualTo(64);
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

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }
}
