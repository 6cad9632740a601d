package com.qundesk.plan;

import com.qundesk.core.ValidationException;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Occurrences come from lib-recur in the operator's zone: month ends and DST as a calendar has them. */
class RecurrenceTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static PlanItem item(String rule, LocalDateTime start, ZoneId zone) {
        return new PlanItem(1L, 1, ValueDimension.INFORMATION, "t", null, null, Recurrence.normalise(rule),
                start.atZone(zone).toInstant(), zone, PlanItem.Source.MANUAL, Instant.EPOCH, null);
    }

    private static List<LocalDateTime> local(List<Instant> instants, ZoneId zone) {
        return instants.stream().map(i -> i.atZone(zone).toLocalDateTime()).toList();
    }

    private static Instant day(int y, int m, int d, ZoneId zone) {
        return LocalDate.of(y, m, d).atStartOfDay(zone).toInstant();
    }

    @Test
    void theThirtyFirstSkipsShortMonthsAndTheLastDayFollowsThem() {
        LocalDateTime start = LocalDateTime.of(2027, 1, 31, 20, 0);
        PlanItem on31 = item("FREQ=MONTHLY;BYMONTHDAY=31", start, SHANGHAI);
        assertThat(local(Recurrence.between(on31, day(2027, 1, 1, SHANGHAI), day(2027, 7, 1, SHANGHAI)), SHANGHAI))
                .containsExactly(start, LocalDateTime.of(2027, 3, 31, 20, 0), LocalDateTime.of(2027, 5, 31, 20, 0));
        PlanItem last = item("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1", start, SHANGHAI);
        assertThat(local(Recurrence.between(last, day(2027, 1, 1, SHANGHAI), day(2027, 5, 1, SHANGHAI)), SHANGHAI))
                .containsExactly(start, LocalDateTime.of(2027, 2, 28, 20, 0), LocalDateTime.of(2027, 3, 31, 20, 0),
                        LocalDateTime.of(2027, 4, 30, 20, 0));
    }

    @Test
    void theFirstFridayOfTheMonthAcrossAYearEnd() {
        PlanItem firstFriday = item("FREQ=MONTHLY;BYDAY=1FR", LocalDateTime.of(2026, 12, 4, 20, 0), SHANGHAI);
        assertThat(local(Recurrence.between(firstFriday, day(2026, 12, 1, SHANGHAI), day(2027, 3, 1, SHANGHAI)),
                SHANGHAI)).containsExactly(LocalDateTime.of(2026, 12, 4, 20, 0), LocalDateTime.of(2027, 1, 1, 20, 0),
                LocalDateTime.of(2027, 2, 5, 20, 0));
    }

    @Test
    void everyMondayAtNineStaysAtNineOnTheWallClockAcrossBothDstChanges() {
        PlanItem monday = item("FREQ=WEEKLY;BYDAY=MO", LocalDateTime.of(2027, 3, 22, 9, 0), BERLIN);
        List<Instant> spring = Recurrence.between(monday, day(2027, 3, 20, BERLIN), day(2027, 4, 1, BERLIN));
        // summer time starts on Sunday 28 March 2027: 09:00 is 08:00 UTC before, 07:00 UTC after
        assertThat(spring).containsExactly(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
        List<Instant> autumn = Recurrence.between(monday, day(2027, 10, 25, BERLIN), day(2027, 11, 2, BERLIN));
        // and ends on Sunday 31 October 2027
        assertThat(autumn).containsExactly(Instant.parse("2027-10-25T07:00:00Z"), Instant.parse("2027-11-01T08:00:00Z"));
        assertThat(local(spring, BERLIN)).allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
    }

    @Test
    void aDailyItemAskedLaterStartsFromWhereItWasAsked() {
        PlanItem daily = item("FREQ=DAILY", LocalDateTime.of(2026, 1, 1, 9, 0), SHANGHAI);
        List<Instant> got = Recurrence.between(daily, day(2026, 11, 30, SHANGHAI), day(2026, 12, 2, SHANGHAI));
        assertThat(local(got, SHANGHAI)).containsExactly(LocalDateTime.of(2026, 11, 30, 9, 0),
                LocalDateTime.of(2026, 12, 1, 9, 0));
        assertThat(Recurrence.isOccurrence(daily, got.getFirst())).isTrue();
        assertThat(Recurrence.isOccurrence(daily, got.getFirst().plusSeconds(60))).isFalse();
    }

    @Test
    void aRuleThatIsNotOneIsRefusedWithItsText() {
        assertThatThrownBy(() -> Recurrence.normalise("EVERY MONDAY")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().getFirst().messageKey())
                        .isEqualTo("validation.plan.rrule"));
    }
}
