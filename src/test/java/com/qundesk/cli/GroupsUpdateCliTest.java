package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code groups update} and {@code --operator} as scripts use them, against a workspace file and against a team
 * workspace given as {@code postgresql://…}: the version in {@code groups list --format json}, the refusal of a stale
 * {@code --expect-version} (exit 1, "changed by … since version V", nothing written), the actor in the history.
 */
@BothDatabases
class GroupsUpdateCliTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CliRunner cli;
    private String ws;
    private long id;
    private TestWorkspace w;

    @BeforeEach
    void aWorkspaceWithOneGroup() {
        w = TestWorkspace.on(dialect, dir);
        id = w.ctx.groups().create(Group.draft(Platform.WECHAT, "读者群", Purpose.FAN, GroupKind.LONG_TERM)
                .toBuilder().owner("林一").memberCount(10).build()).id();
        ws = w.file != null ? w.file.toString() : w.location.display();
        w.ctx.close();
        cli = new CliRunner(dir);
    }

    private JsonNode listed() throws Exception {
        CliRunner.Result r = cli.run("groups", "list", "--format", "json", "--workspace", ws);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).get(0);
    }

    @Test
    void updateRaisesTheVersionAndListShowsVersionAndAssignee() throws Exception {
        assertThat(listed().get("version").asLong()).isEqualTo(1);
        assertThat(listed().get("assignee").isNull()).isTrue();

        CliRunner.Result r = cli.run("groups", "update", Long.toString(id), "--member-count", "40", "--tags", "VIP, 夜话",
                "--assignee", "ann", "--expect-version", "1", "--workspace", ws);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("saved at version 2");
        JsonNode g = listed();
        assertThat(g.get("version").asLong()).isEqualTo(2);
        assertThat(g.get("assignee").asText()).isEqualTo("ann");
        assertThat(g.get("memberCount").asInt()).isEqualTo(40);
        assertThat(g.get("tags").toString()).contains("VIP", "夜话");
    }

    @Test
    void aStaleExpectedVersionExitsOneSayingWhoChangedItAndWritesNothing() throws Exception {
        assertThat(cli.run("operator", "set-name", "Bob Li", "--operator", "bob", "--workspace", ws).code()).isZero();
        assertThat(cli.run("groups", "update", Long.toString(id), "--owner", "老周", "--operator", "bob",
                "--workspace", ws).code()).isZero();

        CliRunner.Result r = cli.run("--operator", "ann", "groups", "update", Long.toString(id), "--member-count", "15",
                "--expect-version", "1", "--workspace", ws);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("was changed by Bob Li since version 1").contains("version 2 now");
        JsonNode g = listed();
        assertThat(g.get("memberCount").asInt()).isEqualTo(10);
        assertThat(g.get("version").asLong()).isEqualTo(2);

        CliRunner.Result json = cli.run("groups", "update", Long.toString(id), "--member-count", "15",
                "--expect-version", "1", "--format", "json", "--workspace", ws);
        assertThat(json.code()).isEqualTo(1);
        JsonNode c = new ObjectMapper().readTree(json.out());
        assertThat(c.get("conflict").asBoolean()).isTrue();
        assertThat(c.get("sinceVersion").asLong()).isEqualTo(1);
        assertThat(c.get("changedBy").get(0).asText()).isEqualTo("Bob Li");
        assertThat(c.get("fields")).as("the fields the command would change; theirs kept the rest").hasSize(1);
        assertThat(c.get("fields").get(0).toString())
                .isEqualTo("{\"field\":\"memberCount\",\"theirs\":\"10\",\"mine\":\"15\",\"theyChanged\":false}");
    }

    @Test
    void theOperatorOptionIsRecordedAsWhoMadeTheChange() {
        assertThat(cli.run("groups", "update", Long.toString(id), "--name", "读者一群", "--operator", "carol",
                "--workspace", ws).code()).isZero();
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.location, w.clock)) {
            assertThat(ctx.groups().history(id)).filteredOn(e -> "name".equals(e.field())).singleElement()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("carol"));
        }
    }
}
