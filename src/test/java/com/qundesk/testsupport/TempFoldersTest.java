package com.qundesk.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests leave no temporary folders behind: they take them from JUnit's {@code @TempDir}, which deletes them,
 * never from {@code Files.createTemp…}, which does not (five UI test classes once left 14 folders, 17 MiB, per run).
 */
class TempFoldersTest {

    /** Split so that this file does not name what it looks for. */
    private static final List<String> FORBIDDEN = List.of("Files.create" + "TempDirectory(", "Files.create" + "TempFile(");

    /**
     * The test PostgreSQL server outlives any one test class (one server per test JVM): it removes its own folder
     * in a shutdown hook, and the next start removes what a killed JVM left (PostgresServerTest checks both).
     */
    private static final List<String> CLEANS_UP_ITSELF = List.of("PostgresServer.java", "PostgresServerBinaries.java");

    @Test
    void noTestCreatesTemporaryFilesThatJUnitDoesNotDelete() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !CLEANS_UP_ITSELF.contains(p.getFileName().toString())).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return FORBIDDEN.stream().anyMatch(text::contains);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
        assertThat(offenders).as("use @TempDir instead").isEmpty();
    }
}
