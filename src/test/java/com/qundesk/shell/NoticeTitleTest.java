package com.qundesk.shell;

import com.qundesk.flash.Notice;
import com.qundesk.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A notification's title says when its notice is overdue, in both languages, and says it once. */
class NoticeTitleTest {

    private static final Instant T = Instant.parse("2026-11-24T02:00:00Z");

    private static Notice notice(Notice.Type type, boolean late, boolean overdue) {
        return new Notice(1, "快闪1", type, T, T, late, overdue);
    }

    @Test
    void anOverdueNoticeSaysSoInBothLanguages() {
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Notice escalated = notice(Notice.Type.DISSOLUTION_DUE, false, true);
        assertThat(NotificationCenter.title(en, escalated)).isEqualTo("Overdue: Dissolve now");
        assertThat(NotificationCenter.title(zh, escalated)).isEqualTo("已逾期：请立即解散");
        assertThat(NotificationCenter.title(en, notice(Notice.Type.REMINDER, true, true)))
                .isEqualTo("Overdue: Dissolution coming up");
    }

    @Test
    void aNoticeOnTimeOrOneWhoseTitleSaysItAlreadyIsNotPrefixed() {
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(NotificationCenter.title(en, notice(Notice.Type.DISSOLUTION_DUE, false, false)))
                .isEqualTo("Dissolve now");
        assertThat(NotificationCenter.title(en, notice(Notice.Type.DISSOLUTION_DUE, true, true)))
                .isEqualTo("Overdue while QunDesk was closed");
    }
}
