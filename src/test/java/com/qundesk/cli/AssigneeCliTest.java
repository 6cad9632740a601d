package com.qundesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code due --assignee / --mine} and {@code health --assignee / --unassigned}: one operator's part of the lists. */
class AssigneeCliTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(CliRunner.Result r) throws Exception {
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<JsonNode> list(JsonNode arr) {
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    @Test
    void dueAndHealthListOneOperatorsItems() throws Exception {
        CliRunner cli = new CliRunner(dir);
        String ws = cli.ws;
        assertThat(cli.run("demo", "--workspace", ws).code()).isZero();
        String[] due = {"due", "--within", "48", "--format", "json", "--workspace", ws};
        List<JsonNode> before = list(json(cli.run(due)));
        List<Long> flashIds = before.stream().filter(n -> !"delivery".equals(n.get("kind").asText()))
                .map(n -> n.get("groupId").asLong()).distinct().toList();
        assertThat(flashIds).as("the demo has flash groups due").hasSizeGreaterThanOrEqualTo(3);
        assertThat(before).allSatisfy(n -> assertThat(n.has("assignee")).isTrue());
        assertThat(before).as("the demo's team (alice and bob are not in it)").noneMatch(n -> List.of("alice", "bob")
                .contains(n.get("assignee").asText("")));
        assertThat(cli.run("groups", "update", flashIds.get(0).toString(), "--assignee", "alice", "--workspace", ws)
                .code()).isZero();
        assertThat(cli.run("groups", "update", flashIds.get(1).toString(), "--assignee", "bob", "--workspace", ws)
                .code()).isZero();

        List<JsonNode> all = list(json(cli.run(due)));
        List<JsonNode> alices = list(json(cli.run("due", "--within", "48", "--format", "json", "--assignee", "alice",
                "--workspace", ws)));
        assertThat(alices).isNotEmpty().allSatisfy(n -> {
            assertThat(n.get("groupId").asLong()).isEqualTo(flashIds.get(0));
            assertThat(n.get("assignee").asText()).isEqualTo("alice");
        });
        assertThat(alices).hasSize((int) all.stream().filter(n -> n.get("groupId").asLong() == flashIds.get(0))
                .count());
        // mine, as Today's "Mine": alice's and the unassigned, not bob's
        List<JsonNode> mine = list(json(cli.run("due", "--within", "48", "--format", "json", "--mine",
                "--operator", "alice", "--workspace", ws)));
        assertThat(mine).hasSize((int) all.stream().filter(n -> n.get("assignee").isNull()
                || "alice".equals(n.get("assignee").asText())).count());
        assertThat(mine).noneMatch(n -> n.get("groupId").asLong() == flashIds.get(1));
        assertThat(mine).anyMatch(n -> n.get("assignee").isNull());
        assertThat(cli.run("due", "--mine", "--assignee", "bob", "--workspace", ws).code())
                .as("--mine and --assignee exclude each other").isEqualTo(QunDeskCli.USAGE);

        // health: the team's verdicts are alice's + bob's + the demo team's + the unassigned ones
        Set<Long> team = ids(json(cli.run("health", "--format", "json", "--workspace", ws)));
        Set<String> demoTeam = new HashSet<>();
        json(cli.run("groups", "list", "--format", "json", "--workspace", ws)).forEach(g -> {
            if (!g.get("assignee").isNull() && !List.of("alice", "bob").contains(g.get("assignee").asText())) {
                demoTeam.add(g.get("assignee").asText());
            }
        });
        assertThat(demoTeam).hasSize(3);
        List<Set<Long>> theirs = new ArrayList<>();
        for (String login : demoTeam) {
            theirs.add(ids(json(cli.run("health", "--format", "json", "--assignee", login, "--workspace", ws))));
        }
        Set<Long> ofAlice = ids(json(cli.run("health", "--format", "json", "--assignee", "alice", "--workspace", ws)));
        Set<Long> ofBob = ids(json(cli.run("health", "--format", "json", "--assignee", "bob", "--workspace", ws)));
        Set<Long> nobody = ids(json(cli.run("health", "--format", "json", "--unassigned", "--workspace", ws)));
        assertThat(ofAlice).containsExactly(flashIds.get(0));
        assertThat(ofBob).containsExactly(flashIds.get(1));
        Set<Long> sum = new HashSet<>(ofAlice);
        sum.addAll(ofBob);
        sum.addAll(nobody);
        theirs.forEach(sum::addAll);
        assertThat(sum).isEqualTo(team).hasSize(ofAlice.size() + ofBob.size() + nobody.size()
                + theirs.stream().mapToInt(Set::size).sum());
        assertThat(json(cli.run("health", "--format", "json", "--assignee", "alice", "--workspace", ws)).get(0)
                .get("assignee").asText()).isEqualTo("alice");
    }

    private static Set<Long> ids(JsonNode arr) {
        Set<Long> out = new HashSet<>();
        arr.forEach(n -> out.add(n.get("groupId").asLong()));
        return out;
    }
}
