package com.qundesk.template;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Filling template variables. */
class TemplateRendererTest {

    @Test
    void fillsEveryVariableInTheOperatorsZone() {
        String out = TemplateRenderer.render("{group}·{campaign}·{dissolve_at}·{owner}·{unknown}", "夜话会1群", "夜话会第13期",
                Instant.parse("2026-12-04T06:00:00Z"), "老周", ZoneId.of("Asia/Shanghai"));
        assertThat(out).isEqualTo("夜话会1群·夜话会第13期·2026-12-04 14:00·老周·{unknown}");
    }

    @Test
    void aGroupWithoutAnOwnerReadsAsTheGroupOwnerNotAGap() {
        assertThat(TemplateRenderer.ownerOrDefault(null, "zh")).isEqualTo("群主");
        assertThat(TemplateRenderer.ownerOrDefault("  ", "zh-CN")).isEqualTo("群主");
        assertThat(TemplateRenderer.ownerOrDefault("", "en")).isEqualTo("the group owner");
        assertThat(TemplateRenderer.ownerOrDefault("老周", "zh")).isEqualTo("老周");
    }
}
