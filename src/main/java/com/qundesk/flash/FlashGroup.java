package com.qundesk.flash;

import com.qundesk.group.Group;

/** A flash group with its lifecycle and (when it has one) its campaign's name, for lists and the calendar. */
public record FlashGroup(Group group, FlashLifecycle lifecycle, Long campaignId, String campaignName) {
}
