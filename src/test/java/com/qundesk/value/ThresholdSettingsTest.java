package com.qundesk.value;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.testsupport.StoredGroups;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.util.Map;

import static com.qundesk.testsupport.StoredGroups.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BothDatabases
class ThresholdSettingsTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void savedThresholdsDriveTheRulesAndBadOnesSaveNothing() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        StoredGroups s = new StoredGroups(w);
        Group big = s.group("130 members", Purpose.FAN, 130, 400);
        Group chatty = s.group("60 messages a day", Purpose.FAN, 50, 400);
        Group quiet = s.group("quiet for 20 days", Purpose.FAN, 50, 400);
        for (Group g : new Group[] {big, chatty}) {
            s.event(g, TODAY.minusDays(1).atTime(9, 0), ValueDimension.CASES, 10);
        }
        s.event(quiet, TODAY.minusDays(20).atTime(9, 0), ValueDimension.CASES, 10);
        for (int d = 0; d < 5; d++) {
            s.messages(chatty, TODAY.minusDays(d), 60);
        }
        assertThat(s.fired(big)).isEmpty();
        assertThat(s.fired(chatty)).isEmpty();
        assertThat(s.fired(quiet)).isEmpty();

        ThresholdSettings settings = w.ctx.thresholds();
        Map<String, String> values = new java.util.LinkedHashMap<>(settings.current());
        assertThat(values).containsEntry("health.oversizedMembers", "150").containsEntry("health.silentDays", "30")
                .containsEntry("health.noisyMessagesPerDay", "100");
        values.put("health.oversizedMembers", "120");
        values.put("health.noisyMessagesPerDay", "59.5");
        values.put("health.silentDays", "20");
        settings.save(values);
        assertThat(s.fired(big)).containsExactly(HealthRule.OVERSIZED);
        assertThat(s.fired(chatty)).containsExactly(HealthRule.NOISY);
        assertThat(s.fired(quiet)).containsExactly(HealthRule.SILENT);

        values.put("health.silentDays", "abc");
        values.put("health.oversizedMembers", "140");
        assertThatThrownBy(() -> settings.save(values)).isInstanceOf(ValidationException.class);
        assertThat(w.ctx.health().thresholds().oversizedMembers()).isEqualTo(120);
        assertThat(s.fired(big)).containsExactly(HealthRule.OVERSIZED);
    }

    @Test
    void sharesAreShownAndTakenAsPercentages() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        ThresholdSettings s = w.ctx.thresholds();
        double share = w.ctx.health().thresholds().concentratedTop3Share();
        Map<String, String> values = new java.util.LinkedHashMap<>(s.current());
        assertThat(values.get("health.concentratedTop3Share"))
                .isEqualTo(new java.math.BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros()
                        .toPlainString());
        values.put("health.concentratedTop3Share", "35");
        values.put("health.nearCapacityShare", "92.5");
        s.save(values);
        assertThat(w.ctx.health().thresholds().concentratedTop3Share()).isEqualTo(0.35);
        assertThat(w.ctx.health().thresholds().nearCapacityShare()).isEqualTo(0.925);
        assertThat(s.current()).containsEntry("health.concentratedTop3Share", "35")
                .containsEntry("health.nearCapacityShare", "92.5");
        assertThat(ThresholdSettings.FIELDS).filteredOn(ThresholdSettings.Field::percent)
                .extracting(ThresholdSettings.Field::key).containsExactlyInAnyOrder("health.concentratedTop3Share",
                        "health.adHeavyShare", "health.churnLeaveShare", "health.nearCapacityShare");

        values.put("health.adHeavyShare", "150"); // more than 100 %
        assertThatThrownBy(() -> s.save(values)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.messageArgs()).containsExactly("150", "0", "100")));
    }
}
