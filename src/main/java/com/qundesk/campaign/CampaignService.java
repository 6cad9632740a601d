package com.qundesk.campaign;

import com.qundesk.core.FieldChange;
import com.qundesk.core.FieldError;
import com.qundesk.core.RefusedSave;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Database;
import com.qundesk.group.OperatorRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Campaigns: create, edit, cancel, link groups, record the outcome. One transaction per method; each change writes its
 * history (who changed which field, and the version it made) in the same transaction.
 */
public final class CampaignService {

    private final Database db;
    private final CampaignRepository repo;
    private final Clock clock;
    private final OperatorRepository operatorNames = new OperatorRepository();
    /** Who is working: written as the actor of every history row. */
    private final Supplier<String> operator;

    public CampaignService(Database db, CampaignRepository repo, Clock clock, Supplier<String> operator) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.operator = operator;
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

    /** The operators' display names by login (logins without one are absent): how assignees and history show them. */
    public Map<String, String> displayNames() {
        return db.read(operatorNames::displayNames);
    }

    /** The campaign's history, newest first. */
    public List<CampaignHistoryEntry> history(long campaignId) {
        return db.read(c -> repo.history(c, campaignId));
    }

    public List<Long> groupIds(long campaignId) {
        return db.read(c -> repo.groupIds(c, campaignId));
    }

    public Campaign create(Campaign draft) {
        return db.inTransaction(c -> insert(c, draft));
    }

    /**
     * Saves {@code edited} if the stored campaign is still at {@code edited.version()} (0: made from the stored one);
     * otherwise nothing is written and a {@link CampaignConflictException} says who changed which field since.
     */
    public Campaign update(Campaign edited) {
        return db.inTransaction(c -> {
            Campaign before = require(c, edited.id());
            Campaign k = normalize(edited).withTimes(before.createdAt(), now());
            validate(k);
            return write(c, edited.version() == 0 ? k.withAssignee(k.assignee(), before.version()) : k, null);
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
            return write(c, k.withCancel(now(), reason.strip()).withTimes(k.createdAt(), now()), "cancelled");
        });
    }

    public Campaign recordOutcome(long id, String summary) {
        return db.inTransaction(c -> {
            Campaign k = require(c, id);
            return write(c, k.withOutcome(summary == null || summary.isBlank() ? null : summary.strip())
                    .withTimes(k.createdAt(), now()), "outcome");
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
        Campaign stored = require(c, repo.insert(c, k));
        repo.addHistory(c, stored.id(), now(), "created", null, null, null, operator.get(), stored.version());
        return stored;
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

    /**
     * Writes {@code k} if the stored campaign is still at its version, with a history row for the {@code action}
     * (null: a plain edit) and one per changed field, all carrying the operator and the version made; the stored
     * campaign after.
     */
    private Campaign write(Connection c, Campaign k, String action) throws SQLException {
        Campaign before = require(c, k.id());
        if (before.version() != k.version() || !repo.update(c, k)) {
            throw conflict(c, require(c, k.id()), k);
        }
        Instant at = now();
        String actor = operator.get();
        long version = k.version() + 1;
        if (action != null) {
            repo.addHistory(c, k.id(), at, action, null, null, null, actor, version);
        }
        for (FieldChange ch : CampaignFields.diff(before, k)) {
            repo.addHistory(c, k.id(), at, "edited", ch.field(), ch.oldValue(), ch.newValue(), actor, version);
        }
        return require(c, k.id());
    }

    /** The refusal of {@code mine} (made from an older version) against {@code theirs}, the campaign as stored now. */
    private CampaignConflictException conflict(Connection c, Campaign theirs, Campaign mine) throws SQLException {
        List<RefusedSave.PastChange> since = repo.historySince(c, theirs.id(), mine.version()).stream()
                .map(h -> new RefusedSave.PastChange(h.actor(), h.field(), h.at())).toList();
        return new CampaignConflictException(mine.version(), theirs, mine,
                RefusedSave.Since.of(since, operatorNames.displayNames(c)));
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
