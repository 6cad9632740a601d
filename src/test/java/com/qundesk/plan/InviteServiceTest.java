package com.qundesk.plan;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.db.Dialect;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A WeChat QR code lasts 7 days and admits nobody past 200 members; WeCom groups are exempt. */
@BothDatabases
class InviteServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void warnsADayBeforeOnlyWhenTheGroupStillNeedsItsCodeAndFlagsFullGroups() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        Instant now = TestWorkspace.NOW;
        Group recruiting = w.ctx.groups().create(Group.draft(Platform.WECHAT, "招新群", Purpose.FAN,
                GroupKind.LONG_TERM).toBuilder().memberCount(120).build());
        Group quiet = w.ctx.groups().create(Group.draft(Platform.WECHAT, "老群", Purpose.FAN,
                GroupKind.LONG_TERM).toBuilder().memberCount(150).build());
        Group full = w.ctx.groups().create(Group.draft(Platform.WECHAT, "满员群", Purpose.FAN,
                GroupKind.LONG_TERM).toBuilder().memberCount(230).build());
        Group wecom = w.ctx.groups().create(Group.draft(Platform.WECOM, "企微群", Purpose.FAN,
                GroupKind.LONG_TERM).toBuilder().memberCount(190).build());
        Instant made = now.minus(Duration.ofDays(6)).minus(Duration.ofHours(2));
        w.ctx.invites().record(recruiting.id(), made, true, true);
        w.ctx.invites().record(quiet.id(), made, true, false);
        w.ctx.invites().record(full.id(), made, true, false);
        w.ctx.invites().record(wecom.id(), made.minus(Duration.ofDays(30)), true, true);
        // a flash group for an event tomorrow: it needs its code too
        Campaign talk = w.ctx.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "夜话",
                now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)).plus(Duration.ofHours(2))));
        long event = w.ctx.flash().create(new FlashPlan(talk.id(), LifetimePreset.ACTIVITY, 1, now.minus(Duration
                .ofDays(7)), null, null, "夜话群", null, Platform.WECHAT, null, null, null, null)).getFirst().group().id();
        w.ctx.invites().record(event, now.minus(Duration.ofDays(8)), true, false);

        assertThat(w.ctx.invites().warnings(now)).extracting(InviteWarning::groupId, InviteWarning::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(event, InviteWarning.Kind.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple(recruiting.id(), InviteWarning.Kind.EXPIRES_SOON),
                        org.assertj.core.groups.Tuple.tuple(full.id(), InviteWarning.Kind.FULL_FOR_QR));
        assertThat(w.ctx.invites().warnings(now).get(1).expiresAt()).isEqualTo(made.plus(Duration.ofDays(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        // two days earlier only the event group's code was a day from lapsing; the recruiting one not yet
        assertThat(w.ctx.invites().warnings(now.minus(Duration.ofDays(2))))
                .extracting(InviteWarning::groupId, InviteWarning::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(event, InviteWarning.Kind.EXPIRES_SOON),
                        org.assertj.core.groups.Tuple.tuple(full.id(), InviteWarning.Kind.FULL_FOR_QR));

        w.ctx.invites().refreshedNow(recruiting.id());
        w.ctx.invites().record(full.id(), null, false, null);
        assertThat(w.ctx.invites().warnings(now)).extracting(InviteWarning::groupId).containsExactly(event);
    }
}
