package com.qundesk.plan;

import com.qundesk.core.UserPrefs;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plan templates on a real workspace: defined, applied by purpose and by tag, once per group, deleted. */
@BothDatabases
class PlanTemplateServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir); // 2026-11-24 10:00 in Shanghai
    }

    private Group group(String name, Purpose purpose, String... tags) {
        return w.ctx.groups().create(Group.draft(Platform.WECHAT, name, purpose, GroupKind.LONG_TERM).toBuilder()
                .memberCount(120).tags(List.of(tags)).build());
    }

    private static PlanTemplateItem weeklyBenefits() {
        return new PlanTemplateItem(null, ValueDimension.BENEFITS, "周三福利", "「{group}」本周福利：", null,
                "FREQ=WEEKLY;BYDAY=WE", LocalTime.of(20, 0));
    }

    private static PlanTemplateItem onceCase() {
        return new PlanTemplateItem(null, ValueDimension.CASES, "买家秀", null, 50, null, LocalTime.of(9, 30));
    }

    private PlanTemplate define(String name, Purpose purpose, String tag) {
        return w.ctx.planTemplates().define(new PlanTemplate(null, name, purpose, tag, null,
                List.of(weeklyBenefits(), onceCase())));
    }

    private java.util.Set<Long> withTemplate(long templateId) {
        return w.ctx.database().<java.util.Set<Long>>read(c -> new PlanRepository().groupsWithTemplate(c, templateId));
    }

    private Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(TestWorkspace.ZONE).toInstant();
    }

    @Test
    void aTemplateIsStoredWithItsItemsAndListed() {
        PlanTemplate t = define("团购群节奏", Purpose.SHOPPING, null);

        assertThat(t.id()).isNotNull();
        List<PlanTemplate> all = w.ctx.planTemplates().list();
        assertThat(all).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("团购群节奏");
            assertThat(s.purpose()).isEqualTo(Purpose.SHOPPING);
            assertThat(s.tag()).isNull();
            assertThat(s.items()).extracting(PlanTemplateItem::title).containsExactly("买家秀", "周三福利");
            assertThat(s.items()).extracting(PlanTemplateItem::rrule).containsExactly(null, "FREQ=WEEKLY;BYDAY=WE");
        });
        assertThat(w.ctx.planTemplates().resolve("团购群节奏").id()).isEqualTo(t.id());
        assertThat(w.ctx.planTemplates().resolve(String.valueOf(t.id())).name()).isEqualTo("团购群节奏");
    }

    @Test
    void aTemplateWithoutNameTargetOrValidItemsIsRefusedNamingEachField() {
        PlanTemplateItem bad = new PlanTemplateItem(null, null, " ", null, -1, "EVERY MONDAY", null);
        assertThatThrownBy(() -> w.ctx.planTemplates().define(new PlanTemplate(null, " ", null, " ", null,
                List.of(weeklyBenefits(), bad))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + ":" + f.messageKey())
                        .containsExactly("name:validation.planTemplate.name",
                                "purpose:validation.planTemplate.target",
                                "items[2].dimension:validation.planTemplate.itemDimension",
                                "items[2].title:validation.planTemplate.itemTitle",
                                "items[2].time:validation.planTemplate.itemTime",
                                "items[2].reach:validation.planTemplate.itemReach",
                                "items[2].rrule:validation.planTemplate.itemRule"));
        assertThatThrownBy(() -> w.ctx.planTemplates().define(new PlanTemplate(null, "空", Purpose.FAN, null, null,
                List.of()))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(f -> f.messageKey())
                        .containsExactly("validation.planTemplate.items"));
        define("团购群节奏", Purpose.SHOPPING, null);
        assertThatThrownBy(() -> define("团购群节奏", Purpose.FAN, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.planTemplate.nameTaken"));
        assertThat(w.ctx.planTemplates().list()).hasSize(1);
    }

    @Test
    void applyingGivesEveryLiveGroupOfThePurposeTheItemsStartingAtTheNextTimeOfDay() {
        Group a = group("团购一群", Purpose.SHOPPING);
        Group b = group("团购二群", Purpose.SHOPPING);
        Group fan = group("粉丝群", Purpose.FAN);
        Group gone = group("团购旧群", Purpose.SHOPPING);
        w.ctx.groups().markDissolved(gone.id(), "合并", null);
        Group archived = group("团购归档群", Purpose.SHOPPING);
        w.ctx.groups().archive(archived.id());
        PlanTemplate t = define("团购群节奏", Purpose.SHOPPING, null);

        TemplateApplication r = w.ctx.planTemplates().apply(t.id(), false);

        assertThat(r.added()).extracting(g -> g.group().name()).containsExactlyInAnyOrder("团购一群", "团购二群");
        assertThat(r.alreadyHad()).isEmpty();
        assertThat(r.itemsCreated()).isEqualTo(4);
        assertThat(w.ctx.plans().list(fan.id())).isEmpty();
        assertThat(w.ctx.plans().list(gone.id())).isEmpty();
        assertThat(w.ctx.plans().list(archived.id())).isEmpty();
        List<PlanItem> items = w.ctx.plans().list(a.id());
        assertThat(items).allSatisfy(i -> assertThat(i.source()).isEqualTo(PlanItem.Source.TEMPLATE));
        // now is Tuesday 10:00: 09:30 has passed today (so tomorrow), Wednesday 20:00 is the rule's first
        assertThat(items).extracting(PlanItem::title, PlanItem::startAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("买家秀", local("2026-11-25T09:30")),
                org.assertj.core.groups.Tuple.tuple("周三福利", local("2026-11-25T20:00")));
        assertThat(w.ctx.plans().list(b.id())).hasSize(2);
        assertThat(withTemplate(t.id()))
                .containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void aTagTemplateReachesTheTaggedGroupsAndWithAPurposeOnlyThoseOfBoth() {
        Group north = group("北区团购", Purpose.SHOPPING, "北区");
        Group northFans = group("北区粉丝", Purpose.FAN, "北区", "活跃");
        group("南区团购", Purpose.SHOPPING, "南区");
        PlanTemplate byTag = define("北区节奏", null, "北区");
        PlanTemplate both = define("北区团购节奏", Purpose.SHOPPING, "北区");

        assertThat(w.ctx.planTemplates().apply(byTag.id(), false).added()).extracting(g -> g.group().id())
                .containsExactlyInAnyOrder(north.id(), northFans.id());
        assertThat(w.ctx.planTemplates().apply(both.id(), false).added()).extracting(g -> g.group().id())
                .containsExactly(north.id());
    }

    @Test
    void applyingAgainAddsOnlyToTheGroupsThatJoinedSinceAndNobodyTwice() {
        Group a = group("团购一群", Purpose.SHOPPING);
        PlanTemplate t = define("团购群节奏", Purpose.SHOPPING, null);
        w.ctx.planTemplates().apply(t.id(), false);

        TemplateApplication again = w.ctx.planTemplates().apply(t.id(), false);
        assertThat(again.added()).isEmpty();
        assertThat(again.alreadyHad()).extracting(TemplateApplication.GroupRef::id).containsExactly(a.id());
        assertThat(w.ctx.plans().list(a.id())).hasSize(2);

        Group later = group("团购三群", Purpose.SHOPPING);
        TemplateApplication dry = w.ctx.planTemplates().apply(t.id(), true);
        assertThat(dry.added()).extracting(g -> g.group().id()).containsExactly(later.id());
        assertThat(dry.itemsCreated()).isEqualTo(2);
        assertThat(w.ctx.plans().list(later.id())).as("a dry run writes nothing").isEmpty();

        TemplateApplication third = w.ctx.planTemplates().apply(t.id(), false);
        assertThat(third.added()).extracting(g -> g.group().id()).containsExactly(later.id());
        assertThat(third.alreadyHad()).extracting(TemplateApplication.GroupRef::id).containsExactly(a.id());
        assertThat(w.ctx.plans().list(later.id())).hasSize(2);
        assertThat(w.ctx.plans().list(a.id())).hasSize(2);
    }

    @Test
    void theFirstOccurrenceIsTomorrowOnceTheTimeHasPassedAcrossMidnight() {
        ZoneId z = TestWorkspace.ZONE;
        Instant beforeMidnight = LocalDateTime.parse("2026-11-30T23:50").atZone(z).toInstant();
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(23, 55), null, beforeMidnight, z))
                .isEqualTo(LocalDateTime.parse("2026-11-30T23:55").atZone(z).toInstant());
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(0, 10), null, beforeMidnight, z))
                .isEqualTo(LocalDateTime.parse("2026-12-01T00:10").atZone(z).toInstant());
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(23, 50), null, beforeMidnight, z))
                .as("a time equal to now is not ahead").isEqualTo(LocalDateTime.parse("2026-12-01T23:50").atZone(z)
                        .toInstant());
        // a monthly rule on the first: from 30 November 23:50, 1 December 00:10 is the first
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(0, 10), "FREQ=MONTHLY;BYMONTHDAY=1",
                beforeMidnight, z)).isEqualTo(LocalDateTime.parse("2026-12-01T00:10").atZone(z).toInstant());
    }

    @Test
    void theFirstOccurrenceKeepsTheWallClockAcrossTheSpringDstChangeInBerlin() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant saturdayNight = Instant.parse("2027-03-27T22:30:00Z"); // 23:30 CET, the change is Sunday 28 March
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(9, 0), null, saturdayNight, berlin))
                .as("09:00 CEST is 07:00 UTC").isEqualTo(Instant.parse("2027-03-28T07:00:00Z"));
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(2, 30), null, saturdayNight, berlin))
                .as("02:30 does not exist that night: moved on by the gap").isEqualTo(
                        Instant.parse("2027-03-28T01:30:00Z"));
        // a weekly Monday rule first falls on Monday 29 March, 09:00 CEST
        assertThat(PlanTemplateService.firstOccurrence(LocalTime.of(9, 0), "FREQ=WEEKLY;BYDAY=MO", saturdayNight,
                berlin)).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
    }

    @Test
    void applyingInTheOperatorsBerlinZoneStartsAtTheBerlinWallClock() {
        w.prefs.put(UserPrefs.ZONE, "Europe/Berlin");
        w.clock.set(Instant.parse("2026-03-28T22:30:00Z")); // Saturday 23:30 CET; Sunday 29 March springs forward
        Group g = group("团购一群", Purpose.SHOPPING);
        PlanTemplate t = w.ctx.planTemplates().define(new PlanTemplate(null, "周日早报", Purpose.SHOPPING, null, null,
                List.of(new PlanTemplateItem(null, ValueDimension.INFORMATION, "周日早报", null, null, "FREQ=DAILY",
                        LocalTime.of(9, 0)))));

        w.ctx.planTemplates().apply(t.id(), false);

        PlanItem item = w.ctx.plans().list(g.id()).getFirst();
        assertThat(item.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(item.startAt()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(Recurrence.between(item, item.startAt(), Instant.parse("2026-03-31T00:00:00Z")))
                .containsExactly(Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void deletingATemplateKeepsThePlanItemsItMade() {
        Group a = group("团购一群", Purpose.SHOPPING);
        PlanTemplate t = define("团购群节奏", Purpose.SHOPPING, null);
        w.ctx.planTemplates().apply(t.id(), false);

        w.ctx.planTemplates().delete(t.id());

        assertThat(w.ctx.planTemplates().list()).isEmpty();
        assertThat(w.ctx.plans().list(a.id())).hasSize(2)
                .allSatisfy(i -> assertThat(i.source()).isEqualTo(PlanItem.Source.TEMPLATE));
        assertThat(withTemplate(t.id())).isEmpty();
        // a new template under the same name (it may even get the same id) gives the group its items again
        PlanTemplate again = define("团购群节奏", Purpose.SHOPPING, null);
        assertThat(w.ctx.planTemplates().apply(again.id(), false).added()).hasSize(1);
        assertThatThrownBy(() -> w.ctx.planTemplates().delete(t.id() + 100))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.planTemplate.unknown"));
    }
}
