package com.qundesk.flash;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LifetimePresetTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static Instant at(String local, ZoneId z) {
        return LocalDateTime.parse(local).atZone(z).toInstant();
    }

    @Test
    void resourceFlashLivesTenMinutes() {
        Instant open = at("2026-11-24T15:00", SH);
        assertThat(LifetimePreset.RESOURCE_FLASH.dueAt(open, null, null, null, SH))
                .isEqualTo(open.plus(Duration.ofMinutes(10)));
    }

    @Test
    void activityGroupsEndThreeCalendarDaysAfterTheCampaignAcrossMonthAndYearEnds() {
        assertThat(activity("2026-01-30T22:00")).isEqualTo(at("2026-02-02T22:00", SH));
        assertThat(activity("2026-02-28T22:00")).isEqualTo(at("2026-03-03T22:00", SH));
        assertThat(activity("2028-02-28T22:00")).isEqualTo(at("2028-03-02T22:00", SH));
        assertThat(activity("2026-12-30T22:00")).isEqualTo(at("2027-01-02T22:00", SH));
    }

    private static Instant activity(String end) {
        return LifetimePreset.ACTIVITY.dueAt(at("2026-01-01T00:00", SH), at(end, SH), null, null, SH);
    }

    @Test
    void campsEndOneDayAfterTheirLastDayAcrossAMonthEnd() {
        assertThat(LifetimePreset.CAMP.dueAt(at("2026-01-10T09:00", SH), at("2026-01-31T22:00", SH), null, null, SH))
                .isEqualTo(at("2026-02-01T22:00", SH));
    }

    @Test
    void daysAreCalendarDaysAcrossDaylightSavingTime() {
        Instant end = at("2026-03-06T20:00", NY);
        Instant due = LifetimePreset.ACTIVITY.dueAt(end, end, null, null, NY);
        assertThat(due.atZone(NY).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-09T20:00"));
        assertThat(Duration.between(end, due)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void customTakesADurationOrAnAbsoluteTimeWhichWins() {
        Instant open = at("2026-11-24T10:00", SH);
        assertThat(LifetimePreset.CUSTOM.dueAt(open, null, Duration.ofHours(5), null, SH))
                .isEqualTo(open.plus(Duration.ofHours(5)));
        Instant abs = at("2026-11-30T10:00", SH);
        assertThat(LifetimePreset.CUSTOM.dueAt(open, null, Duration.ofHours(5), abs, SH)).isEqualTo(abs);
    }
}
