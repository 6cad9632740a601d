package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Dialect;
import com.qundesk.imports.chat.RealExports;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first action: {@code import chat EXPORT --create-groups} into an empty workspace, for every exporter,
 * with the file written the way the exporter's own code writes it. The group is created once (an export with a member
 * list names the chat twice: by its id and in the member list) and the daily stats match the count made from the
 * same events by the daily-stats definition.
 */
@BothDatabases
class FirstImportCliTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RealExports.Exporter.class)
    void aRealExportImportsIntoAnEmptyWorkspaceWithCreateGroups(RealExports.Exporter exporter) throws Exception {
        CliRunner cli = CliRunner.on(dialect, dir);
        Path export = exporter.write(dir.resolve("export"));
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero(); // a new user's empty workspace

        CliRunner.Result r = cli.run("import", "chat", export.toString(), "--create-groups", "--workspace", cli.ws);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).doesNotContain("Another group");

        JsonNode groups = new ObjectMapper().readTree(cli.run("groups", "list", "--format", "json", "--workspace",
                cli.ws).out());
        assertThat(groups.size()).as(groups.toString()).isEqualTo(1);
        assertThat(groups.get(0).get("externalId").asText()).isEqualTo(RealExports.ROOM);

        CliRunner.Result stats = cli.run("stats", "daily", "--group", RealExports.ROOM, "--format", "json",
                "--workspace", cli.ws);
        assertThat(stats.code()).as(stats.err()).isZero();
        assertThat(daysOf(new ObjectMapper().readTree(stats.out())))
                .isEqualTo(RealExports.expected(RealExports.events(), exporter.knowsOwner));
    }

    static Map<LocalDate, RealExports.Day> daysOf(JsonNode arr) {
        Map<LocalDate, RealExports.Day> out = new TreeMap<>();
        for (JsonNode d : arr) {
            if (d.get("messages").asInt() == 0 && d.get("joins").asInt() == 0) {
                continue; // a day of notices only, or of a member snapshot
            }
            out.put(LocalDate.parse(d.get("day").asText()), new RealExports.Day(d.get("messages").asInt(),
                    d.get("speakers").asInt(), d.get("owner_messages").asInt(), d.get("joins").asInt()));
        }
        return out;
    }
}
