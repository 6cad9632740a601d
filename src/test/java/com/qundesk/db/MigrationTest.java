package com.qundesk.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheCurrentSchemaWithThePragmasOn() throws Exception {
        Database db = Database.open(dir.resolve("sub/w.qundesk"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(scalar(s, "PRAGMA foreign_keys")).isEqualTo("1");
            assertThat(scalar(s, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(Integer.parseInt(scalar(s, "PRAGMA busy_timeout"))).isGreaterThan(0);
            assertThat(tables(s)).contains("chat_group", "group_tag", "group_history", "campaign", "flash_lifecycle",
                    "reminder", "template", "template_version", "value_event", "outcome", "daily_stat", "import_run",
                    "chat_message", "chat_day", "chat_day_sender", "member_snapshot", "wecom_stat", "plan_item",
                    "plan_delivery", "plan_notice", "plan_template", "plan_template_item", "group_invite", "operator", "notice_inbox",
                    "campaign_history");
            assertThat(scalar(s, "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(String.valueOf(Database.LATEST_SCHEMA_VERSION));
        }
    }

    @Test
    void reopeningIsANoOpAndKeepsData() throws Exception {
        Path file = dir.resolve("w.qundesk");
        Database db = Database.open(file);
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO workspace_setting (key, value) VALUES ('k', 'v')");
            }
            return null;
        });
        db.close();
        Database again = Database.open(file);
        try (Connection c = again.connect(); Statement s = c.createStatement()) {
            assertThat(scalar(s, "SELECT value FROM workspace_setting WHERE key = 'k'")).isEqualTo("v");
            assertThat(scalar(s, "SELECT count(*) FROM flyway_schema_history"))
                    .isEqualTo(String.valueOf(migrationFiles()));
        }
    }

    /** How many migrations the app carries (versions may skip a number while branches are merged). */
    private static long migrationFiles() throws Exception {
        Path folder = Path.of(MigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    @Test
    void theOpeningFastPathKnowsTheNewestMigrationFile() throws Exception {
        Path folder = Path.of(MigrationTest.class.getClassLoader().getResource("db/migration").toURI());
        int newest;
        try (var files = Files.list(folder)) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(Database.LATEST_SCHEMA_VERSION)
                .as("Database.LATEST_SCHEMA_VERSION must name the newest migration, or a workspace is not migrated")
                .isEqualTo(newest);
    }

    @Test
    void aHistoryWithAFailedStepIsLeftToFlywayWhichRefusesIt() throws Exception {
        Path file = dir.resolve("w.qundesk");
        Database.open(file).close();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '6'");
        }
        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(WorkspaceException.class);
    }

    @Test
    void aFileThatIsNotAWorkspaceIsRefusedWithAMessageKey() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "this is not a database, just some text that is long enough to look like a file");
        assertThatThrownBy(() -> Database.open(file)).isInstanceOfSatisfying(WorkspaceException.class,
                e -> assertThat(e.messageKey()).isEqualTo("workspace.error.open"));
    }

    @Test
    void foreignKeysAndChecksAreEnforced() {
        Database db = Database.open(dir.resolve("w.qundesk"));
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO group_tag (group_id, tag) VALUES (999, 'x')");
            }
            return null;
        })).isInstanceOf(DataAccessException.class);
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> tables(Statement s) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
