package com.qundesk.campaign;

import com.qundesk.i18n.LocalizedException;

/** A campaign save refused because someone saved the campaign since it was read: nothing was written. */
public final class CampaignConflictException extends LocalizedException {

    CampaignConflictException(String name, long sinceVersion, long versionNow) {
        super("campaign.conflict", null, name, sinceVersion, versionNow);
    }
}
