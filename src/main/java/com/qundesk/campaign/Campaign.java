package com.qundesk.campaign;

import java.time.Instant;

/**
 * An event with dates, an owner and goals, and the groups it uses. Immutable; {@code id} is null until stored.
 * Goals are optional counts (GMV in whole yuan). {@code assignee}: the operator it is assigned to (null: nobody);
 * {@code version}: the stored row's version (0 unsaved), which an update must name ({@link CampaignConflictException}).
 */
public record Campaign(Long id, CampaignType type, String name, Instant startsAt, Instant endsAt, String owner,
                       Goals goals, Instant cancelledAt, String cancelReason, String outcomeSummary, String notes,
                       Instant createdAt, Instant updatedAt, String assignee, long version) {

    public record Goals(Integer signups, Integer conversions, Integer couponsIssued, Integer couponsRedeemed,
                        Integer gmvYuan) {
        public static final Goals NONE = new Goals(null, null, null, null, null);
    }

    public Campaign {
        goals = goals == null ? Goals.NONE : goals;
    }

    /** A campaign assigned to nobody, at no version yet (a draft, or one to be given its assignee and version). */
    public Campaign(Long id, CampaignType type, String name, Instant startsAt, Instant endsAt, String owner,
                    Goals goals, Instant cancelledAt, String cancelReason, String outcomeSummary, String notes,
                    Instant createdAt, Instant updatedAt) {
        this(id, type, name, startsAt, endsAt, owner, goals, cancelledAt, cancelReason, outcomeSummary, notes,
                createdAt, updatedAt, null, 0);
    }

    public static Campaign draft(CampaignType type, String name, Instant startsAt, Instant endsAt) {
        return new Campaign(null, type, name, startsAt, endsAt, null, Goals.NONE, null, null, null, null, null, null);
    }

    public CampaignStatus statusAt(Instant now) {
        if (cancelledAt != null) {
            return CampaignStatus.CANCELLED;
        }
        if (now.isBefore(startsAt)) {
            return CampaignStatus.PLANNED;
        }
        return now.isAfter(endsAt) ? CampaignStatus.ENDED : CampaignStatus.RUNNING;
    }

    public Campaign withId(long newId) {
        return new Campaign(newId, type, name, startsAt, endsAt, owner, goals, cancelledAt, cancelReason,
                outcomeSummary, notes, createdAt, updatedAt, assignee, version);
    }

    /** This campaign assigned to {@code operator} (null: nobody), as an edit made from {@code fromVersion}. */
    public Campaign withAssignee(String operator, long fromVersion) {
        return new Campaign(id, type, name, startsAt, endsAt, owner, goals, cancelledAt, cancelReason,
                outcomeSummary, notes, createdAt, updatedAt, operator, fromVersion);
    }

    public Campaign withCancel(Instant at, String reason) {
        return new Campaign(id, type, name, startsAt, endsAt, owner, goals, at, reason, outcomeSummary, notes,
                createdAt, updatedAt, assignee, version);
    }

    public Campaign withOutcome(String summary) {
        return new Campaign(id, type, name, startsAt, endsAt, owner, goals, cancelledAt, cancelReason, summary, notes,
                createdAt, updatedAt, assignee, version);
    }

    public Campaign withTimes(Instant created, Instant updated) {
        return new Campaign(id, type, name, startsAt, endsAt, owner, goals, cancelledAt, cancelReason,
                outcomeSummary, notes, created, updated, assignee, version);
    }
}
