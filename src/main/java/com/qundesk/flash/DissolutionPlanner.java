package com.qundesk.flash;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.campaign.CampaignType;
import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.core.ValidationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The dashboard's one-click actions on a long-term group: schedule its dissolution (with the checklist and
 * reminders of a flash group), convert it to a flash group, or re-form it (a re-formation campaign, a new
 * group, and the old one's dissolution after the campaign).
 */
public final class DissolutionPlanner {

    /** Time given to work through the checklist before a scheduled dissolution. */
    public static final Duration NOTICE = Duration.ofDays(3);

    private final Database db;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final FlashRepository repo;
    private final FlashService flash;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public DissolutionPlanner(Database db, GroupService groups, CampaignService campaigns, FlashRepository repo,
                              FlashService flash, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.campaigns = campaigns;
        this.repo = repo;
        this.flash = flash;
        this.clock = clock;
        this.zone = zone;
    }

    /** Puts a long-term group on a dissolution schedule: due in {@link #NOTICE}, checklist and reminders. */
    public FlashGroup scheduleDissolution(long groupId, String reason) {
        return db.inTransaction(c -> {
            Group g = groups.requireIn(c, groupId);
            Instant now = now();
            startLifecycle(c, g, now.plus(NOTICE), "dissolution-scheduled", reason, now);
            groups.updateIn(c, g.toBuilder().status(GroupStatus.DISSOLUTION_SCHEDULED).build(), null);
            return flash.get(c, groupId);
        });
    }

    /** Marks a long-term group as a flash group and schedules its end. */
    public FlashGroup convertToFlash(long groupId, String reason) {
        return db.inTransaction(c -> {
            Group g = groups.requireIn(c, groupId);
            Instant now = now();
            startLifecycle(c, g, now.plus(NOTICE), "converted-to-flash", reason, now);
            groups.updateIn(c, g.toBuilder().kind(GroupKind.FLASH).status(GroupStatus.DISSOLUTION_SCHEDULED).build(),
                    null);
            return flash.get(c, groupId);
        });
    }

    /** What a re-formation created. */
    public record Reformation(Campaign campaign, Group newGroup, FlashGroup oldGroup) {
    }

    /**
     * Re-forms a (core) group: a one-week re-formation campaign with a joining ceremony, a new group linked to
     * it, and the old group's dissolution 3 days after the campaign ends.
     */
    public Reformation reform(long groupId, String newName) {
        return db.inTransaction(c -> {
            Group old = groups.requireIn(c, groupId);
            Instant now = now();
            Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            Instant end = start.plus(Duration.ofDays(7));
            Campaign k = campaigns.insert(c, Campaign.draft(CampaignType.OTHER, "重组：" + old.name(), start, end));
            Group fresh = old.toBuilder().id(null).externalId(null).name(newName).memberCount(0)
                    .status(GroupStatus.ACTIVE).createdAt(now).reformedAt(now).dissolvedAt(null)
                    .dissolutionReason(null).build();
            Group created = groups.insertIn(c, fresh, "reformed-from", "#" + old.id());
            campaigns.link(c, k.id(), created.id());
            campaigns.link(c, k.id(), old.id());
            Instant due = LifetimePreset.ACTIVITY.dueAt(start, end, null, null, zone.get());
            startLifecycle(c, old, due, "reformed", "#" + created.id(), now);
            groups.updateIn(c, old.toBuilder().status(GroupStatus.DISSOLUTION_SCHEDULED).build(), null);
            return new Reformation(k, created, flash.get(c, groupId));
        });
    }

    private void startLifecycle(Connection c, Group g, Instant due, String action, String note, Instant now)
            throws SQLException {
        if (repo.find(c, g.id()).isPresent()) {
            throw new ValidationException(FieldError.of("group", "validation.flash.alreadyScheduled", g.name()));
        }
        if (!g.status().isLive()) {
            throw new ValidationException(FieldError.of("group", "validation.flash.notLive", g.name()));
        }
        Instant opened = g.createdAt() != null && g.createdAt().isBefore(now) ? g.createdAt() : now;
        repo.insert(c, new FlashLifecycle(g.id(), LifetimePreset.CUSTOM, FlashState.OPEN, opened, due, null, null,
                Set.of(), Set.of()));
        flash.scheduleReminders(c, g.id(), due, now);
        groups.recordIn(c, g.id(), action, "dueAt", null, due.toString(), note);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
