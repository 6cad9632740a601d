package com.qundesk.value;

import com.qundesk.group.ValidationException;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdSettingsTest {

    @TempDir
    Path dir;

    @Test
    void savedThresholdsDriveTheRulesAndBadOnesSaveNothing() {
        TestWorkspace w = new TestWorkspace(dir);
        ThresholdSettings s = w.ctx.thresholds();
        Map<String, String> values = new java.util.LinkedHashMap<>(s.current());
        assertThat(values).containsEntry("health.oversizedMembers", "150");
        values.put("health.oversizedMembers", "120");
        s.save(values);
        assertThat(w.ctx.health().thresholds().oversizedMembers()).isEqualTo(120);
        values.put("health.silentDays", "abc");
        values.put("health.oversizedMembers", "90");
        assertThatThrownBy(() -> s.save(values)).isInstanceOf(ValidationException.class);
        assertThat(w.ctx.health().thresholds().oversizedMembers()).isEqualTo(120);
    }

    @Test
    void sharesAreShownAndTakenAsPercentages() {
        TestWorkspace w = new TestWorkspace(dir);
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
