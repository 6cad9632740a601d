package com.qundesk.db;

import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static com.qundesk.db.Schemas.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL migrations ({@code db/postgresql}) give the schema of the SQLite ones ({@code db/migration}): the
 * same history, tables, columns in the same order with the same nullability, defaults and type families, primary
 * keys, indices by name, unique constraints, foreign keys with their ON DELETE, number of CHECKs per table, triggers
 * by name, and seed rows. Each comparison is line by line over {@link SchemaShape}'s facts, so a difference is
 * named in the failure.
 */
class PostgresSchemaTest {

    private static PostgresServer.Database pg;

    @TempDir
    Path dir;

    @BeforeEach
    void migratedPostgres() {
        if (pg == null) {
            PostgresServer.Database db = PostgresServer.database(PostgresSchemaTest.class);
            Schemas.migratePostgres(db, "latest");
            pg = db;
        }
    }

    @Test
    void flywayMigratesAFreshDatabaseToTheSameHistoryAsAFreshSqliteWorkspace() throws Exception {
        String history = "SELECT version, description, type FROM flyway_schema_history WHERE success ORDER BY installed_rank";
        List<String> sqlite;
        try (Connection c = Schemas.sqlite(Schemas.freshSqlite(dir))) {
            sqlite = rows(c, history);
        }
        try (Connection c = pg.connect()) {
            assertThat(rows(c, history)).as("PostgreSQL's flyway_schema_history against SQLite's")
                    .containsExactlyElementsOf(sqlite)
                    .last().asString().startsWith(Database.LATEST_SCHEMA_VERSION + "|");
            assertThat(rows(c, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).containsExactly("0");
        }
    }

    @Test
    void theTwoSchemasHaveTheSameTablesColumnsKeysIndicesChecksAndTriggers() throws Exception {
        List<String> sqlite;
        try (Connection c = Schemas.sqlite(Schemas.freshSqlite(dir))) {
            sqlite = SchemaShape.ofSqlite(c);
        }
        List<String> postgres;
        try (Connection c = pg.connect()) {
            postgres = SchemaShape.ofPostgres(c);
        }
        assertThat(sqlite).as("the SQLite schema's facts (sanity)").hasSizeGreaterThan(300)
                .contains("chat_group column 01 id integer NOT NULL",
                        "plan_item fk (template_id) -> plan_template (id) ON DELETE SET NULL",
                        "outcome unique index ux_outcome_identity (group_id,day,type,(expr))",
                        "reminder index ix_reminder_pending (fire_at) WHERE …");
        assertThat(postgres).as("PostgreSQL schema (actual) against the SQLite schema (expected), fact by fact")
                .containsExactlyElementsOf(sqlite);
    }

    @Test
    void aFreshWorkspaceOfEachKindHoldsTheSameSeedRows() throws Exception {
        List<String> sqlite = new ArrayList<>();
        try (Connection c = Schemas.sqlite(Schemas.freshSqlite(dir))) {
            for (String t : SchemaShape.tables(c, false)) {
                rows(c, seedQuery(t)).forEach(r -> sqlite.add(t + ": " + r));
            }
        }
        List<String> postgres = new ArrayList<>();
        try (Connection c = pg.connect()) {
            for (String t : SchemaShape.tables(c, true)) {
                rows(c, seedQuery(t)).forEach(r -> postgres.add(t + ": " + r));
            }
        }
        assertThat(sqlite).as("a fresh SQLite workspace's rows").contains("registry_version: 1|token");
        assertThat(postgres).as("a fresh PostgreSQL workspace's rows against SQLite's")
                .containsExactlyInAnyOrderElementsOf(sqlite);
    }

    /** Every row of a table; the registry's token is random (SQLite) or drawn from a sequence: only its presence counts. */
    private static String seedQuery(String table) {
        return table.equals("registry_version")
                ? "SELECT id, CASE WHEN token IS NULL THEN NULL ELSE 'token' END FROM registry_version ORDER BY id"
                : "SELECT * FROM " + table + " ORDER BY 1";
    }
}
