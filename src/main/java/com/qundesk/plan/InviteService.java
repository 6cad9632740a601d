package com.qundesk.plan;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.db.Database;
import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashRepository;
import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.group.Platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invites that stay valid (PRODUCT.md): a WeChat group's QR code works for 7 days and admits nobody past 200
 * members. Today warns a day before a code lapses when the group has an upcoming event or is still recruiting,
 * and flags groups past 200 members that still advertise a code. WeCom groups are exempt: WeCom's own
 * contact-way code (群活码) serves them.
 */
public final class InviteService {

    public static final Duration QR_VALIDITY = Duration.ofDays(7);
    public static final Duration WARN_BEFORE = Duration.ofDays(1);
    public static final int QR_MEMBER_LIMIT = 200;

    private final Database db;
    private final InviteRepository repo;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final FlashRepository flash;
    private final Clock clock;

    public InviteService(Database db, InviteRepository repo, GroupService groups, CampaignService campaigns,
                         FlashRepository flash, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.groups = groups;
        this.campaigns = campaigns;
        this.flash = flash;
        this.clock = clock;
    }

    /** Records the group's invite: QR refreshed at {@code at} (null: unchanged), and how it recruits. */
    public Invite record(long groupId, Instant refreshedAt, Boolean advertisesQr, Boolean recruiting) {
        return db.inTransaction(c -> {
            groups.requireIn(c, groupId);
            Invite old = repo.all(c).getOrDefault(groupId, Invite.none(groupId));
            Invite next = new Invite(groupId,
                    refreshedAt != null ? refreshedAt.truncatedTo(ChronoUnit.SECONDS) : old.qrRefreshedAt(),
                    advertisesQr != null ? advertisesQr : old.advertisesQr(),
                    recruiting != null ? recruiting : old.recruiting());
            repo.upsert(c, next);
            return next;
        });
    }

    /** The QR code was refreshed just now. */
    public Invite refreshedNow(long groupId) {
        return record(groupId, clock.instant(), null, null);
    }

    /** Every open WeChat group whose invite needs the operator as of {@code now}, most urgent first. */
    public List<InviteWarning> warnings(Instant now) {
        return db.read(c -> {
            Map<Long, Invite> invites = repo.all(c);
            Map<Long, Instant> eventEnds = new HashMap<>();
            Map<Long, Campaign> byId = new HashMap<>();
            for (Campaign k : campaigns.listIn(c)) {
                byId.put(k.id(), k);
            }
            for (var e : campaigns.campaignOfEveryGroup(c).entrySet()) {
                Campaign k = byId.get(e.getValue().id());
                if (k != null && k.cancelledAt() == null) {
                    eventEnds.put(e.getKey(), k.endsAt());
                }
            }
            Map<Long, FlashLifecycle> lifecycles = new HashMap<>();
            for (FlashLifecycle f : flash.findOfLiveGroups(c)) {
                lifecycles.put(f.groupId(), f);
            }
            List<InviteWarning> out = new ArrayList<>();
            for (Group g : groups.listIn(c)) {
                if (g.platform() != Platform.WECHAT || !g.status().isLive()) {
                    continue;
                }
                Invite i = invites.getOrDefault(g.id(), Invite.none(g.id()));
                if (g.memberCount() > QR_MEMBER_LIMIT && i.advertisesQr() && invites.containsKey(g.id())) {
                    out.add(new InviteWarning(g.id(), g.name(), InviteWarning.Kind.FULL_FOR_QR, null, g.memberCount()));
                    continue;
                }
                if (i.qrRefreshedAt() == null || g.memberCount() > QR_MEMBER_LIMIT) {
                    continue;
                }
                Instant expires = i.qrRefreshedAt().plus(QR_VALIDITY);
                FlashLifecycle f = lifecycles.get(g.id());
                boolean upcomingEvent = (eventEnds.containsKey(g.id()) && eventEnds.get(g.id()).isAfter(now))
                        || (f != null && !f.state().isFinal() && f.dueAt().isAfter(now));
                if (!upcomingEvent && !i.recruiting()) {
                    continue;
                }
                if (!now.isBefore(expires)) {
                    out.add(new InviteWarning(g.id(), g.name(), InviteWarning.Kind.EXPIRED, expires, g.memberCount()));
                } else if (!now.isBefore(expires.minus(WARN_BEFORE))) {
                    out.add(new InviteWarning(g.id(), g.name(), InviteWarning.Kind.EXPIRES_SOON, expires,
                            g.memberCount()));
                }
            }
            out.sort(Comparator.comparing(InviteWarning::kind).thenComparing(InviteWarning::groupId));
            return out;
        });
    }
}
