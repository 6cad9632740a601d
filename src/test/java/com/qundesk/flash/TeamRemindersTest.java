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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders in a team: every operator's copy of the app polls the one schedule on the team's PostgreSQL server at the
 * same moment, and each reminder, scheduled opening and plan delivery is reported once in total, not once per copy.
 */
class TeamRemindersTest {

    private static final int GROUPS = 40;
    private static final int COPIES = 3;

    @TempDir
    Path dir;

    private TestWorkspace team;
    private final List<AppContext> copies = new ArrayList<>();

    @BeforeEach
    void copiesOnOneServer() {
        team = TestWorkspace.on(Dialect.POSTGRESQL, dir);
        copies.add(team.ctx);
        for (int i = 1; i < COPIES; i++) {
            copies.add(AppContext.open(team.paths, team.prefs, team.location, team.clock));
        }
    }

    @AfterEach
    void closeCopies() {
        copies.forEach(AppContext::close);
    }

    @Test
    void copiesPollingTogetherReportEachOpeningAndReminderOnceInTotal() throws Exception {
        List<FlashGroup> made = team.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, GROUPS,
                TestWorkspace.NOW.plus(Duration.ofHours(1)), Duration.ofHours(48), null, "快闪{k}", null,
                Platform.WECHAT, null, null, null, null));
        team.clock.advance(Duration.ofHours(2)); // every group's opening fell due, its reminders not yet
        List<Notice> opened = together(AppContext::scheduler, ReminderScheduler::poll);
        assertThat(counts(opened, Notice::groupId)).as("each opening reported by one copy").hasSize(GROUPS)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));

        team.clock.advance(Duration.ofDays(3)); // and now every reminder and every dissolution
        List<Notice> due = together(AppContext::scheduler, ReminderScheduler::poll);
        assertThat(counts(due, Notice::groupId)).as("each group's reminders reported by one copy").hasSize(GROUPS)
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(due).extracting(Notice::type).containsOnly(Notice.Type.DISSOLUTION_DUE);
        assertThat(together(AppContext::scheduler, ReminderScheduler::poll)).as("nothing twice").isEmpty();

        for (FlashGroup f : made) {
            List<String> moves = team.ctx.groups().history(f.group().id()).stream()
                    .filter(h -> "transition".equals(h.action()))
                    .map(h -> h.oldValue() + ">" + h.newValue()).toList();
            assertThat(moves).as("group %s's history", f.group().name()).containsExactlyInAnyOrder("planned>open", "open>due");
        }
    }

    @Test
    void copiesPollingTogetherAnnounceEachPlanDeliveryOnceInTotal() throws Exception {
        for (int i = 0; i < GROUPS; i++) {
            Group g = team.ctx.groups().create(Group.draft(Platform.WECHAT, "打卡群" + i, Purpose.FAN,
                    GroupKind.LONG_TERM).toBuilder().memberCount(40).build());
            team.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报", "早上好！", null,
                    "FREQ=DAILY", TestWorkspace.NOW.plus(Duration.ofMinutes(10))));
        }
        team.clock.advance(Duration.ofDays(2));
        List<PlannedDelivery> announced = together(AppContext::plans, p -> p.poll());
        assertThat(counts(announced, d -> d.item().id() + "@" + d.occurrence())).as("each occurrence once")
                .hasSize(GROUPS * 2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1L));
        assertThat(together(AppContext::plans, p -> p.poll())).isEmpty();
    }

    /** Every copy runs {@code poll} at the same moment, each on its own thread; what they reported, all together. */
    private <S, T> List<T> together(Function<AppContext, S> service, Function<S, List<T>> poll) throws Exception {
        CyclicBarrier start = new CyclicBarrier(COPIES);
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        try {
            List<Future<List<T>>> runs = new ArrayList<>();
            for (AppContext copy : copies) {
                Callable<List<T>> run = () -> {
                    S s = service.apply(copy);
                    start.await();
                    return poll.apply(s);
                };
                runs.add(pool.submit(run));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> r : runs) {
                all.addAll(r.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T, K> Map<K, Long> counts(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
