package com.qundesk.shell;

import com.qundesk.core.UserPrefs;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Platform;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's first read at the workspace's open: whose items and the value plan's deliveries (the dearest part) only when
 * the window will open on Today — something is due, or Today was the view last open; the board always, since it
 * decides which view opens.
 */
class TodayStartTest {

    @TempDir
    Path dir;

    @Test
    void nothingDueAndAnotherViewLastOpenReadsTheBoardOnly() {
        TestWorkspace w = new TestWorkspace(dir);
        w.prefs.put(UserPrefs.LAST_VIEW, Section.DASHBOARD.token());
        TodayStart start = TodayStart.read(w.ctx, w.clock.instant());
        assertThat(start.needsAttention()).isFalse();
        assertThat(start.complete()).isFalse();
        assertThat(start.deliveries()).isNull();

        w.prefs.put(UserPrefs.LAST_VIEW, Section.TODAY.token());
        assertThat(TodayStart.read(w.ctx, w.clock.instant()).complete()).isTrue();
    }

    @Test
    void somethingDueReadsAllWhateverViewWasLastOpen() {
        TestWorkspace w = new TestWorkspace(dir);
        w.prefs.put(UserPrefs.LAST_VIEW, Section.DASHBOARD.token());
        // three resource flash groups of ten minutes, opened two days ago: overdue now
        w.clock.set(TestWorkspace.NOW.minus(Duration.ofDays(2)));
        w.ctx.flash().create(new FlashPlan(null, LifetimePreset.RESOURCE_FLASH, 3, w.clock.instant(), null, null,
                null, null, Platform.WECHAT, null, null, null, null));
        w.clock.set(TestWorkspace.NOW);
        TodayStart start = TodayStart.read(w.ctx, w.clock.instant());
        assertThat(start.needsAttention()).isTrue();
        assertThat(start.complete()).isTrue();
        assertThat(start.board().overdue()).hasSize(3);
    }
}
