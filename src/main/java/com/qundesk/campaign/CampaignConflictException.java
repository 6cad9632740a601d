package com.qundesk.campaign;

import com.qundesk.core.RefusedSave;

import java.util.Set;

/**
 * A campaign save refused because someone saved the campaign since it was read: nothing was written. It says who
 * changed which field since the version the dialog opened with, and holds theirs and mine to merge field by field.
 */
public final class CampaignConflictException extends RefusedSave {

    private final Campaign theirs;
    private final Campaign mine;

    CampaignConflictException(long sinceVersion, Campaign theirs, Campaign mine, Since since) {
        super("campaign.conflict", theirs.name(), sinceVersion, theirs.version(), since,
                CampaignFields.diff(theirs, mine));
        this.theirs = theirs;
        this.mine = mine;
    }

    /** The campaign as stored now. */
    public Campaign theirs() {
        return theirs;
    }

    /** The campaign as the refused save had it. */
    public Campaign mine() {
        return mine;
    }

    /** The campaign to save: theirs with mine's value in each field named in {@code useMine}, at theirs' version. */
    public Campaign merge(Set<String> useMine) {
        return CampaignFields.merge(theirs(), mine(), useMine);
    }
}
