package com.qundesk.cli;

import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a script calls it, on a team workspace: the same commands, a postgresql:// address for --workspace. */
class TeamWorkspaceCliTest {

    @TempDir
    Path dir;

    @Test
    void initAndDemoPrepareATeamDatabaseAndTheCommandsReadIt() {
        CliRunner cli = new CliRunner(dir);
        String team = PostgresServer.database(TeamWorkspaceCliTest.class).address().display();

        CliRunner.Result init = cli.run("init", "--workspace", team);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("New empty workspace created at " + team);

        CliRunner.Result demo = cli.run("demo", "--workspace", team);
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).startsWith("Demo workspace with ").contains(team);

        CliRunner.Result list = cli.run("groups", "list", "--format", "json", "--workspace", team);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"name\"");

        CliRunner.Result again = cli.run("init", "--workspace", team);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already has groups").contains(team);
        assertThat(cli.run("demo", "--workspace", team).code()).as("a demo over data is refused").isEqualTo(1);
    }

    @Test
    void fileCommandsSayATeamWorkspaceIsNoFileAndAnUnknownDatabaseIsNamed() {
        CliRunner cli = new CliRunner(dir);
        String team = PostgresServer.workspace(TeamWorkspaceCliTest.class).address().display();
        CliRunner.Result backup = cli.run("backup", "--workspace", team);
        assertThat(backup.code()).isEqualTo(1);
        assertThat(backup.err()).contains("is a team workspace on a server, not a file");

        String missing = team.substring(0, team.lastIndexOf('/') + 1) + "no_such_team";
        CliRunner.Result open = cli.run("groups", "list", "--workspace", missing);
        assertThat(open.code()).isEqualTo(1);
        assertThat(open.err()).contains("has no database no_such_team");
        assertThat(cli.run("groups", "list", "--workspace", "postgresql://lin:secret@127.0.0.1/x").err())
                .contains("contains a password").doesNotContain("secret");
    }
}
