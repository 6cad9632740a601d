package com.qundesk.plan.ui;

import com.qundesk.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class RhythmTextTest {

    private final Messages en = new Messages(Locale.ENGLISH);
    private final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    @Test
    void theCommonRhythmsAreSaidInTheOperatorsLanguage() {
        assertThat(RhythmText.describe(en, null)).isEqualTo("once");
        assertThat(RhythmText.describe(en, "FREQ=DAILY")).isEqualTo("every day");
        assertThat(RhythmText.describe(en, "FREQ=WEEKLY;BYDAY=MO")).isEqualTo("every Monday");
        assertThat(RhythmText.describe(en, "FREQ=WEEKLY;BYDAY=MO,TH")).isEqualTo("every Monday, Thursday");
        assertThat(RhythmText.describe(en, "FREQ=MONTHLY;BYDAY=1FR")).isEqualTo("the first Friday of every month");
        assertThat(RhythmText.describe(en, "FREQ=MONTHLY;BYDAY=-1SU")).isEqualTo("the last Sunday of every month");
        assertThat(RhythmText.describe(en, "FREQ=MONTHLY;BYMONTHDAY=-1")).isEqualTo("on the last day of every month");
        assertThat(RhythmText.describe(en, "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA;COUNT=4"))
                .isEqualTo("every 2 weeks on Saturday, 4 times");
        assertThat(RhythmText.describe(zh, "FREQ=WEEKLY;BYDAY=MO")).isEqualTo("每周一");
        assertThat(RhythmText.describe(zh, "FREQ=MONTHLY;BYDAY=1FR")).isEqualTo("每月第一个周五");
        assertThat(RhythmText.describe(zh, "FREQ=DAILY;UNTIL=20261231T000000Z")).isEqualTo("每天，至 2026-12-31");
        assertThat(RhythmText.describe(zh, null)).isEqualTo("一次");
    }

    @Test
    void aShapeNotDescribedIsShownAsWritten() {
        assertThat(RhythmText.describe(en, "FREQ=YEARLY;BYMONTH=3")).isEqualTo("FREQ=YEARLY;BYMONTH=3");
        assertThat(RhythmText.describe(en, "FREQ=MONTHLY;BYDAY=1FR;BYMONTHDAY=13")).isEqualTo("FREQ=MONTHLY;BYDAY=1FR;BYMONTHDAY=13");
        assertThat(RhythmText.describe(en, "nonsense")).isEqualTo("nonsense");
    }

    @Test
    void aPickedRhythmKeepsItsRuleAndATypedRuleIsKeptAsTyped() {
        var c = RhythmText.converter(zh);
        for (String rule : RhythmText.OFFERED) {
            assertThat(c.fromString(c.toString(rule))).isEqualTo(rule);
        }
        assertThat(c.fromString(" FREQ=WEEKLY;BYDAY=SU ")).isEqualTo("FREQ=WEEKLY;BYDAY=SU");
        assertThat(c.fromString("")).isEmpty();
    }
}
