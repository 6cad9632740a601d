package com.qundesk.db;

import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CHECK constraints behave alike on both databases: for every CHECK of the schema, a row that SQLite refuses is
 * refused by PostgreSQL too, as a CHECK violation (not a type or key error), while the same row with valid values
 * is accepted by both. One table of bad values ({@link SchemaCheckCases}), run on each database; every insert is
 * rolled back.
 */
class SchemaCheckParityTest {

    enum Engine { SQLITE, POSTGRESQL }

    @TempDir
    static Path sqliteDir;
    private static Path sqliteFile;
    private static PostgresServer.Database pg;

    /** Rows the bad inserts refer to: groups 1 and 2, a campaign, a flash lifecycle, templates, an import, a plan item. */
    private static final List<String> BASE_ROWS = List.of(
            "INSERT INTO chat_group (id, platform, name, purpose, kind, capacity, updated_at) VALUES"
                    + " (1, 'wechat', '一群', 'fan', 'long-term', 500, 0), (2, 'wecom', '二群', 'fan', 'flash', 200, 0)",
            "INSERT INTO campaign (id, type, name, starts_at, ends_at, created_at, updated_at) VALUES (1, 'other', 'c', 0, 1, 0, 0)",
            "INSERT INTO flash_lifecycle (group_id, preset, state, opens_at, due_at) VALUES (1, 'custom', 'open', 0, 1)",
            "INSERT INTO template (id, kind, name, language) VALUES (1, 'rules', '群规', 'zh')",
            "INSERT INTO template_version (id, template_id, version, body, created_at) VALUES (1, 1, 1, 'b', 0)",
            "INSERT INTO import_run (id, started_at, finished_at, kind, source, file_name, file_size, format, zone)"
                    + " VALUES (1, 0, 0, 'chat', 's', 'f', 0, 'x', 'UTC')",
            "INSERT INTO plan_template (id, name, created_at) VALUES (1, 'pt', 0)",
            "INSERT INTO plan_item (id, group_id, dimension, title, start_at, zone, created_at) VALUES"
                    + " (1, 1, 'cases', 'p', 0, 'UTC', 0)");

    @BeforeEach
    void workspaces() throws Exception {
        if (sqliteFile == null) {
            Path file = Schemas.freshSqlite(sqliteDir);
            try (Connection c = Schemas.sqlite(file)) {
                insertBaseRows(c);
            }
            sqliteFile = file;
        }
        if (pg == null) {
            PostgresServer.Database db = PostgresServer.database(SchemaCheckParityTest.class);
            Schemas.migratePostgres(db, "latest");
            try (Connection c = db.connect()) {
                insertBaseRows(c);
                Schemas.moveIdentitiesOn(c);
            }
            pg = db;
        }
    }

    static Stream<Arguments> badRows() {
        return Stream.of(Engine.values()).flatMap(e -> SchemaCheckCases.BAD.stream().map(b -> Arguments.of(e, b)));
    }

    static Stream<Arguments> validRows() {
        return Stream.of(Engine.values()).flatMap(e -> SchemaCheckCases.VALID.keySet().stream().map(t -> Arguments.of(e, t)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("badRows")
    void aRowThatBreaksACheckIsRefusedAsACheckViolation(Engine engine, SchemaCheckCases.Bad bad) throws Exception {
        try (Connection c = connect(engine)) {
            assertThatThrownBy(() -> insertAndRollBack(c, bad.insert()))
                    .as("%s must refuse %s", engine, bad)
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        if (engine == Engine.POSTGRESQL) {
                            assertThat(e.getSQLState()).as("check_violation, not: " + e.getMessage()).isEqualTo("23514");
                        } else {
                            assertThat(e.getMessage()).contains("CHECK constraint failed");
                        }
                    });
        }
    }

    @ParameterizedTest(name = "{0} accepts the valid {1} row the bad ones are made from")
    @MethodSource("validRows")
    void theValidRowIsAccepted(Engine engine, String table) throws Exception {
        try (Connection c = connect(engine)) {
            insertAndRollBack(c, SchemaCheckCases.insert(table, Map.of()));
        }
    }

    @Test
    void everyCheckOfTheSchemaHasABadRow() throws Exception {
        Map<String, Long> cases = SchemaCheckCases.BAD.stream()
                .collect(Collectors.groupingBy(SchemaCheckCases.Bad::table, TreeMap::new, Collectors.counting()));
        Map<String, Long> checks = new TreeMap<>();
        try (Connection c = Schemas.sqlite(sqliteFile)) {
            SchemaShape.ofSqlite(c).stream().filter(f -> f.matches("\\S+ checks \\d+") && !f.endsWith(" 0"))
                    .forEach(f -> checks.put(f.substring(0, f.indexOf(' ')), Long.parseLong(f.substring(f.lastIndexOf(' ') + 1))));
        }
        assertThat(checks).as("SQLite's CHECKs per table (sanity)").containsEntry("chat_group", 18L);
        checks.forEach((table, n) -> assertThat(cases.getOrDefault(table, 0L))
                .as("bad rows for the %d CHECKs of %s", n, table).isGreaterThanOrEqualTo(n));
        assertThat(SchemaCheckCases.VALID.keySet()).containsAll(cases.keySet().stream()
                .filter(t -> !t.equals("registry_version")).toList());
    }

    private static Connection connect(Engine engine) throws SQLException {
        return engine == Engine.SQLITE ? Schemas.sqlite(sqliteFile) : pg.connect();
    }

    private static void insertBaseRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : BASE_ROWS) {
                s.executeUpdate(sql);
            }
        }
    }

    private static void insertAndRollBack(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } finally {
            c.rollback();
        }
    }
}
