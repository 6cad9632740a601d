package com.qundesk.flash;

import com.qundesk.group.Group;

/**
 * A flash group with its lifecycle and (when it has one) its campaign's name and assignee, for lists and the
 * calendar.
 */
public record FlashGroup(Group group, FlashLifecycle lifecycle, Long campaignId, String campaignName,
                         String campaignAssignee) {

    /** Whose it is: the group's assignee, else its campaign's (null: nobody's). */
    public String assignee() {
        return group.assignee() != null ? group.assignee() : campaignAssignee;
    }
}
