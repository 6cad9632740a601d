package com.qundesk.campaign;

import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns: create, edit, cancel, link groups, record the outcome. One transaction per method. */
public final class CampaignService {

    private final Database db;
    private final CampaignRepository repo;
    private final Clock clock;

    public CampaignService(Database db, CampaignRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    public List<Campaign> list() {
        return db.read(repo::findAll);
    }

    public Campaign get(long id) {
        return db.read(c -> require(c, id));
    }

    public Optional<Campaign> find(long id) {
        return db.read(c -> repo.findById(c, id));
    }

    public List<Long> groupIds(long campaignId) {
        return db.read(c -> repo.groupIds(c, campaignId));
    }

    public Campaign create(Campaign draft) {
        return db.inTransaction(c -> insert(c, draft));
    }

    /**
     * Saves {@code edited} if the stored campaign is still at {@code edited.version()} (0: made from the stored one);
     * otherwise nothing is written and a {@link CampaignConflictException} says so.
     */
    public Campaign update(Campaign edited) {
        return db.inTransaction(c -> {
            Campaign before = require(c, edited.id());
            Campaign k = normalize(edited).withTimes(before.createdAt(), now());
            validate(k);
            return write(c, edited.version() == 0 ? k.withAssignee(k.assignee(), before.version()) : k);
        });
    }

    public Campaign cancel(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(FieldError.of("cancelReason", "validation.campaign.cancelReason"));
        }
        return db.inTransaction(c -> {
            Campaign k = require(c, id);
            if (k.cancelledAt() != null) {
                throw new ValidationException(FieldError.of("status", "validation.campaign.alreadyCancelled", k.name()));
            }
            return write(c, k.withCancel(now(), reason.strip()).withTimes(k.createdAt(), now()));
        });
    }

    public Campaign recordOutcome(long id, String summary) {
        return db.inTransaction(c -> {
            Campaign k = require(c, id);
            return write(c, k.withOutcome(summary == null || summary.isBlank() ? null : summary.strip())
                    .withTimes(k.createdAt(), now()));
        });
    }

    public void link(long campaignId, long groupId) {
        db.inTransaction(c -> {
            require(c, campaignId);
            repo.link(c, campaignId, groupId);
            return null;
        });
    }

    // --- within a caller's transaction ---------------------------------------------------

    public List<Campaign> listIn(Connection c) throws SQLException {
        return repo.findAll(c);
    }

    public Campaign insert(Connection c, Campaign draft) throws SQLException {
        Campaign k = normalize(draft).withTimes(now(), now());
        validate(k);
        return require(c, repo.insert(c, k));
    }

    public Optional<Campaign> campaignOfGroup(Connection c, long groupId) throws SQLException {
        return repo.campaignOfGroup(c, groupId);
    }

    /** The campaign of every linked group, in one query (see {@link CampaignRepository#campaignOfEveryGroup}). */
    public Map<Long, CampaignRepository.CampaignRef> campaignOfEveryGroup(Connection c) throws SQLException {
        return repo.campaignOfEveryGroup(c);
    }

    public void link(Connection c, long campaignId, long groupId) throws SQLException {
        repo.link(c, campaignId, groupId);
    }

    /** Writes {@code k} if the stored campaign is still at its version; the stored campaign after. */
    private Campaign write(Connection c, Campaign k) throws SQLException {
        if (!repo.update(c, k)) {
            Campaign now = require(c, k.id());
            throw new CampaignConflictException(now.name(), k.version(), now.version());
        }
        return require(c, k.id());
    }

    public Campaign require(Connection c, long id) throws SQLException {
        return repo.findById(c, id).orElseThrow(
                () -> new ValidationException(FieldError.of("campaign", "validation.campaign.notFound", id)));
    }

    static void validate(Campaign k) {
        List<FieldError> errors = new ArrayList<>();
        if (k.name() == null || k.name().isBlank()) {
            errors.add(FieldError.of("name", "validation.campaign.name"));
        }
        if (k.type() == null) {
            errors.add(FieldError.of("type", "validation.campaign.type"));
        }
        if (k.startsAt() == null || k.endsAt() == null) {
            errors.add(FieldError.of("startsAt", "validation.campaign.dates"));
        } else if (k.endsAt().isBefore(k.startsAt())) {
            errors.add(FieldError.of("endsAt", "validation.campaign.endBeforeStart"));
        }
        Campaign.Goals g = k.goals();
        for (Integer v : new Integer[] {g.signups(), g.conversions(), g.couponsIssued(), g.couponsRedeemed(),
                g.gmvYuan()}) {
            if (v != null && v < 0) {
                errors.add(FieldError.of("goals", "validation.campaign.goalNegative"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static Campaign normalize(Campaign k) {
        String name = k.name() == null ? null : k.name().strip();
        String owner = k.owner() == null || k.owner().isBlank() ? null : k.owner().strip();
        String assignee = k.assignee() == null || k.assignee().isBlank() ? null : k.assignee().strip();
        return new Campaign(k.id(), k.type(), name, k.startsAt(), k.endsAt(), owner, k.goals(), k.cancelledAt(),
                k.cancelReason(), k.outcomeSummary(), k.notes(), k.createdAt(), k.updatedAt(), assignee, k.version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
