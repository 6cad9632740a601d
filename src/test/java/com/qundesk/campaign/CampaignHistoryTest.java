package com.qundesk.campaign;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every campaign change is written into its history with who made it and the version it made, in the change's own
 * transaction; a refused save names the other operator (by display name) and the fields they changed, and the merge
 * of theirs and mine saves against the stored version.
 */
@BothDatabases
class CampaignHistoryTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;
    private CampaignService campaigns;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        campaigns = w.ctx.campaigns();
    }

    private Campaign create() {
        return campaigns.create(Campaign.draft(CampaignType.NIGHT_TALK, "双11夜话", TestWorkspace.NOW,
                TestWorkspace.NOW.plus(Duration.ofHours(2))));
    }

    private static Campaign renamed(Campaign k, String name, String owner, Campaign.Goals goals) {
        return new Campaign(k.id(), k.type(), name, k.startsAt(), k.endsAt(), owner, goals, k.cancelledAt(),
                k.cancelReason(), k.outcomeSummary(), k.notes(), k.createdAt(), k.updatedAt(), k.assignee(),
                k.version());
    }

    @Test
    void everyChangeIsRecordedWithItsOperatorFieldAndVersion() {
        w.ctx.actAs("linxiao");
        Campaign k = create();
        w.ctx.actAs("zhouzhou");
        campaigns.update(renamed(k, "双11夜话·加场", "周舟", k.goals()));
        w.ctx.actAs("chenyi");
        campaigns.cancel(k.id(), "下雨");

        List<CampaignHistoryEntry> h = campaigns.history(k.id());

        assertThat(h).extracting(CampaignHistoryEntry::version).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(h).filteredOn(e -> "created".equals(e.action())).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("linxiao"))
                .satisfies(e -> assertThat(e.version()).isEqualTo(1L));
        assertThat(h).filteredOn(e -> "name".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("zhouzhou"))
                .satisfies(e -> assertThat(e.oldValue()).isEqualTo("双11夜话"))
                .satisfies(e -> assertThat(e.newValue()).isEqualTo("双11夜话·加场"))
                .satisfies(e -> assertThat(e.version()).isEqualTo(2L));
        assertThat(h).filteredOn(e -> "owner".equals(e.field())).singleElement()
                .satisfies(e -> assertThat(e.oldValue()).isNull())
                .satisfies(e -> assertThat(e.newValue()).isEqualTo("周舟"));
        assertThat(h).filteredOn(e -> "chenyi".equals(e.actor())).extracting(e -> e.action() + ":" + e.field())
                .containsExactlyInAnyOrder("cancelled:null", "edited:cancelledAt", "edited:cancelReason");
        assertThat(h).filteredOn(e -> "chenyi".equals(e.actor())).extracting(CampaignHistoryEntry::version)
                .containsOnly(3L);
    }

    @Test
    void aRefusedSaveNamesTheOtherOperatorAndTheFieldsTheyChanged() {
        Campaign opened = create();
        w.ctx.operators().setDisplayName("zhouzhou", "周舟");
        w.ctx.actAs("zhouzhou");
        w.clock.advance(Duration.ofMinutes(5));
        campaigns.update(renamed(opened, "双11夜话·加场", null, new Campaign.Goals(80, null, null, null, null)));
        w.ctx.actAs("linxiao");
        Campaign mine = renamed(opened, opened.name(), "林晓", new Campaign.Goals(50, null, null, null, null));

        CampaignConflictException e = catchThrowableOfType(CampaignConflictException.class,
                () -> campaigns.update(mine));

        assertThat(e.messageKey()).isEqualTo("campaign.conflict");
        assertThat(e.messageArgs()).containsExactly("双11夜话·加场", "周舟", 1L, 2L, "name, goalSignups");
        assertThat(e.actors()).containsExactly("周舟");
        assertThat(e.changedAt()).isEqualTo(TestWorkspace.NOW.plus(Duration.ofMinutes(5)));
        assertThat(e.fields()).containsExactly(
                new CampaignConflictException.Field("name", "双11夜话·加场", "双11夜话", true),
                new CampaignConflictException.Field("owner", null, "林晓", false),
                new CampaignConflictException.Field("goalSignups", "80", "50", true));
        assertThat(e.mineByDefault()).containsExactly("owner");
        Campaign stored = campaigns.get(opened.id());
        assertThat(stored.owner()).isNull();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(campaigns.history(opened.id())).noneMatch(h -> "linxiao".equals(h.actor()));
    }

    @Test
    void theMergeSavesTheirsWithTheFieldsChosenFromMine() {
        Campaign opened = create();
        w.ctx.actAs("zhouzhou");
        campaigns.update(renamed(opened, "双11夜话·加场", null, new Campaign.Goals(80, null, null, null, null)));
        w.ctx.actAs("linxiao");
        Campaign mine = renamed(opened, opened.name(), "林晓", new Campaign.Goals(50, null, null, null, null));
        CampaignConflictException e = catchThrowableOfType(CampaignConflictException.class,
                () -> campaigns.update(mine));

        Campaign saved = campaigns.update(e.merge(Set.of("owner", "goalSignups")));

        assertThat(saved.name()).isEqualTo("双11夜话·加场");
        assertThat(saved.owner()).isEqualTo("林晓");
        assertThat(saved.goals().signups()).isEqualTo(50);
        assertThat(saved.version()).isEqualTo(3);
        assertThat(e.merge(Set.of()).name()).isEqualTo("双11夜话·加场");
    }

    @Test
    void mergingEveryFieldFromMineGivesMine() {
        Campaign theirs = create();
        Campaign mine = new Campaign(theirs.id(), CampaignType.TRAINING, "训练营", TestWorkspace.NOW.plusSeconds(60),
                TestWorkspace.NOW.plusSeconds(10800), "周舟", new Campaign.Goals(1, 2, 3, 4, 5), TestWorkspace.NOW,
                "改期", "圆满", "备注", theirs.createdAt(), theirs.updatedAt(), "chenyi", theirs.version());
        Set<String> all = new java.util.HashSet<>();
        CampaignFields.diff(theirs, mine).forEach(ch -> all.add(ch.field()));

        assertThat(all).hasSize(15);
        assertThat(CampaignFields.merge(theirs, mine, all)).isEqualTo(mine);
    }
}
