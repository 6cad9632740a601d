package com.qundesk.flash;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.Platform;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today in a team: "mine" are the flash groups assigned to me (the group's assignee, else its campaign's) and those
 * assigned to nobody; mine come first, and "mine only" leaves the others' out and counts them.
 */
@BothDatabases
class TodayMineTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private TestWorkspace w;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
    }

    /** One flash group named {@code name}, due {@code dueIn} from now, assigned to {@code assignee} (null: nobody). */
    private FlashGroup flash(String name, Duration dueIn, String assignee, Long campaignId) {
        FlashGroup f = w.ctx.flash().create(new FlashPlan(campaignId, campaignId == null ? LifetimePreset.RESOURCE_FLASH : LifetimePreset.ACTIVITY, 1,
                TestWorkspace.NOW, dueIn, null, name, null, Platform.WECHAT, null, null, null, null)).getFirst();
        if (!f.lifecycle().dueAt().equals(TestWorkspace.NOW.plus(dueIn))) {
            f = w.ctx.flash().reschedule(f.group().id(), TestWorkspace.NOW.plus(dueIn));
        }
        if (assignee != null) {
            Group g = w.ctx.groups().update(f.group().toBuilder().assignee(assignee).build());
            return w.ctx.flash().get(g.id());
        }
        return f;
    }

    private static List<String> names(List<FlashGroup> list) {
        return list.stream().map(f -> f.group().name()).toList();
    }

    @Test
    void mineComeFirstAndMineOnlyLeavesTheOthersOutAndCountsThem() {
        Campaign carols = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "夜话会",
                TestWorkspace.NOW.plus(Duration.ofDays(2)), TestWorkspace.NOW.plus(Duration.ofDays(3))));
        w.ctx.campaigns().update(carols.withAssignee("carol", 0));
        flash("bob-soon", Duration.ofMinutes(20), "bob", null);
        flash("nobody-soon", Duration.ofMinutes(30), null, null);
        flash("alice-soon", Duration.ofMinutes(40), "alice", null);
        flash("alice-later", Duration.ofHours(5), "alice", null);
        flash("carol-by-campaign", Duration.ofHours(3), null, carols.id());
        flash("alice-in-carols-campaign", Duration.ofHours(4), "alice", carols.id());
        Instant now = TestWorkspace.NOW;

        TodayBoard all = TodayBoard.of(w.ctx.flash().list(), now);
        assertThat(names(all.dueNow())).containsExactly("bob-soon", "nobody-soon", "alice-soon");

        TodayBoard alicesAll = all.forOperator("alice", false);
        assertThat(names(alicesAll.dueNow())).containsExactly("alice-soon", "nobody-soon", "bob-soon");
        assertThat(names(alicesAll.dueSoon())).containsExactly("alice-in-carols-campaign", "alice-later",
                "carol-by-campaign");
        assertThat(names(alicesAll.open())).containsExactly("alice-soon", "alice-in-carols-campaign", "alice-later",
                "nobody-soon", "bob-soon", "carol-by-campaign");
        assertThat(alicesAll.othersHidden()).isZero();

        TodayBoard alicesMine = all.forOperator("alice", true);
        assertThat(names(alicesMine.dueNow())).containsExactly("alice-soon", "nobody-soon");
        assertThat(names(alicesMine.dueSoon())).containsExactly("alice-in-carols-campaign", "alice-later");
        assertThat(alicesMine.othersHidden()).as("bob's and carol's flash group (each counted once)").isEqualTo(2);

        TodayBoard carolsMine = all.forOperator("carol", true);
        assertThat(names(carolsMine.dueNow())).containsExactly("nobody-soon");
        assertThat(names(carolsMine.dueSoon())).as("a campaign's assignee owns its unassigned flash groups")
                .containsExactly("carol-by-campaign");
        assertThat(carolsMine.othersHidden()).isEqualTo(4);
    }

    @Test
    void theDueListNamesEachItemsAssignee() {
        flash("bob-soon", Duration.ofMinutes(20), "bob", null);
        flash("nobody-soon", Duration.ofMinutes(30), null, null);
        assertThat(w.ctx.flash().due(TestWorkspace.NOW, Duration.ofHours(1)))
                .filteredOn(i -> i.kind() == DueItem.Kind.DISSOLUTION)
                .extracting(i -> i.name() + " " + i.assignee()).containsExactly("bob-soon bob", "nobody-soon null");
    }
}
