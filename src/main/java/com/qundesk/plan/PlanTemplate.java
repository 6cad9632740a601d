package com.qundesk.plan;

import com.qundesk.group.Purpose;

import java.time.Instant;
import java.util.List;

/**
 * A plan for many groups: the groups of one purpose, or carrying one tag, or both (a group must then match both)
 * get its items when it is applied. {@code id} and {@code createdAt} are null until stored.
 */
public record PlanTemplate(Long id, String name, Purpose purpose, String tag, Instant createdAt,
                           List<PlanTemplateItem> items) {

    public PlanTemplate {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether a group of {@code purpose} carrying {@code tags} is one this template is for. */
    public boolean fits(Purpose groupPurpose, List<String> tags) {
        boolean purposeFits = purpose == null || purpose == groupPurpose;
        boolean tagFits = tag == null || tags.stream().anyMatch(t -> t.strip().equalsIgnoreCase(tag));
        return purposeFits && tagFits;
    }
}
