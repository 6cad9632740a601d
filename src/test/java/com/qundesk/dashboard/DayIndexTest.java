package com.qundesk.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DayIndexTest {

    @Test
    void agreesWithTheZoneConversionAcrossDaylightSavingChanges() {
        for (String zoneId : new String[] {"Europe/London", "America/Los_Angeles", "Asia/Shanghai", "UTC"}) {
            ZoneId z = ZoneId.of(zoneId);
            LocalDate first = LocalDate.of(2026, 1, 1);
            LocalDate last = LocalDate.of(2026, 12, 31);
            DayIndex days = new DayIndex(first, last, z);
            Random random = new Random(7);
            long from = days.startMillis() - 86_400_000L;
            long span = days.endMillis() - from + 86_400_000L;
            for (int i = 0; i < 20_000; i++) {
                long at = from + (long) (random.nextDouble() * span);
                LocalDate local = Instant.ofEpochMilli(at).atZone(z).toLocalDate();
                int expected = local.isBefore(first) || local.isAfter(last) ? -1
                        : (int) (local.toEpochDay() - first.toEpochDay());
                assertThat(days.indexOf(at)).as("%s at %d", zoneId, at).isEqualTo(expected);
            }
            assertThat(days.indexOf(days.startMillis())).isZero();
            assertThat(days.indexOf(days.endMillis() - 1)).isEqualTo(364);
            assertThat(days.indexOf(days.endMillis())).isEqualTo(-1);
        }
    }
}
