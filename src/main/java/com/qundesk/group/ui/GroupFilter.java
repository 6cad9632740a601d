package com.qundesk.group.ui;

import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;

import java.util.Locale;
import java.util.function.Predicate;

/** The table's search and filters as one predicate; null means "any"; {@code assignee}: the operator assigned. */
public record GroupFilter(String text, Platform platform, Purpose purpose, GroupKind kind, GroupStatus status,
                          String owner, String tag, String assignee) implements Predicate<GroupRow> {

    public static final GroupFilter NONE = new GroupFilter(null, null, null, null, null, null, null, null);
    /** The operator filter's choice "assigned to me" (the operator working now), before any operator's name. */
    public static final String MINE = "\u0000mine";

    @Override
    public boolean test(GroupRow row) {
        var g = row.group();
        if (text != null && !text.isBlank()
                && !row.searchText().contains(text.strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return (platform == null || g.platform() == platform)
                && (purpose == null || g.purpose() == purpose)
                && (kind == null || g.kind() == kind)
                && (status == null || g.status() == status)
                && (owner == null || owner.equals(g.owner()))
                && (tag == null || g.tags().contains(tag))
                && (assignee == null || assignee.equals(g.assignee()));
    }
}
