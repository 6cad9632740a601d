package com.qundesk.flash;

import com.qundesk.db.Dialect;
import com.qundesk.group.Platform;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The farewell of a flash group announces its due time, and never a time already past when it is overdue. */
@BothDatabases
class FarewellTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

    private static FlashPlan plan(Instant opens, Duration lifetime) {
        return new FlashPlan(null, LifetimePreset.CUSTOM, 1, opens, lifetime, null, null, null, Platform.WECHAT, null,
                null, null, null);
    }

    private static Instant announced(String text) {
        Matcher m = TIME.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return java.time.LocalDateTime.parse(m.group(), WHEN).atZone(TestWorkspace.ZONE).toInstant();
    }

    @Test
    void anOverdueGroupsFarewellAnnouncesATimeAheadNotItsPastDueTime() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        Instant now = w.clock.instant();
        FlashGroup overdue = w.ctx.flash().create(plan(now.minus(Duration.ofDays(2)), Duration.ofDays(1))).getFirst();
        FlashGroup ahead = w.ctx.flash().create(plan(now, Duration.ofHours(5))).getFirst();

        String late = Farewell.text(w.ctx.templates(), overdue, "zh", now, TestWorkspace.ZONE);
        assertThat(late).contains("本群将于");
        Instant said = announced(late);
        assertThat(said).isAfterOrEqualTo(now.plus(Farewell.NOTICE)).isBefore(now.plus(Duration.ofMinutes(26)));
        assertThat(said.toEpochMilli() % Duration.ofMinutes(15).toMillis()).isZero();

        String onTime = Farewell.text(w.ctx.templates(), ahead, "en", now, TestWorkspace.ZONE);
        assertThat(announced(onTime)).isEqualTo(ahead.lifecycle().dueAt());
    }
}
