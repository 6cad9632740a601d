package com.qundesk.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules about the app's sources that class files cannot show: file length, table owners, the bench's place, and SQL
 * that only one of the two databases understands kept where a reader looks for it.
 */
class SourceRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final int MAX_LINES = 450;

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noFileOfTheAppIsLongerThan450Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path p : mainSources()) {
            long lines = Files.readAllLines(p, StandardCharsets.UTF_8).size();
            if (lines > MAX_LINES) {
                tooLong.add(MAIN.relativize(p) + " (" + lines + " lines)");
            }
        }
        assertThat(tooLong).as("files over %d lines: split them where their parts are separate ideas", MAX_LINES)
                .isEmpty();
    }

    /** INSERT/UPDATE/DELETE/REPLACE of a table, as written in the app's SQL strings. */
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT(?:\\s+OR\\s+\\w+)?\\s+INTO|REPLACE\\s+INTO|UPDATE(?:\\s+OR\\s+\\w+)?|DELETE\\s+FROM)\\s+"
                    + "([a-z_][a-z0-9_]*)\\b");

    @Test
    void everyTableIsWrittenByOneRepository() throws IOException {
        Map<String, TreeSet<String>> writers = new TreeMap<>();
        for (Path p : mainSources()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            Matcher m = WRITE.matcher(text);
            while (m.find()) {
                writers.computeIfAbsent(m.group(1), t -> new TreeSet<>()).add(MAIN.relativize(p).toString());
            }
        }
        Map<String, TreeSet<String>> shared = new TreeMap<>();
        writers.forEach((table, files) -> {
            if (files.size() > 1) {
                shared.put(table, files);
            }
        });
        assertThat(shared).as("tables written by more than one file: give each table one owning repository")
                .isEmpty();
        assertThat(writers).as("the rule sees the app's writes at all").containsKeys("chat_group", "daily_stat");
    }

    @Test
    void theAppsClassesHoldNoBenchClass() throws IOException {
        Path benchClasses = Path.of("target/classes/com/qundesk/bench");
        if (Files.isDirectory(benchClasses)) { // an empty folder may stay behind in a build from before the move
            try (Stream<Path> s = Files.walk(benchClasses)) {
                assertThat(s.filter(p -> p.toString().endsWith(".class")).toList())
                        .as("the bench is built from its own source root, not into the app's classes").isEmpty();
            }
        }
        assertThat(MAIN.resolve("com/qundesk/bench")).doesNotExist();
        assertThat(Path.of("src/bench/java/com/qundesk/bench")).isDirectory();
    }

    /** SQL only SQLite understands (each has a form both accept, or a {@code db/Dialect} method). */
    private static final Pattern SQLITE_ONLY = Pattern.compile(
            "\\b(last_insert_rowid|INSERT\\s+OR\\s+\\w+|group_concat|strftime|julianday|GLOB|PRAGMA|WITHOUT\\s+ROWID"
                    + "|IS\\s+NOT\\s+(?!NULL|TRUE|FALSE|DISTINCT)\\w+)\\b");
    /** A Java string literal. */
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Where SQLite-only SQL is right: the database layer, and a branch taken on SQLite only (file → why). */
    private static final Map<String, String> SQLITE_ONLY_ALLOWED = Map.of(
            "com/qundesk/imports/chat/ChatImportRepository.java",
            "a larger page cache for the import's connection, in a branch taken on SQLite only");

    @Test
    void sqlOnlySqliteUnderstandsStaysInTheDatabaseLayer() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : mainSources()) {
            String rel = MAIN.relativize(p).toString().replace('\\', '/');
            if (rel.startsWith("com/qundesk/db/") || SQLITE_ONLY_ALLOWED.containsKey(rel)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher literal = STRING.matcher(lines.get(i));
                while (literal.find()) {
                    Matcher m = SQLITE_ONLY.matcher(literal.group(1));
                    if (m.find()) {
                        found.add(rel + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("SQL a team workspace (PostgreSQL) refuses: write the form both databases accept, or put "
                + "the difference in db/Dialect").isEmpty();
    }
}
