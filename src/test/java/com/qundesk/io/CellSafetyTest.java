package com.qundesk.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellSafetyTest {

    @Test
    void prefixesEveryCellAFormulaCouldStartWith() {
        for (String evil : new String[] {"=1+1", "+1", "-1", "@A1", "\tx", "\rx"}) {
            assertThat(CellSafety.neutralize(evil)).isEqualTo("'" + evil);
        }
    }

    @Test
    void leavesOrdinaryCellsAlone() {
        assertThat(CellSafety.neutralize("读者群")).isEqualTo("读者群");
        assertThat(CellSafety.neutralize("a=b")).isEqualTo("a=b");
        assertThat(CellSafety.neutralize("")).isEmpty();
        assertThat(CellSafety.neutralize(null)).isNull();
    }
}
