package com.qundesk.reliability;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.backup.BackupInfo;
import com.qundesk.backup.BackupService;
import com.qundesk.db.Database;
import com.qundesk.db.WorkspaceException;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A workspace this build must not write to: written by a newer QunDesk, or damaged (a page of random bytes). */
class WorkspaceIntegrityTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceFromANewerQunDeskIsRefusedNamingBothVersionsAndLeftAsItWas() throws Exception {
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
        Path ws = Path.of(cli.ws);
        sql(ws, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, installed_on, execution_time, success) SELECT 99, '99', 'from the future', type, "
                + "'V99__future.sql', 1, installed_by, installed_on, 1, 1 FROM flyway_schema_history LIMIT 1");
        byte[] before = Files.readAllBytes(ws);

        for (String[] args : List.of(new String[] {"groups", "list"}, new String[] {"campaigns", "add", "--name", "N",
                "--type", "night-talk", "--start", "2026-11-28T20:00", "--end", "2026-11-28T22:00"})) {
            CliRunner.Result r = cli.run(concat(args, "--workspace", cli.ws));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("was written by a newer QunDesk (workspace format 99; this version knows "
                    + "formats up to " + Database.latestSchemaVersion() + ")").contains("Nothing was changed");
        }
        // the app opens workspaces through the same AppContext.open
        assertThatThrownBy(() -> AppContext.open(cli.paths, new UserPrefs(cli.paths.prefsFile()), ws, cli.clock))
                .isInstanceOfSatisfying(WorkspaceException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("workspace.error.newer"));
        assertThat(Files.readAllBytes(ws)).isEqualTo(before);
    }

    @Test
    void aDamagedWorkspaceIsRefusedAtOpenAndTheCliNamesTheRestoreOfTheNewestIntactBackup() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.run("demo", "--workspace", cli.ws);
        CliRunner.Result b = cli.run("backup", "--workspace", cli.ws);
        assertThat(b.code()).as(b.err()).isZero();
        Path ws = Path.of(cli.ws);
        damage(ws);
        byte[] damaged = Files.readAllBytes(ws);

        CliRunner.Result r = cli.run("groups", "list", "--workspace", cli.ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is damaged: SQLite\u2019s quick check found broken pages")
                .contains("The newest intact backup is ").contains("qundesk restore \"");
        CliRunner.Result imp = cli.run("campaigns", "add", "--name", "N", "--type", "night-talk", "--start",
                "2026-11-28T20:00", "--end", "2026-11-28T22:00", "--workspace", cli.ws);
        assertThat(imp.code()).isEqualTo(1);
        assertThat(Files.readAllBytes(ws)).as("nothing was written into the damaged file").isEqualTo(damaged);

        String backup = r.err().split("qundesk restore \"")[1].split("\"")[0];
        CliRunner.Result restored = cli.run("restore", backup, "--workspace", cli.ws);
        assertThat(restored.code()).as(restored.err()).isZero();
        CliRunner.Result list = cli.run("groups", "list", "--format", "json", "--workspace", cli.ws);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"externalId\"");
    }

    @Test
    void aWorkspaceDamagedWhileOpenIsNotBackedUpSoIntactBackupsAreNeverRotatedOut() throws Exception {
        TestWorkspace w = TestWorkspace.demo(dir);
        BackupService backups = w.ctx.backups();
        backups.setKeep("2");
        backups.backupNow();
        w.clock.advance(java.time.Duration.ofHours(1));
        backups.backupNow();
        List<BackupInfo> good = backups.list();
        assertThat(good).hasSize(2);
        w.ctx.database().withConnection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        damage(w.file);

        for (int i = 0; i < 3; i++) {
            w.clock.advance(java.time.Duration.ofDays(1));
            assertThatThrownBy(backups::backupNow).isInstanceOfSatisfying(WorkspaceException.class,
                    e -> assertThat(e.messageKey()).isEqualTo("backup.error.sourceDamaged"));
        }
        assertThat(backups.list()).isEqualTo(good);
        try (var files = Files.list(backups.folder())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        w.close();
    }

    @Test
    void damageThatLeavesTheFileTimeAsItWasIsStillFoundBeforeTheNextBackup() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.run("demo", "--workspace", cli.ws);
        Path ws = Path.of(cli.ws);
        assertThat(dir.resolve("." + ws.getFileName() + ".checked")).exists();
        var time = Files.getLastModifiedTime(ws);
        damage(ws);
        Files.setLastModifiedTime(ws, time); // a failing disk does not touch the file's time
        CliRunner.Result r = cli.run("backup", "--workspace", cli.ws);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is damaged (SQLite\u2019s quick check failed): no backup was taken");
        try (var files = Files.list(BackupService.folderFor(cli.paths, ws))) {
            assertThat(files.toList()).as("no backup, not even a partial one").isEmpty();
        }
    }

    @Test
    void whatAKilledRestoreLeftIsRemovedAtTheNextStart() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.run("demo", "--workspace", cli.ws);
        cli.run("backup", "--workspace", cli.ws);
        Path ws = Path.of(cli.ws);
        // the names restore and backup write through: a full-size staged copy and its journal, a half backup
        Path staged = ws.resolveSibling("." + ws.getFileName() + ".restoring");
        Files.copy(ws, staged);
        Path stagedWal = Files.writeString(ws.resolveSibling(staged.getFileName() + "-wal"), "journal");
        Path folder = BackupService.folderFor(cli.paths, ws);
        Path partial = Files.writeString(folder.resolve(".w-2026-11-24_10-00-00.qundesk.partial"), "half");
        Path unrelated = Files.writeString(folder.getParent().resolve(".other.partial"), "not this workspace's");

        CliRunner.Result r = cli.run("groups", "list", "--workspace", cli.ws);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(staged).doesNotExist();
        assertThat(stagedWal).doesNotExist();
        assertThat(partial).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(BackupService.folderFor(cli.paths, ws)).isDirectoryContaining(p -> p.toString().endsWith(".qundesk"));
    }

    /** Random bytes over several b-tree pages (after page 1, which holds the schema), as a failing disk leaves. */
    static void damage(Path ws) throws IOException {
        try (FileChannel ch = FileChannel.open(ws, StandardOpenOption.WRITE)) {
            byte[] junk = new byte[4096 * 4];
            new Random(13).nextBytes(junk);
            ch.write(ByteBuffer.wrap(junk), 4096 * 2);
            ch.force(true);
        }
    }

    private static void sql(Path ws, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
