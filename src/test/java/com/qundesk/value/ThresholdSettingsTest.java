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
}
