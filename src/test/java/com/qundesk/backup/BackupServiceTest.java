package com.qundesk.backup;

import com.qundesk.workspace.AppContext;
import com.qundesk.db.WorkspaceException;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.testsupport.TestWorkspace;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Backups and restore on real workspace files with the real migrations. */
class BackupServiceTest {

    @TempDir
    Path dir;
    TestWorkspace w;

    @BeforeEach
    void setUp() {
        w = new TestWorkspace(dir.resolve("ws"));
    }

    private void addGroup(String name) {
        w.ctx.groups().create(Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM));
    }

    private List<String> names() {
        return w.ctx.groups().list().stream().map(Group::name).sorted().toList();
    }

    static String scalar(Path db, String sql) throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aBackupIsAConsistentSelfContainedCopyInTheBackupsFolderNamedByTime() throws Exception {
        addGroup("读书会");
        addGroup("夜话会");
        BackupInfo b = w.ctx.backups().backupNow();
        // 2026-11-24T02:00Z is 10:00 in Shanghai
        assertThat(b.file().getFileName().toString()).isEqualTo("workspace-20261124-100000.qundesk");
        assertThat(b.file().getParent()).isEqualTo(w.ctx.backups().folder());
        assertThat(b.file().getParent().getParent()).isEqualTo(w.paths.dataDir().resolve("backups"));
        assertThat(b.kind()).isEqualTo(BackupInfo.Kind.REGULAR);
        assertThat(b.takenAt()).isEqualTo(TestWorkspace.NOW);
        assertThat(b.size()).isEqualTo(Files.size(b.file())).isPositive();
        assertThat(scalar(b.file(), "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(scalar(b.file(), "SELECT count(*) FROM chat_group")).isEqualTo("2");
        // no journal beside it: the copy stands on its own
        assertThat(b.file().resolveSibling(b.file().getFileName() + "-wal")).doesNotExist();
        // a second one in the same second gets its own name; the list is newest first
        BackupInfo again = w.ctx.backups().backupNow();
        assertThat(again.file().getFileName().toString()).isEqualTo("workspace-20261124-100000-2.qundesk");
        assertThat(w.ctx.backups().list()).extracting(BackupInfo::file).containsExactly(again.file(), b.file());
        // nothing half-written is left behind
        try (var files = Files.list(b.file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".qundesk"));
        }
    }

    @Test
    void theDefaultWorkspaceHasAPlainFolderAndSameNamedWorkspacesElsewhereEachTheirOwn() {
        Path b1 = BackupService.folderFor(w.paths, w.paths.defaultWorkspace());
        assertThat(b1).isEqualTo(w.paths.dataDir().resolve("backups/workspace"));
        Path b2 = BackupService.folderFor(w.paths, dir.resolve("usb/workspace.qundesk"));
        Path b3 = BackupService.folderFor(w.paths, dir.resolve("other/workspace.qundesk"));
        assertThat(b2.getFileName().toString()).matches("workspace-[0-9a-f]{8}");
        assertThat(b2).isNotEqualTo(b3).isNotEqualTo(b1);
        assertThat(BackupService.folderFor(w.paths, dir.resolve("usb/../usb/workspace.qundesk"))).isEqualTo(b2);
    }

    @Test
    void roundTripRestoreBringsBackTheBackedUpStateAndKeepsTheReplacedOne() throws Exception {
        addGroup("A");
        BackupInfo b = w.ctx.backups().backupNow();
        addGroup("B");
        w.clock.advance(Duration.ofMinutes(5));

        RestoreResult r = w.ctx.backups().restore(b.file());

        assertThat(r.previousState()).isNotNull();
        assertThat(r.previousState().getFileName().toString()).isEqualTo("workspace-20261124-100500-before-restore.qundesk");
        assertThat(scalar(r.previousState(), "SELECT group_concat(name) FROM (SELECT name FROM chat_group ORDER BY name)"))
                .isEqualTo("A,B");
        assertThat(r.schemaVersion()).isEqualTo(latestMigration());
        w.reopen();
        assertThat(names()).containsExactly("A");
        assertThat(scalar(w.file, "PRAGMA integrity_check")).isEqualTo("ok");
        // the restored workspace works: writes go in, the backup file itself is untouched
        addGroup("C");
        assertThat(names()).containsExactly("A", "C");
        assertThat(scalar(b.file(), "SELECT count(*) FROM chat_group")).isEqualTo("1");
        // and restoring the state before the restore goes back again
        w.ctx.backups().restore(r.previousState());
        w.reopen();
        assertThat(names()).containsExactly("A", "B");
    }

    @Test
    void keepsTheLastNRegularBackupsAndEveryPreUpgradeOne() throws Exception {
        Path folder = w.ctx.backups().folder();
        Files.createDirectories(folder);
        Path preUpgrade = folder.resolve("workspace-20260101-080000-before-v4.qundesk");
        Files.writeString(preUpgrade, "x");
        Path otherWorkspace = folder.resolve("other-20260101-080000.qundesk");
        Files.writeString(otherWorkspace, "x");
        w.ctx.backups().setKeep("3");
        for (int i = 0; i < 5; i++) {
            w.clock.advance(Duration.ofDays(1));
            w.ctx.backups().backupNow();
        }
        List<BackupInfo> left = w.ctx.backups().list();
        assertThat(left).extracting(x -> x.file().getFileName().toString()).containsExactly(
                "workspace-20261129-100000.qundesk", "workspace-20261128-100000.qundesk",
                "workspace-20261127-100000.qundesk", "workspace-20260101-080000-before-v4.qundesk");
        assertThat(left.getLast().kind()).isEqualTo(BackupInfo.Kind.BEFORE_MIGRATION);
        assertThat(left.getLast().schemaTarget()).isEqualTo("4");
        assertThat(otherWorkspace).exists();
        // lowering the number prunes at once
        w.ctx.backups().setKeep("1");
        assertThat(w.ctx.backups().list()).hasSize(2);
    }

    @Test
    void theNumberKeptIsValidatedAndDefaultsToTen() {
        assertThat(w.ctx.backups().keep()).isEqualTo(10);
        for (String bad : List.of("0", "101", "-3", "ten", "", "2.5")) {
            assertThatThrownBy(() -> w.ctx.backups().setKeep(bad)).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .singleElement().satisfies(f -> assertThat(f.messageKey()).isEqualTo("backup.keep.invalid")));
        }
        assertThat(w.ctx.backups().keep()).isEqualTo(10);
        w.ctx.backups().setKeep(" 100 ");
        assertThat(w.ctx.backups().keep()).isEqualTo(100);
        w.ctx.backups().setKeep("1");
        assertThat(w.ctx.backups().keep()).isEqualTo(1);
    }

    @Test
    void atStartAndDailyABackupIsTakenOnlyWhenTheNewestIsOldEnough() {
        var backups = w.ctx.backups();
        assertThat(backups.backupIfOlderThan(BackupService.AT_START_UNLESS_NEWER_THAN)).isPresent();
        w.clock.advance(Duration.ofMinutes(30));
        assertThat(backups.backupIfOlderThan(BackupService.AT_START_UNLESS_NEWER_THAN)).isEmpty();
        w.clock.advance(Duration.ofHours(23));
        assertThat(backups.backupIfOlderThan(BackupService.DAILY)).isEmpty();
        w.clock.advance(Duration.ofMinutes(31));
        assertThat(backups.backupIfOlderThan(BackupService.DAILY)).isPresent();
        assertThat(backups.list()).hasSize(2);
    }

    @Test
    void backupToWritesTheNamedFileAndNeverOverwrites() throws Exception {
        addGroup("A");
        Path out = dir.resolve("elsewhere/copy.qundesk");
        assertThat(w.ctx.backups().backupTo(out)).isEqualTo(out.toAbsolutePath());
        assertThat(scalar(out, "SELECT count(*) FROM chat_group")).isEqualTo("1");
        assertThatThrownBy(() -> w.ctx.backups().backupTo(out)).isInstanceOfSatisfying(WorkspaceException.class,
                e -> assertThat(e.messageKey()).isEqualTo("backup.error.exists"));
        // explicit copies are not in the kept list
        assertThat(w.ctx.backups().list()).isEmpty();
    }

    @Test
    void aFileThatIsNotAGoodBackupIsRefusedAndNothingChanges() throws Exception {
        addGroup("keep me");
        BackupInfo good = w.ctx.backups().backupNow();
        byte[] bytes = Files.readAllBytes(good.file());

        Path garbage = dir.resolve("garbage.qundesk");
        Files.write(garbage, "SQLite format 3 but not really".repeat(100).getBytes());
        Path truncated = dir.resolve("truncated.qundesk");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path plainSqlite = dir.resolve("plain.db");
        scalarUpdate(plainSqlite, "CREATE TABLE notes (x TEXT)");
        Path newer = dir.resolve("newer.qundesk");
        Files.write(newer, bytes);
        scalarUpdate(newer, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, installed_on, execution_time, success) SELECT 99, '99', 'from the future', "
                + "type, 'V99__future.sql', 1, installed_by, installed_on, 1, 1 FROM flyway_schema_history "
                + "WHERE version = '4'");
        Path failed = dir.resolve("failed.qundesk");
        Files.write(failed, bytes);
        scalarUpdate(failed, "UPDATE flyway_schema_history SET success = 0 WHERE version = '4'");

        assertRefused(garbage, "backup.error.notWorkspace");
        assertRefused(truncated, "backup.error.notWorkspace", "backup.error.damaged");
        assertRefused(plainSqlite, "backup.error.notWorkspace");
        assertRefused(newer, "backup.error.newer");
        assertRefused(failed, "backup.error.damaged");
        assertRefused(dir.resolve("missing.qundesk"), "backup.error.missing");
        assertRefused(w.file, "backup.error.self");

        // no state was saved for a restore that never happened, and nothing was left beside the workspace
        assertThat(w.ctx.backups().list()).extracting(BackupInfo::file).containsExactly(good.file());
        try (var files = Files.list(w.file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.contains("restoring"))).isEmpty();
        }
        assertThat(names()).containsExactly("keep me");
    }

    private void assertRefused(Path file, String... keys) {
        assertThatThrownBy(() -> w.ctx.backups().restore(file)).as(file.toString())
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.messageKey()).isIn((Object[]) keys));
        assertThat(names()).as("workspace unchanged after " + file).containsExactly("keep me");
    }

    private static void scalarUpdate(Path db, String sql) throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void anOlderBackupIsRestoredAndMigratedWithItsOwnPreUpgradeBackup() throws Exception {
        Path old = dir.resolve("v3.qundesk");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + old);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("3").load().migrate();
        scalarUpdate(old, "INSERT INTO chat_group (platform, name, purpose, kind, capacity, updated_at) "
                + "VALUES ('wechat', '老群', 'fan', 'long-term', 500, 0)");

        RestoreResult r = w.ctx.backups().restore(old);
        assertThat(r.schemaVersion()).isEqualTo("3");
        w.reopen();
        assertThat(names()).containsExactly("老群");
        assertThat(w.ctx.backups().list()).extracting(BackupInfo::kind)
                .containsExactlyInAnyOrder(BackupInfo.Kind.BEFORE_RESTORE, BackupInfo.Kind.BEFORE_MIGRATION);
    }

    @Test
    void aBackupIsTakenBeforeAMigrationRunsOnAnExistingWorkspace() throws Exception {
        w.close();
        Path file = dir.resolve("old/workspace.qundesk");
        Files.createDirectories(file.getParent());
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("3").load().migrate();
        scalarUpdate(file, "INSERT INTO chat_group (platform, name, purpose, kind, capacity, updated_at) "
                + "VALUES ('wechat', '老群', 'fan', 'long-term', 500, 0)");

        try (AppContext ctx = AppContext.open(w.paths, w.prefs, file, w.clock)) {
            List<BackupInfo> list = ctx.backups().list();
            assertThat(list).singleElement().satisfies(b -> {
                assertThat(b.kind()).isEqualTo(BackupInfo.Kind.BEFORE_MIGRATION);
                assertThat(b.schemaTarget()).isEqualTo(latestMigration());
                assertThat(b.file().getFileName().toString())
                        .isEqualTo("workspace-20261124-100000-before-v" + latestMigration() + ".qundesk");
            });
            Path before = list.getFirst().file();
            assertThat(scalar(before, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")).isEqualTo("3");
            assertThat(scalar(before, "SELECT name FROM chat_group")).isEqualTo("老群");
            assertThat(scalar(file, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history"))
                    .isEqualTo(latestMigration());
        }
        // up to date now: opening again takes no further backup
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, file, w.clock)) {
            assertThat(ctx.backups().list()).hasSize(1);
        }
        // a brand-new workspace has nothing to back up
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, dir.resolve("fresh.qundesk"), w.clock)) {
            assertThat(ctx.backups().list()).isEmpty();
        }
    }

    /** The newest schema version this build migrates to: the highest V<n>__ migration in the sources. */
    private static String latestMigration() throws java.io.IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }
}
