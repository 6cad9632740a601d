package com.qundesk.flash;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.db.Dialect;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.HistoryEntry;
import com.qundesk.group.Platform;
import com.qundesk.core.ValidationException;
import com.qundesk.template.Template;
import com.qundesk.template.TemplateKind;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BothDatabases
class FlashServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;
    private FlashService flash;
    private Campaign talk;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        flash = w.ctx.flash();
        talk = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "夜话会第13期",
                TestWorkspace.NOW.plus(Duration.ofDays(2)), TestWorkspace.NOW.plus(Duration.ofDays(2).plusHours(2))));
    }

    private FlashPlan plan(int count, Instant opens) {
        return new FlashPlan(talk.id(), LifetimePreset.ACTIVITY, count, opens, null, null, "夜话会第{n}期-{k}群", 13,
                Platform.WECHAT, null, "林一", null, null);
    }

    @Test
    void createsTheGroupsLinkedToTheCampaignInOneTransaction() {
        List<FlashGroup> made = flash.create(plan(5, TestWorkspace.NOW));
        assertThat(made).extracting(f -> f.group().name()).containsExactly("夜话会第13期-1群", "夜话会第13期-2群",
                "夜话会第13期-3群", "夜话会第13期-4群", "夜话会第13期-5群");
        assertThat(made).allSatisfy(f -> {
            assertThat(f.group().kind()).isEqualTo(GroupKind.FLASH);
            assertThat(f.group().status()).isEqualTo(GroupStatus.DISSOLUTION_SCHEDULED);
            assertThat(f.lifecycle().state()).isEqualTo(FlashState.OPEN);
        });
        assertThat(w.ctx.campaigns().groupIds(talk.id())).hasSize(5);
        FlashPlan broken = new FlashPlan(999L, LifetimePreset.ACTIVITY, 3, TestWorkspace.NOW, null, null, null, null,
                Platform.WECHAT, null, null, null, null);
        assertThatThrownBy(() -> flash.create(broken)).isInstanceOf(ValidationException.class);
        assertThat(w.ctx.groups().list()).hasSize(5);
    }

    @Test
    void remindersFollowTheOffsetsAndSkipThoseAlreadyPast() {
        FlashGroup f = flash.create(plan(1, TestWorkspace.NOW)).getFirst();
        Instant due = f.lifecycle().dueAt();
        assertThat(flash.reminders(f.group().id())).extracting(Reminder::fireAt)
                .containsExactly(due.minus(Duration.ofHours(24)), due.minus(Duration.ofHours(1)), due);
        FlashPlan soon = new FlashPlan(null, LifetimePreset.RESOURCE_FLASH, 1, TestWorkspace.NOW, null, null, null,
                null, Platform.WECHAT, null, null, null, null);
        FlashGroup quick = flash.create(soon).getFirst();
        assertThat(flash.reminders(quick.group().id())).extracting(Reminder::kind)
                .containsExactly(Reminder.Kind.DISSOLUTION);
    }

    @Test
    void dissolvingWithOpenChecklistItemsNeedsConfirmationAndRecordsWhatWasSkipped() {
        long id = flash.create(plan(1, TestWorkspace.NOW)).getFirst().group().id();
        flash.setChecklist(id, ChecklistItem.BEFRIENDED, true);
        assertThatThrownBy(() -> flash.dissolve(id, null, false)).isInstanceOfSatisfying(
                ChecklistIncompleteException.class, e -> assertThat(e.open()).hasSize(4));
        assertThat(flash.get(id).lifecycle().state()).isEqualTo(FlashState.OPEN);
        FlashGroup d = flash.dissolve(id, "活动结束", true);
        assertThat(d.lifecycle().state()).isEqualTo(FlashState.DISSOLVED);
        assertThat(d.lifecycle().skipped()).containsExactly(ChecklistItem.FAREWELL_SENT,
                ChecklistItem.OUTCOMES_RECORDED, ChecklistItem.CHAT_EXPORTED, ChecklistItem.KEEPERS_INVITED);
        assertThat(d.group().status()).isEqualTo(GroupStatus.DISSOLVED);
        List<HistoryEntry> h = w.ctx.groups().history(id);
        assertThat(h).extracting(HistoryEntry::action).contains("checklist-done", "transition", "checklist-skipped");
        assertThat(h).filteredOn(e -> "transition".equals(e.action())).singleElement().satisfies(e -> {
            assertThat(e.oldValue()).isEqualTo("open");
            assertThat(e.newValue()).isEqualTo("dissolved");
            assertThat(e.note()).isEqualTo("活动结束");
        });
        assertThat(flash.reminders(id)).allSatisfy(r -> assertThat(r.cancelledAt()).isNotNull());
    }

    @Test
    void forbiddenTransitionsAreRefusedAndChangeNothing() {
        long id = flash.create(plan(1, TestWorkspace.NOW)).getFirst().group().id();
        flash.dissolve(id, null, true);
        assertThatThrownBy(() -> flash.dissolve(id, null, true)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("validation.flash.transition"));
        assertThatThrownBy(() -> flash.convert(id, "keep")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> flash.extend(id, TestWorkspace.NOW.plus(Duration.ofDays(9)), "x"))
                .isInstanceOf(ValidationException.class);
        assertThat(flash.get(id).lifecycle().state()).isEqualTo(FlashState.DISSOLVED);
    }

    @Test
    void extendNeedsAReasonAndAFutureTimeAndReplacesTheReminders() {
        long id = flash.create(plan(1, TestWorkspace.NOW)).getFirst().group().id();
        assertThatThrownBy(() -> flash.extend(id, TestWorkspace.NOW.plus(Duration.ofDays(9)), " "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> flash.extend(id, TestWorkspace.NOW.minus(Duration.ofDays(1)), "x"))
                .isInstanceOf(ValidationException.class);
        Instant newDue = TestWorkspace.NOW.plus(Duration.ofDays(9));
        FlashGroup e = flash.extend(id, newDue, "回放答疑");
        assertThat(e.lifecycle().state()).isEqualTo(FlashState.EXTENDED);
        assertThat(e.lifecycle().dueAt()).isEqualTo(newDue);
        List<Reminder> active = flash.reminders(id).stream().filter(r -> r.cancelledAt() == null).toList();
        assertThat(active).extracting(Reminder::fireAt).containsExactly(newDue.minus(Duration.ofHours(24)),
                newDue.minus(Duration.ofHours(1)), newDue);
    }

    @Test
    void convertMakesItALongTermActiveGroupAndStopsReminders() {
        long id = flash.create(plan(1, TestWorkspace.NOW)).getFirst().group().id();
        FlashGroup c = flash.convert(id, "成员自发运营");
        assertThat(c.group().kind()).isEqualTo(GroupKind.LONG_TERM);
        assertThat(c.group().status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(flash.reminders(id)).allSatisfy(r -> assertThat(r.cancelledAt()).isNotNull());
    }

    @Test
    void templatesAreRecordedAndFilledIntoTheGroup() {
        Template rules = w.ctx.templates().list().stream()
                .filter(t -> t.kind() == TemplateKind.RULES && t.language().equals("zh")).findFirst().orElseThrow();
        Template announcement = w.ctx.templates().list().stream()
                .filter(t -> t.kind() == TemplateKind.ANNOUNCEMENT && t.language().equals("zh")).findFirst()
                .orElseThrow();
        FlashPlan p = new FlashPlan(talk.id(), LifetimePreset.ACTIVITY, 1, TestWorkspace.NOW, null, null, null, null,
                Platform.WECHAT, null, "林一", null, Map.of("rules", rules.versionId(), "announcement",
                announcement.versionId()));
        FlashGroup f = flash.create(p).getFirst();
        assertThat(f.group().rules()).contains(f.group().name()).contains("林一").doesNotContain("{group}");
        assertThat(f.group().announcement()).contains("夜话会第13期").doesNotContain("{dissolve_at}");
        assertThat(w.ctx.templates().usedBy(f.group().id())).extracting(Template::versionId)
                .containsExactlyInAnyOrder(rules.versionId(), announcement.versionId());
        Template v2 = w.ctx.templates().revise(rules.id(), "新群规 {group}");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(w.ctx.templates().usedBy(f.group().id())).extracting(Template::version).containsOnly(1);
    }
}
