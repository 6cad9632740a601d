package com.qundesk.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite migrations ({@code db/migration}) and the PostgreSQL ones ({@code db/postgresql}) are one history: the
 * same file names, so the same versions and descriptions in Flyway's history, up to the version the app expects.
 * A new SQLite migration without its PostgreSQL twin (or the other way round) fails here.
 */
class MigrationFoldersTest {

    @Test
    void bothFoldersHoldTheSameMigrationsUpToTheLatestVersion() throws Exception {
        List<String> sqlite = migrationFiles(Schemas.SQLITE_MIGRATIONS);
        List<String> postgres = migrationFiles(Schemas.POSTGRES_MIGRATIONS);
        assertThat(postgres).as("db/postgresql against db/migration: the same versions and descriptions")
                .containsExactlyElementsOf(sqlite);
        assertThat(sqlite.getLast()).as("the newest migration is the version the app expects")
                .startsWith("V" + Database.LATEST_SCHEMA_VERSION + "__");
    }

    private static List<String> migrationFiles(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(MigrationFoldersTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))).toList();
        }
    }
}
