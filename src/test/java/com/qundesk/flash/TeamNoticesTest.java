package com.qundesk.flash;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.plan.PlanRequest;
import com.qundesk.plan.PlannedDelivery;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.ValueDimension;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders in a team go to the people they are for: the copy of the app that claims a due item addresses it to the
 * group's assignee (no assignee: whoever is on duty) and, when it is overdue, to every lead too; each copy of the
 * app, polling the one schedule on the tests' own PostgreSQL server at the same moment as the others, shows what is
 * addressed to its operator, once, even when one operator runs two copies. On a workspace file, as before, every
 * notice is for its one operator.
 */
class TeamNoticesTest {

    /** The time a flash group of {@link #flashGroups} opens, and its dissolution falls due 48 h later. */
    private static final Instant OPENS = TestWorkspace.NOW.plus(Duration.ofHours(1));
    private static final Instant DUE = OPENS.plus(Duration.ofHours(48));

    @TempDir
    Path dir;

    private TestWorkspace w;
    /** Each running copy of the app, by a name for it ("ann", "ann#2" is a second copy of ann's). */
    private final Map<String, AppContext> copies = new LinkedHashMap<>();

    /** A team workspace with a copy of the app for each of {@code names} ("ann#2": ann's second copy); lee is a lead. */
    private void team(String... names) {
        w = TestWorkspace.on(Dialect.POSTGRESQL, dir);
        w.ctx.operators().setLead("lee", true);
        for (String name : names) {
            AppContext copy = AppContext.open(w.paths, w.prefs, w.location, w.clock);
            copy.actAs(name.replaceAll("#.*", ""));
            copies.put(name, copy);
        }
    }

    @AfterEach
    void closeCopies() {
        copies.values().forEach(AppContext::close);
        if (w != null) {
            w.ctx.close();
        }
    }

    @Test
    void anAssignedGroupsNoticesGoToItsAssigneeAndAnUnassignedOnesToExactlyOneCopy() throws Exception {
        team("bob", "ann", "carl");
        List<FlashGroup> made = flashGroups(3, "ann", "ann", null);
        long ann1 = made.get(0).group().id();
        long ann2 = made.get(1).group().id();
        long nobodys = made.get(2).group().id();
        w.clock.advance(Duration.ofMinutes(61)); // every opening falls due, none late

        // bob's copy polls first and claims every opening: ann's are not shown to bob, the unassigned one is
        assertThat(copies.get("bob").scheduler().poll()).extracting(Notice::groupId).containsExactly(nobodys);
        assertThat(copies.get("carl").scheduler().poll()).isEmpty();
        assertThat(copies.get("ann").scheduler().poll()).extracting(Notice::groupId).containsExactly(ann1, ann2)
                .hasSize(2);
        assertThat(copies.get("ann").scheduler().poll()).as("shown once").isEmpty();

        // and all three polling at the same moment: the same split, whoever claims
        w.clock.advance(Duration.ofHours(48)); // the dissolutions fall due (the reminders before them are late)
        Map<String, List<Notice>> due = together(c -> c.scheduler().poll());
        assertThat(shownBy(due, ann1)).as("bob's and carl's copies polled at the same moment").containsExactly("ann");
        assertThat(shownBy(due, ann2)).containsExactly("ann");
        assertThat(shownBy(due, nobodys)).as("the unassigned group's notice, by exactly one copy").hasSize(1);
        assertThat(due.get("ann")).extracting(Notice::type).containsOnly(Notice.Type.DISSOLUTION_DUE);
        assertThat(due.get("ann")).noneMatch(Notice::overdue);
        assertThat(together(c -> c.scheduler().poll()).values()).allSatisfy(l -> assertThat(l).isEmpty());
    }

    @Test
    void anOverdueNoticeGoesToTheAssigneeAndEachLeadOnceEachEvenWithTwoCopiesOfOneOperator() throws Exception {
        team("ann", "ann#2", "bob", "lee", "lee#2");
        w.ctx.operators().setLead("kim", true); // a lead whose copy is not running: told when they start it
        List<FlashGroup> made = flashGroups(3, "ann", "lee", null);
        long anns = made.get(0).group().id();
        long lees = made.get(1).group().id();
        long nobodys = made.get(2).group().id();
        w.clock.advance(Duration.ofDays(3)); // every copy was closed past the opening and the dissolution

        Map<String, List<Notice>> shown = together(c -> c.scheduler().poll());

        assertThat(shownBy(shown, anns)).as("ann's group: ann (one of her two copies) and the lead")
                .containsExactlyInAnyOrder("ann", "lee");
        assertThat(shownBy(shown, lees)).as("the lead's own group: not twice to the lead").containsExactly("lee");
        assertThat(shownBy(shown, nobodys)).as("the unassigned group: the leads own what nobody owns")
                .containsExactly("lee");
        assertThat(shown.values()).allSatisfy(l -> assertThat(l)
                .allSatisfy(n -> assertThat(n.overdue()).as("%s", n).isTrue()));
        assertThat(together(c -> c.scheduler().poll()).values()).allSatisfy(l -> assertThat(l).isEmpty());

        AppContext kim = AppContext.open(w.paths, w.prefs, w.location, w.clock);
        copies.put("kim", kim);
        kim.actAs("kim");
        assertThat(kim.scheduler().poll()).as("the lead who was away, on starting the app")
                .extracting(Notice::groupId).containsExactly(anns, lees, nobodys);
    }

    @Test
    void aDueGroupLeftUndissolvedADayAfterItsDueTimeIsOverdueOnceToTheAssigneeAndTheLeads() throws Exception {
        team("ann", "bob", "lee");
        List<FlashGroup> made = flashGroups(2, "ann", "ann");
        long left = made.get(0).group().id();
        long dissolved = made.get(1).group().id();
        w.clock.advance(Duration.ofMinutes(61));
        together(c -> c.scheduler().poll());
        w.clock.set(DUE.plusSeconds(30));
        Map<String, List<Notice>> due = together(c -> c.scheduler().poll());
        assertThat(due.get("ann")).extracting(Notice::groupId).containsExactlyInAnyOrder(left, dissolved);
        assertThat(due.get("lee")).as("on time: not the lead's business yet").isEmpty();
        w.ctx.flash().dissolve(dissolved, "活动结束", true);

        w.clock.set(DUE.plus(NoticeInbox.OVERDUE_AFTER).minusSeconds(1));
        assertThat(together(c -> c.scheduler().poll()).values()).allSatisfy(l -> assertThat(l).isEmpty());
        w.clock.set(DUE.plus(NoticeInbox.OVERDUE_AFTER));
        Map<String, List<Notice>> overdue = together(c -> c.scheduler().poll());

        assertThat(shownBy(overdue, left)).containsExactlyInAnyOrder("ann", "lee");
        assertThat(shownBy(overdue, dissolved)).as("dissolved in time").isEmpty();
        assertThat(overdue.get("lee")).singleElement().satisfies(n -> {
            assertThat(n.type()).isEqualTo(Notice.Type.DISSOLUTION_DUE);
            assertThat(n.overdue()).isTrue();
            assertThat(n.late()).as("every copy was running").isFalse();
            assertThat(n.dueAt()).isEqualTo(DUE);
        });
        w.clock.advance(Duration.ofDays(2));
        assertThat(together(c -> c.scheduler().poll()).values()).as("one overdue notice per due time")
                .allSatisfy(l -> assertThat(l).isEmpty());
    }

    @Test
    void aPlanDeliveryOfAnAssignedGroupIsAnnouncedToItsAssigneeOnceWhateverCopiesSheRuns() throws Exception {
        team("bob", "ann", "ann#2");
        for (int i = 0; i < 20; i++) {
            Group g = w.ctx.groups().create(Group.draft(Platform.WECHAT, "打卡群" + i, Purpose.FAN, GroupKind.LONG_TERM)
                    .toBuilder().memberCount(40).assignee(i % 2 == 0 ? "ann" : null).build());
            w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报", "早上好！", null,
                    "FREQ=DAILY", TestWorkspace.NOW.plus(Duration.ofMinutes(10))));
        }
        w.clock.advance(Duration.ofMinutes(11));

        assertThat(copies.get("bob").plans().poll()).as("bob's copy claims them all, shows the unassigned ones")
                .extracting(PlannedDelivery::groupName).hasSize(10)
                .allSatisfy(n -> assertThat(n).matches("打卡群\\d*[13579]"));
        assertThat(copies.get("ann").plans().poll()).extracting(PlannedDelivery::groupName).hasSize(10)
                .allSatisfy(n -> assertThat(n).matches("打卡群\\d*[02468]"));
        assertThat(copies.get("ann#2").plans().poll()).as("ann's second copy: shown already").isEmpty();

        for (int day = 1; day <= 3; day++) { // the next occurrences, every copy polling at the same moment
            w.clock.advance(Duration.ofDays(1));
            Map<String, List<String>> byDelivery = new LinkedHashMap<>();
            together(c -> c.plans().poll()).forEach((copy, shown) -> shown.forEach(d -> byDelivery
                    .computeIfAbsent(d.groupName() + "@" + d.occurrence(), k -> new ArrayList<>())
                    .add(copy.replaceAll("#.*", ""))));
            assertThat(byDelivery).as("day %d: each of the twenty once", day).hasSize(20)
                    .allSatisfy((k, who) -> assertThat(who).hasSize(1));
            assertThat(byDelivery).as("day %d: ann's groups to ann", day).allSatisfy((k, who) -> {
                if (k.matches("打卡群\\d*[02468]@.*")) {
                    assertThat(who).as(k).containsExactly("ann");
                }
            });
        }
    }

    @Test
    void onAWorkspaceFileEveryNoticeIsForItsOneOperatorAsBefore() {
        w = TestWorkspace.on(Dialect.SQLITE, dir);
        w.ctx.operators().setLead("lee", true);
        List<FlashGroup> made = flashGroups(2, "someone-else", null);
        w.clock.advance(Duration.ofMinutes(61));
        assertThat(w.ctx.scheduler().poll()).extracting(Notice::groupId)
                .containsExactly(made.get(0).group().id(), made.get(1).group().id());
        w.clock.set(DUE.plusSeconds(30));
        assertThat(w.ctx.scheduler().poll()).hasSize(2).noneMatch(Notice::overdue);
        w.clock.set(DUE.plus(NoticeInbox.OVERDUE_AFTER).plusSeconds(1));
        assertThat(w.ctx.scheduler().poll()).as("no second notice on a file: its operator was told").isEmpty();
    }

    /** Flash groups opening at {@link #OPENS}, due at {@link #DUE}, assigned to {@code assignees} (null: nobody). */
    private List<FlashGroup> flashGroups(int count, String... assignees) {
        List<FlashGroup> made = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, count, OPENS,
                Duration.ofHours(48), null, "快闪{k}", null, Platform.WECHAT, null, null, null, null));
        for (int i = 0; i < count; i++) {
            Group g = w.ctx.groups().get(made.get(i).group().id());
            w.ctx.groups().update(g.toBuilder().assignee(assignees[i]).build());
        }
        return made;
    }

    /** The names of the operators whose copies showed a notice of group {@code groupId} (a name per notice). */
    private static List<String> shownBy(Map<String, List<Notice>> shown, long groupId) {
        List<String> out = new ArrayList<>();
        shown.forEach((copy, notices) -> notices.stream().filter(n -> n.groupId() == groupId)
                .forEach(n -> out.add(copy.replaceAll("#.*", ""))));
        return out;
    }

    /** Every copy runs {@code poll} at the same moment, each on its own thread; what each showed, by copy. */
    private <T> Map<String, List<T>> together(Function<AppContext, List<T>> poll) throws Exception {
        CyclicBarrier start = new CyclicBarrier(copies.size());
        ExecutorService pool = Executors.newFixedThreadPool(copies.size());
        try {
            Map<String, Future<List<T>>> runs = new LinkedHashMap<>();
            copies.forEach((name, copy) -> runs.put(name, pool.submit(() -> {
                start.await();
                return poll.apply(copy);
            })));
            Map<String, List<T>> out = new LinkedHashMap<>();
            for (var r : runs.entrySet()) {
                out.put(r.getKey(), r.getValue().get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
