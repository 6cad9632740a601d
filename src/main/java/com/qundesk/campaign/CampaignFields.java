package com.qundesk.campaign;

import com.qundesk.core.FieldChange;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The recorded fields of a campaign, each as text, so that edits can be written into its history and merged. */
public final class CampaignFields {

    /** A field: its name in the history and its value. */
    private record Field(String name, Function<Campaign, Object> get) implements FieldChange.Of<Campaign> {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("type", k -> k.type() == null ? null : k.type().token()),
            new Field("name", Campaign::name),
            new Field("startsAt", Campaign::startsAt),
            new Field("endsAt", Campaign::endsAt),
            new Field("owner", Campaign::owner),
            new Field("assignee", Campaign::assignee),
            new Field("goalSignups", k -> k.goals().signups()),
            new Field("goalConversions", k -> k.goals().conversions()),
            new Field("goalCouponsIssued", k -> k.goals().couponsIssued()),
            new Field("goalCouponsRedeemed", k -> k.goals().couponsRedeemed()),
            new Field("goalGmvYuan", k -> k.goals().gmvYuan()),
            new Field("cancelledAt", Campaign::cancelledAt),
            new Field("cancelReason", Campaign::cancelReason),
            new Field("outcomeSummary", Campaign::outcomeSummary),
            new Field("notes", Campaign::notes));

    private CampaignFields() {
    }

    /** The fields in which {@code after} differs from {@code before}, in the dialog's order. */
    public static List<FieldChange> diff(Campaign before, Campaign after) {
        return FieldChange.between(before, after, FIELDS);
    }

    /**
     * {@code theirs} with {@code mine}'s value in each field named in {@code useMine}: the merge of a refused save
     * ({@link CampaignConflictException}), to be saved against {@code theirs}' version.
     */
    public static Campaign merge(Campaign theirs, Campaign mine, Set<String> useMine) {
        Pick p = new Pick(theirs, mine, useMine);
        Campaign.Goals goals = new Campaign.Goals(p.of("goalSignups", k -> k.goals().signups()),
                p.of("goalConversions", k -> k.goals().conversions()),
                p.of("goalCouponsIssued", k -> k.goals().couponsIssued()),
                p.of("goalCouponsRedeemed", k -> k.goals().couponsRedeemed()),
                p.of("goalGmvYuan", k -> k.goals().gmvYuan()));
        return new Campaign(theirs.id(), p.of("type", Campaign::type), p.of("name", Campaign::name),
                p.of("startsAt", Campaign::startsAt), p.of("endsAt", Campaign::endsAt), p.of("owner", Campaign::owner),
                goals, p.of("cancelledAt", Campaign::cancelledAt), p.of("cancelReason", Campaign::cancelReason),
                p.of("outcomeSummary", Campaign::outcomeSummary), p.of("notes", Campaign::notes),
                theirs.createdAt(), theirs.updatedAt(), p.of("assignee", Campaign::assignee), theirs.version());
    }

    /** Each field's value from theirs, or from mine where named. */
    private record Pick(Campaign theirs, Campaign mine, Set<String> useMine) {
        <V> V of(String field, Function<Campaign, V> get) {
            return get.apply(useMine.contains(field) ? mine : theirs);
        }
    }
}
