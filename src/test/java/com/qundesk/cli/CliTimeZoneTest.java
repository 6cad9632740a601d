package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Times across DST changes, in a zone that has them (America/New_York: 2027-03-14 forward, 2027-11-07 back). */
@BothDatabases
class CliTimeZoneTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = CliRunner.on(dialect, dir);
        new UserPrefs(cli.paths.prefsFile()).put(UserPrefs.ZONE, "America/New_York");
        assertThat(cli.run("init", "--workspace", cli.ws).code()).isZero();
    }

    private JsonNode create(String opens, String duration) throws Exception {
        CliRunner.Result r = cli.run("flash", "create", "--preset", "custom", "--opens", opens, "--duration",
                duration, "--workspace", cli.ws);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get(0);
    }

    @Test
    void daysAndWeeksAreCalendarDaysAcrossADstChangeHoursAreExact() throws Exception {
        // 20:00 EST on the eve of the spring-forward day; one day later is 20:00 EDT, 23 hours on
        assertThat(create("2027-03-13T20:00", "P1D").get("dueAt").asText()).isEqualTo("2027-03-15T00:00:00Z");
        assertThat(create("2027-03-13T20:00", "P1W").get("dueAt").asText()).isEqualTo("2027-03-21T00:00:00Z");
        assertThat(create("2027-03-13T20:00", "P1DT2H").get("dueAt").asText()).isEqualTo("2027-03-15T02:00:00Z");
        assertThat(create("2027-03-13T20:00", "PT24H").get("dueAt").asText()).isEqualTo("2027-03-15T01:00:00Z");
        // fall back: one day is 25 hours
        assertThat(create("2027-11-06T20:00", "P1D").get("dueAt").asText()).isEqualTo("2027-11-08T01:00:00Z");
    }

    @Test
    void aLocalTimeThatDoesNotExistOrHappensTwiceIsSaidAndHowItWasRead() {
        CliRunner.Result gap = cli.run("flash", "create", "--preset", "custom", "--opens", "2027-03-14T02:30",
                "--duration", "PT2H", "--workspace", cli.ws);
        assertThat(gap.code()).as(gap.err()).isZero();
        assertThat(gap.err()).contains("Note: 2027-03-14T02:30 does not exist in America/New_York")
                .contains("read as 2027-03-14T03:30-04:00");
        CliRunner.Result overlap = cli.run("campaigns", "add", "--name", "N", "--type", "night-talk", "--start",
                "2027-11-07T01:30", "--end", "2027-11-07T03:00", "--workspace", cli.ws);
        assertThat(overlap.code()).as(overlap.err()).isZero();
        assertThat(overlap.err()).contains("Note: 2027-11-07T01:30 happens twice in America/New_York")
                .contains("read as the first, 2027-11-07T01:30-04:00").contains("Write 2027-11-07T01:30-05:00");
        CliRunner.Result plain = cli.run("campaigns", "add", "--name", "M", "--type", "night-talk", "--start",
                "2027-11-08T01:30", "--end", "2027-11-08T03:00", "--workspace", cli.ws);
        assertThat(plain.err()).isEmpty();
    }
}
