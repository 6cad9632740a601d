package com.qundesk.demo;

import com.qundesk.campaign.Campaign;
import com.qundesk.group.Group;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo is run by a team of three named operators — whoever creates it (as 林晓) and two colleagues: its groups and
 * campaigns are assigned to them, the same every time.
 */
class DemoTeamTest {

    @TempDir
    Path dir;

    @Test
    void theDemoTeamHasDisplayNamesAndEachOperatorHasGroupsAndCampaigns() {
        AppContext ctx = TestWorkspace.demo(dir.resolve("a")).ctx;

        String you = ctx.operator();
        assertThat(ctx.operators().displayNames())
                .containsExactlyInAnyOrderEntriesOf(Map.of(you, "林晓", "zhouzhou", "周舟", "chenyi", "陈一"));
        Map<String, Long> groupsPerOperator = ctx.groups().list().stream().map(Group::assignee)
                .filter(Objects::nonNull).collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
        assertThat(groupsPerOperator.keySet()).containsExactlyInAnyOrder("chenyi", you, "zhouzhou");
        assertThat(groupsPerOperator.values()).allMatch(n -> n >= 5);
        assertThat(ctx.groups().list()).as("some groups are nobody's yet").anyMatch(g -> g.assignee() == null);
        assertThat(ctx.campaigns().list().stream().map(Campaign::assignee).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("chenyi", you, "zhouzhou");
    }

    @Test
    void theAssignmentsAreTheSameEveryTime() {
        assertThat(assignments(TestWorkspace.demo(dir.resolve("a")).ctx))
                .isEqualTo(assignments(TestWorkspace.demo(dir.resolve("b")).ctx));
    }

    private static Map<String, String> assignments(AppContext ctx) {
        Map<String, String> out = new TreeMap<>();
        ctx.groups().list().forEach(g -> out.put("group " + g.name(), String.valueOf(g.assignee())));
        ctx.campaigns().list().forEach(k -> out.put("campaign " + k.name(), String.valueOf(k.assignee())));
        return out;
    }
}
