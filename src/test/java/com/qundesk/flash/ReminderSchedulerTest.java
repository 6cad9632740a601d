package com.qundesk.flash;

import com.qundesk.db.Dialect;
import com.qundesk.workspace.AppContext;
import com.qundesk.group.Platform;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule lives in the workspace: each reminder fires once, across restarts, with a moved clock. */
@BothDatabases
class ReminderSchedulerTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static FlashPlan custom(Instant opens, Duration life, int count) {
        return new FlashPlan(null, LifetimePreset.CUSTOM, count, opens, life, null, "g{k}", null, Platform.WECHAT,
                null, null, null, null);
    }

    @Test
    void eachReminderFiresExactlyOnce() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        w.ctx.flash().create(custom(TestWorkspace.NOW, Duration.ofHours(48), 1));
        assertThat(w.ctx.scheduler().poll()).isEmpty();
        w.clock.advance(Duration.ofHours(24).plusMinutes(1));
        List<Notice> first = w.ctx.scheduler().poll();
        assertThat(first).singleElement().satisfies(n -> assertThat(n.type()).isEqualTo(Notice.Type.REMINDER));
        assertThat(w.ctx.scheduler().poll()).isEmpty();
        w.clock.advance(Duration.ofHours(23));
        assertThat(w.ctx.scheduler().poll()).singleElement()
                .satisfies(n -> assertThat(n.type()).isEqualTo(Notice.Type.REMINDER));
        w.clock.advance(Duration.ofHours(1));
        assertThat(w.ctx.scheduler().poll()).singleElement()
                .satisfies(n -> assertThat(n.type()).isEqualTo(Notice.Type.DISSOLUTION_DUE));
        assertThat(w.ctx.scheduler().poll()).isEmpty();
    }

    @Test
    void afterAClosedPeriodEverythingThatFellDueShowsOnceAsLateAndNeverAgain() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        w.ctx.flash().create(custom(TestWorkspace.NOW, Duration.ofHours(30), 3));
        // the app is closed; five days pass; a new process opens the same file
        w.clock.advance(Duration.ofDays(5));
        AppContext restarted = w.reopen();
        List<Notice> caughtUp = restarted.scheduler().poll();
        assertThat(caughtUp).hasSize(3).allSatisfy(n -> {
            assertThat(n.type()).isEqualTo(Notice.Type.DISSOLUTION_DUE);
            assertThat(n.late()).isTrue();
        });
        assertThat(restarted.flash().list()).allSatisfy(f -> assertThat(f.lifecycle().state()).isEqualTo(FlashState.DUE));
        assertThat(w.reopen().scheduler().poll()).isEmpty();
    }

    @Test
    void extendAndConvertCancelTheOldRemindersSoTheyNeverFire() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        List<FlashGroup> made = w.ctx.flash().create(custom(TestWorkspace.NOW, Duration.ofHours(48), 2));
        w.ctx.flash().extend(made.get(0).group().id(), TestWorkspace.NOW.plus(Duration.ofDays(10)), "replay");
        w.ctx.flash().convert(made.get(1).group().id(), "keep");
        w.clock.advance(Duration.ofDays(3));
        assertThat(w.ctx.scheduler().poll()).isEmpty();
        w.clock.advance(Duration.ofDays(7));
        assertThat(w.ctx.scheduler().poll()).singleElement().satisfies(n -> {
            assertThat(n.groupId()).isEqualTo(made.get(0).group().id());
            assertThat(n.type()).isEqualTo(Notice.Type.DISSOLUTION_DUE);
        });
    }

    @Test
    void plannedGroupsOpenWhenTheirTimeComes() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        long id = w.ctx.flash().create(custom(TestWorkspace.NOW.plus(Duration.ofHours(2)), Duration.ofHours(48), 1))
                .getFirst().group().id();
        assertThat(w.ctx.flash().get(id).lifecycle().state()).isEqualTo(FlashState.PLANNED);
        w.clock.advance(Duration.ofHours(2));
        assertThat(w.ctx.scheduler().poll()).singleElement()
                .satisfies(n -> assertThat(n.type()).isEqualTo(Notice.Type.OPENED));
        assertThat(w.ctx.flash().get(id).lifecycle().state()).isEqualTo(FlashState.OPEN);
        assertThat(w.ctx.scheduler().poll()).isEmpty();
    }
}
