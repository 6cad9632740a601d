package com.qundesk.report;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ReportChartsTest {

    @Test
    void theSixDimensionColoursAreTheAppThemesChartColoursInBothThemes() throws IOException {
        for (String theme : new String[] {"primer-light.css", "primer-dark.css"}) {
            String css;
            try (InputStream in = getClass().getResourceAsStream("/atlantafx/base/theme/" + theme)) {
                assertThat(in).as(theme).isNotNull();
                css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (int i = 0; i < ReportCharts.CHART.length; i++) {
                Matcher hex = Pattern.compile("-color-chart-" + (i + 1) + ":\\s*#([0-9a-fA-F]{6});").matcher(css);
                assertThat(hex.find()).as("%s defines -color-chart-%d", theme, i + 1).isTrue();
                assertThat(ReportCharts.CHART[i]).as("%s chart colour %d", theme, i + 1)
                        .isEqualTo(new Color(Integer.parseInt(hex.group(1), 16)));
            }
        }
    }

    @Test
    void countAxesStepInWholeNumbersWithAtMostFiveSteps() {
        assertThat(ReportCharts.step(0)).isEqualTo(1);
        assertThat(ReportCharts.step(3)).isEqualTo(1);
        assertThat(ReportCharts.step(6)).isEqualTo(2);
        assertThat(ReportCharts.step(12)).isEqualTo(5);
        assertThat(ReportCharts.step(25)).isEqualTo(5);
        assertThat(ReportCharts.step(26)).isEqualTo(10);
        assertThat(ReportCharts.step(480)).isEqualTo(100);
    }
}
