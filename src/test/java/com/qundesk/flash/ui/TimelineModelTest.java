package com.qundesk.flash.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Platform;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineModelTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void rangesForDayWeekAndMonth() {
        LocalDate wed = LocalDate.of(2026, 11, 25);
        Instant[] day = TimelineModel.range(TimelineModel.Scale.DAY, wed, SH);
        assertThat(Duration.between(day[0], day[1])).isEqualTo(Duration.ofDays(1));
        Instant[] week = TimelineModel.range(TimelineModel.Scale.WEEK, wed, SH);
        assertThat(week[0].atZone(SH).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Duration.between(week[0], week[1])).isEqualTo(Duration.ofDays(7));
        Instant[] month = TimelineModel.range(TimelineModel.Scale.MONTH, wed, SH);
        assertThat(month[0].atZone(SH).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(month[1].atZone(SH).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(TimelineModel.step(TimelineModel.Scale.MONTH, wed, 1)).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(TimelineModel.x(week[0].plus(Duration.ofHours(84)), week[0], week[1], 700)).isEqualTo(350);
    }

    @Test
    void campaignsAreFollowedByTheirFlashGroupsInTheVisibleRange() {
        TestWorkspace w = new TestWorkspace(dir);
        Campaign k = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "Talk",
                TestWorkspace.NOW.plus(Duration.ofHours(8)), TestWorkspace.NOW.plus(Duration.ofHours(10))));
        w.ctx.flash().create(new FlashPlan(k.id(), LifetimePreset.ACTIVITY, 2, TestWorkspace.NOW, null, null, null,
                null, Platform.WECHAT, null, null, null, null));
        Instant[] week = TimelineModel.range(TimelineModel.Scale.WEEK, TestWorkspace.NOW.atZone(SH).toLocalDate(), SH);
        List<FlashGroup> flash = w.ctx.flash().list();
        List<TimelineModel.Row> rows = TimelineModel.rows(w.ctx.campaigns().list(), flash,
                w.ctx.flash().activeReminders(), week[0], week[1], TestWorkspace.NOW);
        assertThat(rows).extracting(TimelineModel.Row::kind).containsExactly(TimelineModel.Kind.CAMPAIGN,
                TimelineModel.Kind.FLASH, TimelineModel.Kind.FLASH);
        assertThat(rows.get(1).state()).isEqualTo(FlashState.OPEN);
        assertThat(rows.get(1).reminders()).hasSize(2);
        assertThat(TimelineCanvas.color(rows.get(1))).isNotEqualTo(TimelineCanvas.color(rows.get(0)));
        Instant[] farAway = TimelineModel.range(TimelineModel.Scale.DAY, LocalDate.of(2027, 6, 1), SH);
        assertThat(TimelineModel.rows(w.ctx.campaigns().list(), flash, List.of(), farAway[0], farAway[1],
                TestWorkspace.NOW)).isEmpty();
    }

    @Test
    void reschedulingMovesTheDueTimeAndItsReminders() {
        TestWorkspace w = new TestWorkspace(dir);
        FlashGroup f = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, 1, TestWorkspace.NOW,
                Duration.ofDays(3), null, null, null, Platform.WECHAT, null, null, null, null)).getFirst();
        Instant later = f.lifecycle().dueAt().plus(Duration.ofDays(2));
        w.ctx.flash().reschedule(f.group().id(), later);
        assertThat(w.ctx.flash().get(f.group().id()).lifecycle().dueAt()).isEqualTo(later);
        assertThat(w.ctx.flash().reminders(f.group().id()).stream().filter(r -> r.cancelledAt() == null))
                .extracting(com.qundesk.flash.Reminder::fireAt)
                .containsExactly(later.minus(Duration.ofHours(24)), later.minus(Duration.ofHours(1)), later);
    }
}
