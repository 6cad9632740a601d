package com.qundesk.dashboard;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupScope;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.StoredGroups;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard of one operator: the numbers a workspace holding only their groups shows. */
@BothDatabases
class DashboardScopeTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static final LocalDate DAY = StoredGroups.TODAY;

    /** The groups of the three owners (null: unassigned) with value, outcomes, stats, a dissolved and an archived one. */
    private static void seed(TestWorkspace w, Set<String> owners) {
        StoredGroups s = new StoredGroups(w);
        int n = 0;
        for (String owner : new String[] {"alice", "bob", null}) {
            n++;
            if (!owners.contains(Objects.toString(owner, ""))) {
                continue;
            }
            String who = Objects.toString(owner, "nobody");
            Group events = assign(w, s.group(who + " events", Purpose.FAN, 100 * n, 200), owner);
            Group coupons = assign(w, s.group(who + " coupons", Purpose.SHOPPING, 150 + n, 300), owner);
            Group quiet = assign(w, s.group(who + " quiet", Purpose.FAN, 40 + n, 120), owner);
            Group gone = assign(w, s.group(who + " gone", Purpose.EVENT, 30, 400), owner);
            Group shelved = assign(w, s.group(who + " shelved", Purpose.FAN, 20, 400), owner);
            for (int d = 0; d < 40; d += 3) {
                s.stat(events, DAY.minusDays(d), 100 * n, d % 2, 20 * n + d, 0.4, 0);
                s.messages(quiet, DAY.minusDays(d + 20), 2);
            }
            s.event(events, DAY.minusDays(2).atTime(9, 0), ValueDimension.CASES, 30 * n);
            s.event(events, DAY.minusDays(50).atTime(9, 0), ValueDimension.CONNECTIONS, 10);
            s.event(gone, DAY.minusDays(9).atTime(10, 0), ValueDimension.CASES, 5); // before it was dissolved
            s.outcome(coupons, DAY.minusDays(4), OutcomeType.COUPONS_ISSUED, 40 * n);
            s.outcome(coupons, DAY.minusDays(4), OutcomeType.COUPONS_REDEEMED, 3 * n);
            s.outcome(coupons, DAY.minusDays(70), OutcomeType.GMV, 1000 * n);
            w.ctx.groups().markDissolved(gone.id(), "done", TestWorkspace.NOW.minusSeconds(3600));
            w.ctx.groups().archive(shelved.id());
        }
    }

    private static Group assign(TestWorkspace w, Group g, String owner) {
        return owner == null ? g : w.ctx.groups().update(g.toBuilder().assignee(owner).build());
    }

    /** What the dashboard shows, without the stored ids (which differ between two workspaces). */
    private static List<Object> shown(Portfolio p) {
        List<Object> out = new ArrayList<>();
        out.add(p.byStatus());
        out.add(p.byPurpose());
        out.add(List.of(p.liveGroups(), p.deliveredGroups(), p.deliveredShare()));
        out.add(p.deliveredTrend());
        out.add(p.valueByWeek());
        Portfolio.Funnel f = p.funnel();
        out.add(List.of(f.couponsIssued(), f.couponsRedeemed(), Objects.toString(f.redemptionRate()), f.orders(),
                f.gmv(), f.signups()));
        out.add(f.byGroup().stream().map(r -> r.name() + " " + r.rate()).toList());
        for (List<GroupHealth> list : List.of(p.top(), p.bottom(), p.recommendations())) {
            out.add(list.stream().map(h -> h.group().name() + " " + h.recommendation() + " " + h.index().value()
                    + " " + h.findings().stream().map(x -> x.rule()).toList()).toList());
        }
        out.add(p.flash());
        return out;
    }

    @Test
    void oneOperatorsDashboardIsTheDashboardOfAWorkspaceHoldingOnlyTheirGroups() {
        TestWorkspace team = TestWorkspace.on(dialect, dir.resolve("team"));
        seed(team, Set.of("alice", "bob", ""));
        TestWorkspace alone = TestWorkspace.on(dialect, dir.resolve("alice"));
        seed(alone, Set.of("alice"));
        TestWorkspace nobody = TestWorkspace.on(dialect, dir.resolve("nobody"));
        seed(nobody, Set.of(""));

        Portfolio alices = team.ctx.dashboard().portfolio(DAY, 30, GroupScope.of("alice"));
        assertThat(alices.liveGroups()).isEqualTo(3);
        assertThat(alices.byStatus()).containsEntry(GroupStatus.DISSOLVED, 1).containsEntry(GroupStatus.ARCHIVED, 1);
        assertThat(shown(alices)).isEqualTo(shown(alone.ctx.dashboard().portfolio(DAY, 30)));
        assertThat(shown(team.ctx.dashboard().portfolio(DAY, 30, GroupScope.UNASSIGNED)))
                .isEqualTo(shown(nobody.ctx.dashboard().portfolio(DAY, 30)));
        // the team's reading is every group's, as before
        assertThat(shown(team.ctx.dashboard().portfolio(DAY, 30, GroupScope.TEAM)))
                .isEqualTo(shown(team.ctx.dashboard().portfolio(DAY, 30)));
        assertThat(team.ctx.dashboard().portfolio(DAY, 30).liveGroups()).isEqualTo(9);
        // an operator nobody assigned anything to has an empty dashboard, not the team's
        Portfolio none = team.ctx.dashboard().portfolio(DAY, 30, GroupScope.of("o'brien"));
        assertThat(none.liveGroups()).isZero();
        assertThat(none.valueByWeek()).allSatisfy(w -> assertThat(w.counts()).isEmpty());
    }

    /** On the demo: the operators' and the unassigned dashboards add up to the team's, flash discipline included. */
    @Test
    void theOperatorsDashboardsAddUpToTheTeams() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        int i = 0;
        for (Group g : w.ctx.groups().list()) {
            String owner = switch (i++ % 3) {
                case 0 -> "alice";
                case 1 -> "bob";
                default -> null;
            };
            // every group: the demo's own team assignments are replaced, so the three parts cover the team
            w.ctx.groups().update(g.toBuilder().assignee(owner).build());
        }
        LocalDate day = w.ctx.health().today();
        Portfolio team = w.ctx.dashboard().portfolio(day, 30);
        List<Portfolio> parts = List.of(w.ctx.dashboard().portfolio(day, 30, GroupScope.of("alice")),
                w.ctx.dashboard().portfolio(day, 30, GroupScope.of("bob")),
                w.ctx.dashboard().portfolio(day, 30, GroupScope.UNASSIGNED));
        assertThat(parts).allSatisfy(p -> assertThat(p.liveGroups()).isPositive().isLessThan(team.liveGroups()));
        assertThat(parts.stream().mapToInt(Portfolio::liveGroups).sum()).isEqualTo(team.liveGroups());
        assertThat(parts.stream().mapToInt(Portfolio::deliveredGroups).sum()).isEqualTo(team.deliveredGroups());
        assertThat(parts.stream().mapToDouble(p -> p.funnel().couponsIssued()).sum())
                .isEqualTo(team.funnel().couponsIssued());
        assertThat(parts.stream().mapToInt(p -> p.flash().onTime() + p.flash().late()).sum())
                .isEqualTo(team.flash().onTime() + team.flash().late()).isPositive();
        assertThat(parts.stream().mapToInt(p -> p.flash().overdue()).sum()).isEqualTo(team.flash().overdue());
        Map<Object, Integer> statuses = new HashMap<>();
        Map<Object, Integer> weeks = new HashMap<>();
        for (Portfolio p : parts) {
            p.byStatus().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
            p.valueByWeek().forEach(wk -> wk.counts().forEach((d, v) -> weeks.merge(wk.weekStart() + " " + d, v,
                    Integer::sum)));
        }
        Map<Object, Integer> teamWeeks = new HashMap<>();
        team.valueByWeek().forEach(wk -> wk.counts().forEach((d, v) -> teamWeeks.put(wk.weekStart() + " " + d, v)));
        assertThat(statuses).isEqualTo(new HashMap<>(team.byStatus()));
        assertThat(weeks).isEqualTo(teamWeeks).isNotEmpty();
        assertThat(parts.stream().flatMap(p -> p.recommendations().stream())
                .map(h -> h.group().id() + " " + h.recommendation() + " " + h.index().value()))
                .containsExactlyInAnyOrderElementsOf(team.recommendations().stream()
                        .map(h -> h.group().id() + " " + h.recommendation() + " " + h.index().value()).toList());
    }
}
