package com.qundesk.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 2024-10-04 11:42:07 in Shanghai. */
    private static final long T = 1_728_013_327L;

    private static LocalTimes.Parsed sh(String text) {
        return LocalTimes.parse(text, SHANGHAI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-04 11:42:07", "2024/10/04 11:42:07", "2024-10-4 11:42:07", "2024/10/4 11:42:07",
            "2024-10-04T11:42:07", "2024-10-04  11:42:07", "  2024-10-04 11:42:07 \r\n", "\uFEFF2024-10-04 11:42:07",
            "2024-10-04 11:42:07.123", "2024-10-04 11:42:07.5", "2024-10-04T11:42:07+08:00", "2024-10-04T03:42:07Z",
            "2024-10-04T03:42:07z", "2024-10-04T03:42:07 UTC", "2024-10-04T11:42:07.123456789+08:00",
            "2024-10-04T11:42:07+0800", "2024-10-04T11:42:07 +08:00", "2024-10-04T11:42:07+08",
            "2024-10-03T22:42:07-05:00", "2024-10-03T22:42:07-0500", "2024-10-04T03:42:07.999Z"})
    void secondPreciseForms(String text) {
        LocalTimes.Parsed p = sh(text);
        assertThat(p).as(text).isNotNull();
        assertThat(p.epochSecond()).as(text).isEqualTo(T);
        assertThat(p.hasSeconds()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-10-04 11:42", "2024/10/4 11:42", "10/4/2024 11:42", "2024-10-04T11:42",
            "2024-10-04 11:42 +08:00", "2024-10-04T11:42+08:00", "2024-10-04T03:42Z", "2024-10-03T22:42-05:00",
            "2024-10-03 22:42 -0500"})
    void minuteForms(String text) {
        LocalTimes.Parsed p = sh(text);
        assertThat(p).as(text).isNotNull();
        assertThat(p.epochSecond()).as(text).isEqualTo(T - 7);
        assertThat(p.hasSeconds()).as(text).isFalse();
    }

    @Test
    void noZeroPaddingAndMonthDayYear() {
        assertThat(sh("2024-1-5 9:05:07").epochSecond()).isEqualTo(1_704_416_707L);
        assertThat(sh("2024/1/5 9:5:7").epochSecond()).isEqualTo(1_704_416_707L);
        // a spreadsheet-re-saved WeChatMsg StrTime: M/D/YYYY, no seconds
        LocalTimes.Parsed us = sh("6/3/2021 17:30");
        assertThat(us.epochSecond()).isEqualTo(1_622_712_600L);
        assertThat(us.hasSeconds()).isFalse();
        assertThat(sh("06/03/2021 17:30:00").epochSecond()).isEqualTo(1_622_712_600L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30 10:00:00", "2023-02-29 10:00:00", "2024-04-31 10:00", "2024-13-01 10:00",
            "2024-00-10 10:00", "2024-10-00 10:00", "2024-10-04 24:00:00", "2024-10-04 23:60", "2024-10-04 23:59:61",
            "13/25/2021 10:00", "13/6/2021 10:00", "6-3-2021 17:30", "21/6/3 17:30", "0999-10-04 11:42:07",
            "2024-10-04", "11:42:07", "2024-10-04 11", "20241004114207", "2024-10-04 11:42:07 junk",
            "2024-10-04T11:42:07+25:00", "2024-10-04T11:42:07 Asia/Shanghai", "abc", "", "   ", "2024-10-04 ab:cd",
            "\uFEFF", "１２３４-10-04 11:42"})
    void unreadableOrImpossibleIsNull(String text) {
        assertThat(sh(text)).as(text).isNull();
    }

    @Test
    void nullIsNull() {
        assertThat(LocalTimes.parse(null, SHANGHAI)).isNull();
    }

    @Test
    void leapDayAndLeapSecond() {
        assertThat(sh("2024-02-29 12:00").epochSecond()).isEqualTo(1_709_179_200L);
        // 23:59:60 is read as 23:59:59
        assertThat(sh("2016-12-31 23:59:60").epochSecond()).isEqualTo(sh("2016-12-31 23:59:59").epochSecond());
    }

    @Test
    void zoneIsUsedOnlyWithoutAnOffset() {
        assertThat(LocalTimes.parse("2024-10-04 11:42:07", ZoneOffset.ofHours(-5)).epochSecond())
                .isEqualTo(1_728_060_127L);
        assertThat(LocalTimes.parse("2024-10-04 11:42", ZoneOffset.ofHours(-5)).epochSecond())
                .isEqualTo(1_728_060_120L);
        assertThat(LocalTimes.parse("2024-10-04T11:42:07+08:00", NEW_YORK).epochSecond()).isEqualTo(T);
        assertThat(LocalTimes.parse("2024-10-04 11:42:07", ZoneId.of("UTC")).epochSecond()).isEqualTo(T + 8 * 3600);
        assertThat(LocalTimes.parse("2024-10-04 11:42:07", ZoneId.of("GMT+08:00")).epochSecond()).isEqualTo(T);
        assertThat(LocalTimes.parse("2024-07-01 12:00", NEW_YORK).epochSecond()).isEqualTo(1_719_849_600L);
    }

    @Test
    void daylightSavingGapAndOverlapBehaveLikeZonedDateTime() {
        // 2024-03-10 02:30 does not exist in New York (clocks jump 02:00 -> 03:00): read as 03:30 EDT = 07:30Z
        LocalTimes.Parsed gap = LocalTimes.parse("2024-03-10 02:30:00", NEW_YORK);
        assertThat(gap.epochSecond()).isEqualTo(1_710_055_800L);
        assertThat(gap.epochSecond()).isEqualTo(
                ZonedDateTime.of(LocalDateTime.of(2024, 3, 10, 2, 30), NEW_YORK).toEpochSecond());
        // 2024-11-03 01:30 happens twice: the earlier (EDT, -04:00) is taken
        LocalTimes.Parsed overlap = LocalTimes.parse("2024-11-03 01:30:00", NEW_YORK);
        assertThat(overlap.epochSecond()).isEqualTo(1_730_611_800L);
        assertThat(overlap.epochSecond()).isEqualTo(
                ZonedDateTime.of(LocalDateTime.of(2024, 11, 3, 1, 30), NEW_YORK).toEpochSecond());
        // an explicit offset in the overlap picks the later one
        assertThat(LocalTimes.parse("2024-11-03T01:30:00-05:00", NEW_YORK).epochSecond())
                .isEqualTo(1_730_611_800L + 3600);
    }

    @CsvSource({"2024-10-04T11:42:07+08:00, 1728013327", "2024-10-04T03:42:07Z, 1728013327",
            "2024-10-04T11:42:07.250+08:00, 1728013327"})
    @ParameterizedTest
    void strictOffsetDateTime(String text, long epoch) {
        assertThat(LocalTimes.parseOffsetDateTime(text)).isEqualTo(epoch);
    }

    @Test
    void strictOffsetDateTimeRefusesLocalTimes() {
        assertThat(LocalTimes.parseOffsetDateTime("2024-10-04 11:42:07")).isNull();
        assertThat(LocalTimes.parseOffsetDateTime("2024-10-04T11:42:07")).isNull();
        assertThat(LocalTimes.parseOffsetDateTime("nonsense")).isNull();
        assertThat(LocalTimes.parseOffsetDateTime(null)).isNull();
    }

    @Test
    void plausibleRange() {
        assertThat(LocalTimes.plausible(946_684_800L)).isTrue();
        assertThat(LocalTimes.plausible(946_684_799L)).isFalse();
        assertThat(LocalTimes.plausible(4_102_444_799L)).isTrue();
        assertThat(LocalTimes.plausible(4_102_444_800L)).isFalse();
        assertThat(LocalTimes.plausible(T)).isTrue();
        assertThat(LocalTimes.plausible(T * 1000)).as("milliseconds").isFalse();
        // 2000-01-01 00:00 Shanghai is still 1999 in UTC: outside
        assertThat(LocalTimes.plausible(sh("2000-01-01 00:00").epochSecond())).isFalse();
    }
}
