package com.qundesk.group.ui;

import com.qundesk.flash.FlashState;
import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;

import java.util.Locale;

/**
 * One line of the groups table: the group plus the localized labels the table shows, sorts and searches,
 * computed once per load instead of on every cell paint.
 */
public record GroupRow(Group group, String platformLabel, String purposeLabel, String kindLabel, String statusLabel,
                       String tagsText, String parentName, String searchText) {

    /**
     * A row whose status is {@code flashState} (its state now) when the group is a live flash group, so that Groups
     * says what Today, the dashboard and the CLI say; the registry status otherwise.
     */
    public static GroupRow of(Group g, Messages m, String parentName, FlashState flashState) {
        String status = m.get(FlashState.statusKey(g.status(), flashState));
        String tags = String.join(", ", g.tags());
        String search = (g.name() + " " + (g.externalId() == null ? "" : g.externalId()) + " " + tags + " "
                + (g.owner() == null ? "" : g.owner())).toLowerCase(Locale.ROOT);
        return new GroupRow(g, m.get(g.platform().messageKey()), m.get(g.purpose().messageKey()),
                m.get(g.kind().messageKey()), status, tags, parentName, search);
    }

    public long id() {
        return group.id();
    }
}
