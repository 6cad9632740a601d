package com.qundesk.plan;

import com.qundesk.db.Dialect;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan on a real workspace: occurrences, exactly-once delivery, skips, catch-up and the pushing signs. */
@BothDatabases
class PlanServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
    }

    private Group group(String name, int members) {
        return w.ctx.groups().create(Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM).toBuilder()
                .memberCount(members).owner("小林").build());
    }

    private Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(TestWorkspace.ZONE).toInstant();
    }

    private PlanItem daily(Group g, String start) {
        return w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报",
                "早上好，「{group}」的朋友们！今日行业早报：", null, "FREQ=DAILY", local(start)));
    }

    @Test
    void deliveringWritesExactlyOneValueEventPerOccurrenceWhateverIsClickedAfter() {
        Group g = group("粉丝群", 180);
        PlanItem item = daily(g, "2026-11-24T09:00");
        Instant occ = local("2026-11-24T09:00");
        Delivery first = w.ctx.plans().deliver(item.id(), occ, DeliveryEdit.AS_PLANNED);
        Delivery again = w.ctx.plans().deliver(item.id(), occ, new DeliveryEdit(null, "changed", 5, null, null));
        Delivery skipAfter = w.ctx.plans().skip(item.id(), occ, "too late");
        assertThat(again).isEqualTo(first);
        assertThat(skipAfter.state()).isEqualTo(Delivery.State.DELIVERED);
        List<ValueEvent> events = w.ctx.ledger().events(g.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.valueEventId());
            assertThat(e.title()).isEqualTo("每日早报");
            assertThat(e.dimension()).isEqualTo(ValueDimension.INFORMATION);
            assertThat(e.reach()).isEqualTo(180);
        });
        // the next day's occurrence is a different delivery, and its edits are kept
        w.ctx.plans().deliver(item.id(), occ.plus(Duration.ofDays(1)),
                new DeliveryEdit(ValueDimension.RESOURCES, "早报+资料包", 90, occ.plus(Duration.ofDays(1)), "附 PDF"));
        assertThat(w.ctx.ledger().events(g.id(), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(ValueEvent::title, ValueEvent::reach).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("早报+资料包", 90),
                        org.assertj.core.groups.Tuple.tuple("每日早报", 180));
    }

    @Test
    void aTimeThatIsNotAnOccurrenceAndASkipWithoutReasonAreRefused() {
        PlanItem item = daily(group("g", 10), "2026-11-24T09:00");
        assertThatThrownBy(() -> w.ctx.plans().deliver(item.id(), local("2026-11-24T09:30"), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> w.ctx.plans().skip(item.id(), local("2026-11-24T09:00"), " "))
                .isInstanceOf(ValidationException.class);
        Delivery skipped = w.ctx.plans().skip(item.id(), local("2026-11-24T09:00"), "群主出差");
        assertThat(w.ctx.plans().occurrences(local("2026-11-24T00:00"), local("2026-11-25T00:00"), w.clock.instant()))
                .singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo(PlannedDelivery.State.SKIPPED);
                    assertThat(d.delivery().reason()).isEqualTo("群主出差");
                });
        assertThat(skipped.valueEventId()).isNull();
    }

    @Test
    void dueSaysOverdueDueAndUpcomingAndFillsTheTextForTheGroup() {
        Group g = group("读书会", 50);
        daily(g, "2026-11-22T09:00");
        // now: 2026-11-24 10:00 in Shanghai
        List<PlannedDelivery> due = w.ctx.plans().due(w.clock.instant(), Duration.ofHours(24));
        assertThat(due).extracting(PlannedDelivery::state).containsExactly(PlannedDelivery.State.OVERDUE,
                PlannedDelivery.State.OVERDUE, PlannedDelivery.State.DUE, PlannedDelivery.State.UPCOMING);
        assertThat(due.getFirst().text()).isEqualTo("早上好，「读书会」的朋友们！今日行业早报：");
        w.ctx.plans().skip(due.getFirst().item().id(), due.getFirst().occurrence(), "周日不发");
        assertThat(w.ctx.plans().due(w.clock.instant(), Duration.ofHours(24))).hasSize(3);
    }

    @Test
    void afterTheAppWasClosedEveryMissedDeliveryIsAnnouncedOnceAndNeverAgain() {
        Group g = group("打卡群", 40);
        daily(g, "2026-11-24T12:00");
        assertThat(w.ctx.plans().poll()).isEmpty();
        // closed for three days; a new process opens the same file
        w.clock.advance(Duration.ofDays(3));
        AppContext restarted = w.reopen();
        List<PlannedDelivery> caughtUp = restarted.plans().poll();
        assertThat(caughtUp).extracting(PlannedDelivery::occurrence).containsExactly(local("2026-11-24T12:00"),
                local("2026-11-25T12:00"), local("2026-11-26T12:00"));
        assertThat(caughtUp).allSatisfy(d -> assertThat(d.state()).isEqualTo(PlannedDelivery.State.OVERDUE));
        assertThat(restarted.plans().poll()).isEmpty();
        assertThat(w.reopen().plans().poll()).isEmpty();
        // still overdue on Today until delivered or skipped
        assertThat(w.ctx.plans().due(w.clock.instant(), Duration.ofHours(1))).hasSize(3);
        w.clock.advance(Duration.ofDays(1));
        assertThat(w.ctx.plans().poll()).singleElement()
                .satisfies(d -> assertThat(d.occurrence()).isEqualTo(local("2026-11-27T12:00")));
    }

    @Test
    void theOperatorsZoneKeepsTheWallClockAcrossDst() {
        w.prefs.put(UserPrefs.ZONE, "Europe/Berlin");
        Group g = group("Berlin", 20);
        PlanItem item = w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.CASES, "Case of the week", null,
                null, "FREQ=WEEKLY;BYDAY=MO", Instant.parse("2027-03-22T08:00:00Z")));
        assertThat(item.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(w.ctx.plans().occurrences(Instant.parse("2027-03-21T00:00:00Z"),
                Instant.parse("2027-04-06T00:00:00Z"), w.clock.instant())).extracting(PlannedDelivery::occurrence)
                .containsExactly(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"),
                        Instant.parse("2027-04-05T07:00:00Z"));
    }

    @Test
    void thePushingSignsAreShownWithTheirEvidence() {
        List<Group> many = new java.util.ArrayList<>();
        for (int k = 1; k <= PlanJudge.MANY_GROUPS; k++) {
            many.add(group("推广群" + k, 100));
        }
        for (Group g : many) {
            w.ctx.plans().add(new PlanRequest(g.id(), ValueDimension.BENEFITS, "双十一优惠", "全场五折，点击下单！", null, null,
                    local("2026-11-23T20:00")));
        }
        Group busy = many.getFirst();
        for (int h = 10; h <= 13; h++) {
            w.ctx.plans().add(new PlanRequest(busy.id(), ValueDimension.BENEFITS, "秒杀 " + h + " 点", null, null, null,
                    local("2026-11-23T" + h + ":00")));
        }
        Group varied = group("学习群", 30);
        w.ctx.plans().add(new PlanRequest(varied.id(), ValueDimension.CASES, "案例", null, null, "FREQ=WEEKLY",
                local("2026-11-02T20:00")));
        w.ctx.plans().add(new PlanRequest(varied.id(), ValueDimension.RESOURCES, "资料", null, null, "FREQ=WEEKLY",
                local("2026-11-04T20:00")));
        var judged = w.ctx.plans().judge(java.time.LocalDate.of(2026, 11, 24), 30);

        PlanJudgement b = judged.get(busy.id());
        assertThat(b.planned()).isEqualTo(5);
        assertThat(b.pushingSigns()).extracting(PushingSign::kind).containsExactly(
                PushingSign.Kind.SAME_TEXT_MANY_GROUPS, PushingSign.Kind.MORE_THAN_THREE_A_DAY,
                PushingSign.Kind.ONE_DIMENSION);
        assertThat(b.pushingSigns().get(0).evidence()).containsEntry("day", "2026-11-23")
                .containsEntry("groups", PlanJudge.MANY_GROUPS).containsEntry("text", "全场五折，点击下单！");
        assertThat(b.pushingSigns().get(1).evidence()).containsEntry("deliveries", 5).containsEntry("day", "2026-11-23");
        assertThat(b.pushingSigns().get(2).evidence()).containsEntry("dimension", "benefits");
        assertThat(b.dimensionsNeverPlanned()).doesNotContain(ValueDimension.BENEFITS).hasSize(5);
        // one group fewer with the same text is not "many"; one item a day is no flood
        assertThat(judged.get(many.get(1).id()).pushingSigns()).extracting(PushingSign::kind)
                .containsExactly(PushingSign.Kind.SAME_TEXT_MANY_GROUPS);
        PlanJudgement v = judged.get(varied.id());
        assertThat(v.pushingSigns()).isEmpty();
        assertThat(v.planned()).isEqualTo(7);
        assertThat(v.dimensionsNeverPlanned()).containsExactly(ValueDimension.BENEFITS, ValueDimension.INFORMATION,
                ValueDimension.ACTIVITIES, ValueDimension.CONNECTIONS);
    }

    @Test
    void deliveredAndSkippedAreCountedInTheWindow() {
        Group g = group("g", 10);
        PlanItem item = daily(g, "2026-11-20T09:00");
        w.ctx.plans().deliver(item.id(), local("2026-11-20T09:00"), null);
        w.ctx.plans().deliver(item.id(), local("2026-11-21T09:00"), null);
        w.ctx.plans().skip(item.id(), local("2026-11-22T09:00"), "休息");
        PlanJudgement j = w.ctx.plans().judgeGroup(g.id(), java.time.LocalDate.of(2026, 11, 24), 7);
        assertThat(j.planned()).isEqualTo(5);
        assertThat(j.delivered()).isEqualTo(2);
        assertThat(j.skipped()).isEqualTo(1);
    }

    @Test
    void flashGroupsGetThePlanTheirPresetCarries() {
        Campaign talk = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "夜话13",
                local("2026-11-26T20:00"), local("2026-11-26T22:00")));
        List<FlashGroup> created = w.ctx.flash().create(new FlashPlan(talk.id(), LifetimePreset.ACTIVITY, 2,
                w.clock.instant(), null, null, null, null, Platform.WECHAT, null, "小林", null, null));
        List<PlanItem> items = w.ctx.plans().list(created.getFirst().group().id());
        assertThat(items).extracting(PlanItem::dimension).containsExactly(ValueDimension.INFORMATION,
                ValueDimension.ACTIVITIES, ValueDimension.RESOURCES, ValueDimension.CONNECTIONS);
        assertThat(items).allSatisfy(i -> assertThat(i.source()).isEqualTo(PlanItem.Source.FLASH));
        assertThat(items.get(1).startAt()).isEqualTo(local("2026-11-26T19:00"));
        assertThat(items.get(3).startAt()).isEqualTo(created.getFirst().lifecycle().dueAt().minus(Duration.ofHours(2)));
        // a welcome in each of the groups opened together is not "the same text to many groups"
        assertThat(w.ctx.plans().judge(java.time.LocalDate.of(2026, 11, 24), 7).get(created.getFirst().group().id())
                .pushingSigns()).isEmpty();
    }
}
