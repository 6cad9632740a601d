package com.qundesk.plan;

import com.qundesk.group.Purpose;
import com.qundesk.i18n.Localizable;

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

    /** Which groups it is for, in the operator's words ({@code Messages.describe}): by purpose, by tag, or both. */
    public Localizable target() {
        Localizable purposeName = purpose == null ? null : message(purpose.messageKey());
        String key = purpose == null ? "planTemplate.forTag" : tag == null ? "planTemplate.forPurpose"
                : "planTemplate.forBoth";
        return purpose == null ? message(key, tag) : tag == null ? message(key, purposeName)
                : message(key, purposeName, tag);
    }

    private static Localizable message(String key, Object... args) {
        List<Object> list = List.of(args);
        return new Localizable() {
            @Override
            public String messageKey() {
                return key;
            }

            @Override
            public List<Object> messageArgs() {
                return list;
            }
        };
    }

    /** Whether a group of {@code purpose} carrying {@code tags} is one this template is for. */
    public boolean fits(Purpose groupPurpose, List<String> tags) {
        boolean purposeFits = purpose == null || purpose == groupPurpose;
        boolean tagFits = tag == null || tags.stream().anyMatch(t -> t.strip().equalsIgnoreCase(tag));
        return purposeFits && tagFits;
    }
}
