package com.qundesk.reliability;

import com.qundesk.i18n.LocalizedException;
import com.qundesk.io.DiskFull;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A full disk is said as such ("the disk holding … is full; nothing was changed; free N MB") and changes nothing.
 * The whole-CLI case runs on a real 4 MB tmpfs, mounted where the test may (root on Linux) and skipped elsewhere;
 * the recognition of SQLite's SQLITE_FULL runs everywhere on a file limited by {@code PRAGMA max_page_count}.
 */
class DiskFullTest {

    @TempDir
    Path dir;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    @Test
    void sqliteFullFromARealSizeLimitedFileIsRecognisedAndToldWithTheFolder() throws Exception {
        Path db = dir.resolve("limited.db");
        SQLException full;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x TEXT)");
            s.execute("PRAGMA max_page_count = 8");
            full = (SQLException) catchThrowable(() -> {
                for (int i = 0; i < 1000; i++) {
                    s.execute("INSERT INTO t VALUES (printf('%.1000c', 'x'))");
                }
            });
        }
        assertThat((Throwable) full).isNotNull().hasMessageContaining("SQLITE_FULL");
        assertThat(DiskFull.causedBy(new RuntimeException(full))).isTrue();
        assertThat(DiskFull.causedBy(new SQLException("constraint failed"))).isFalse();
        assertThat(DiskFull.causedBy(new IOException("No space left on device"))).isTrue();
        LocalizedException told = DiskFull.forWorkspace(db, full);
        assertThat(told.messageKey()).isEqualTo("disk.full");
        assertThat((Object) told.messageArgs().get(0)).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(Long.parseLong((String) told.messageArgs().get(1))).isPositive();
    }

    @Test
    void onARealFullDiskImportsAndBackupsSaySoAndNothingChanges() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0,
                "needs a tmpfs mount (root on Linux)");
        mounted = disk;
        CliRunner cli = new CliRunner(disk);
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
        assertThat(cli.run("backup", "--workspace", cli.ws).code()).isZero();
        Path csv = dir.resolve("groups.csv");
        StringBuilder rows = new StringBuilder("name,platform,notes\n");
        for (int i = 0; i < 20_000; i++) {
            rows.append("Group ").append(i).append(",wechat,").append("note ".repeat(20)).append('\n');
        }
        Files.writeString(csv, rows);
        Path filler = fill(disk, "filler.bin", 512 * 1024);

        // room to open the workspace, not to import 20,000 rows: SQLITE_FULL inside the import's transaction
        CliRunner.Result imp = cli.run("groups", "import", csv.toString(), "--purpose", "industry", "--workspace", cli.ws);
        assertThat(imp.code()).isEqualTo(1);
        assertThat(imp.err()).contains("The disk holding " + disk + " is full; nothing was changed. Free at least ")
                .doesNotContain("unexpected");
        Path rest = fill(disk, "rest.bin", 16 * 1024);
        // too little even to open: SQLite cannot grow the -shm file, and a new workspace cannot be written
        CliRunner.Result backup = cli.run("backup", "--workspace", cli.ws);
        assertThat(backup.code()).isEqualTo(1);
        assertThat(backup.err()).contains(" is full; nothing was changed").doesNotContain("unexpected");
        CliRunner.Result fresh = cli.run("init", "--workspace", disk.resolve("new/w.qundesk").toString());
        assertThat(fresh.code()).isEqualTo(1);
        assertThat(fresh.err()).contains(" is full; nothing was changed").doesNotContain("may write there");

        Files.delete(filler);
        Files.delete(rest);
        CliRunner.Result list = cli.run("groups", "list", "--workspace", cli.ws);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("0 groups");
        try (var files = Files.walk(disk)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".part"));
        }
    }

    /** Fills the file system holding {@code folder} but for {@code leave} bytes. */
    private static Path fill(Path folder, String name, int leave) throws IOException {
        Path filler = folder.resolve(name);
        byte[] chunk = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full now
        }
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(Math.max(0, ch.size() - leave));
        }
        return filler;
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
