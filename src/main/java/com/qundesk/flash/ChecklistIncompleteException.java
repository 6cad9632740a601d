package com.qundesk.flash;

import com.qundesk.i18n.Localizable;

import java.util.List;
import java.util.Set;

/** Dissolving with unchecked checklist items needs the operator's confirmation (skip) first. */
public class ChecklistIncompleteException extends RuntimeException implements Localizable {
    private final long groupId;
    private final Set<ChecklistItem> open;

    public ChecklistIncompleteException(long groupId, Set<ChecklistItem> open) {
        super("Checklist incomplete for group " + groupId + ": " + open);
        this.groupId = groupId;
        this.open = open.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(open));
    }

    public long groupId() {
        return groupId;
    }

    public Set<ChecklistItem> open() {
        return open;
    }

    @Override
    public String messageKey() {
        return "validation.flash.checklistOpen";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(open.size());
    }
}
