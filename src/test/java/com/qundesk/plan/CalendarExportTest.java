package com.qundesk.plan;

import com.qundesk.db.Dialect;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics file: RFC 5545 lines, every kind of item, and UIDs that stay put so a re-import updates. */
@BothDatabases
class CalendarExportTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static final Instant FROM = Instant.parse("2026-11-23T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-10T16:00:00Z");

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static List<String> values(String ics, String property) {
        return java.util.Arrays.stream(unfold(ics).split("\r\n")).filter(l -> l.startsWith(property + ":"))
                .map(l -> l.substring(property.length() + 1)).toList();
    }

    @Test
    void everyItemWithAStableUidAndLinesAsTheRfcWantsThem() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        FlashGroup f = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.CUSTOM, 1,
                TestWorkspace.NOW.plus(Duration.ofHours(2)), Duration.ofDays(2), null, "周末读书快闪群", null,
                Platform.WECHAT, null, "小林", null, null)).getFirst();
        Group g = w.ctx.groups().create(Group.draft(Platform.WECHAT, "长期群, 第一期; 北京", Purpose.FAN,
                GroupKind.LONG_TERM));
        PlanItem weekly = w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.CASES, "本周案例拆解",
                "「{group}」本周案例：一个很长很长的说明文字，用来检查折行不会把一个汉字切成两半，也不会超过七十五个字节的限制。",
                null, "FREQ=WEEKLY;BYDAY=WE", Instant.parse("2026-11-25T12:00:00Z")));
        Messages m = new Messages(Messages.CHINESE);
        String ics = w.ctx.calendarExport().ics(FROM, TO, m);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        List<String> uids = values(ics, "UID");
        assertThat(uids).doesNotHaveDuplicates().contains("flash-open-" + f.group().id() + "@qundesk",
                "flash-due-" + f.group().id() + "@qundesk",
                "plan-" + weekly.id() + "-" + Instant.parse("2026-11-25T12:00:00Z").toEpochMilli() + "@qundesk");
        assertThat(uids).anyMatch(u -> u.startsWith("reminder-"));
        // three Wednesdays of the weekly item, the flash group's own plan (welcome and farewell)
        assertThat(uids).filteredOn(u -> u.startsWith("plan-" + weekly.id() + "-")).hasSize(3);
        assertThat(values(ics, "SUMMARY")).contains("解散：周末读书快闪群", "长期群\\, 第一期\\; 北京：本周案例拆解");
        assertThat(values(ics, "DESCRIPTION")).anyMatch(d -> d.startsWith("案例\\n\\n「长期群\\, 第一期\\; 北京」本周案例"));

        // moving the dissolution keeps its UID and moves its time: a re-import updates the event
        Instant newDue = f.lifecycle().dueAt().plus(Duration.ofDays(1));
        w.ctx.flash().reschedule(f.group().id(), newDue);
        String again = w.ctx.calendarExport().ics(FROM, TO, m);
        List<String> uidsAgain = values(again, "UID");
        assertThat(uidsAgain).contains("flash-due-" + f.group().id() + "@qundesk");
        int i = uidsAgain.indexOf("flash-due-" + f.group().id() + "@qundesk");
        assertThat(values(again, "DTSTART").get(i)).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                        .format(newDue));
    }

    @Test
    void theCalendarViewGetsOneRowOfMarksPerGroupWithDeliveries() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        Group g = w.ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM));
        w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.CASES, "案例", null, null, "FREQ=DAILY;INTERVAL=2",
                Instant.parse("2026-11-24T12:00:00Z")));
        var rows = com.qundesk.flash.ui.TimelineModel.deliveryRows(
                w.ctx.plans().occurrences(FROM, FROM.plus(Duration.ofDays(7)), TestWorkspace.NOW), "Plan · ");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(com.qundesk.flash.ui.TimelineModel.Kind.DELIVERY);
            assertThat(r.label()).isEqualTo("Plan · 读书会");
            assertThat(r.reminders()).hasSize(4).first().isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        });
    }

    @Test
    void theCommandWritesTheFileForTheDaysAsked() throws Exception {
        CliRunner cli = new CliRunner(dir);
        assertThat(cli.run("demo", "--workspace", cli.ws).code()).isZero();
        Path out = dir.resolve("out/calendar.ics");
        CliRunner.Result r = cli.run("calendar", "export", "--out", out.toString(), "--from", "2026-11-20", "--to",
                "2026-12-05", "--workspace", cli.ws);
        assertThat(r.code()).as(r.err()).isZero();
        String ics = Files.readString(out);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n");
        List<String> starts = values(ics, "DTSTART");
        assertThat(starts).isNotEmpty().allSatisfy(s -> assertThat(s).isBetween("20261119T160000Z", "20261205T160000Z"));
        assertThat(values(ics, "CATEGORIES")).contains("Flash groups", "Value deliveries");
        assertThat(r.out()).contains(Integer.toString(starts.size()) + " events");
    }
}
