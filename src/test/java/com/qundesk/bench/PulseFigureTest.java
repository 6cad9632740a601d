package com.qundesk.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The responsiveness figure places each long gap in the import's phases from what the app's probe wrote. */
class PulseFigureTest {

    private static SpawnedApp.Outcome probeWrote(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return new SpawnedApp.Outcome(p, 0, 0, Map.of(), null, null);
    }

    @Test
    void eachLongGapIsPlacedByItsEndInTheImportsPhases() {
        SpawnedApp.Outcome r = probeWrote("importStartedMs", "10000", "previewReadyMs", "9000",
                "firstProgressMs", "10500", "lastProgressMs", "18000", "importEndedMs", "19000",
                "reportShownMs", "19050",
                // end:ms — the probe lists gaps over 50 ms; one of exactly 50 is not long
                "longGaps", "10400:60,12000:70,18500:120,19050:55,19600:90,15000:50");

        List<Map<String, Object>> gaps = PulseFigure.longGaps(r);

        assertThat(gaps).extracting(g -> g.get("phase")).containsExactly("start→first progress", "progress",
                "last progress→file ended", "file ended→report", "after the report");
        assertThat(gaps).extracting(g -> g.get("endMs")).containsExactly(400L, 2000L, 8500L, 9050L, 9600L);
        assertThat(gaps).extracting(g -> g.get("ms")).containsExactly(60L, 70L, 120L, 55L, 90L);
        assertThat(PulseFigure.phases(r)).containsEntry("previewReady", -1000L).containsEntry("firstProgress", 500L)
                .containsEntry("reportShown", 9050L);
    }

    @Test
    void aRunWithoutLongGapsOrProgressHasNone() {
        SpawnedApp.Outcome r = probeWrote("importStartedMs", "10000", "importEndedMs", "11000", "longGaps", "");

        assertThat(PulseFigure.longGaps(r)).isEmpty();
        assertThat(PulseFigure.phases(r)).containsEntry("firstProgress", null).containsEntry("importEnded", 1000L);
    }
}
