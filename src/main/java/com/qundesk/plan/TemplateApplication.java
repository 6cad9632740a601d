package com.qundesk.plan;

import java.util.List;

/**
 * What applying a template did (or, for a dry run, would do): the groups that got its items, with the items, and
 * the groups that already had them.
 */
public record TemplateApplication(PlanTemplate template, boolean dryRun, List<GroupItems> added,
                                  List<GroupRef> alreadyHad) {

    public TemplateApplication {
        added = List.copyOf(added);
        alreadyHad = List.copyOf(alreadyHad);
    }

    /** A group the template fits. */
    public record GroupRef(long id, String name) {
    }

    /** A group and the plan items it got (ids null in a dry run). */
    public record GroupItems(GroupRef group, List<PlanItem> items) {
        public GroupItems {
            items = List.copyOf(items);
        }
    }

    public int itemsCreated() {
        return added.stream().mapToInt(g -> g.items().size()).sum();
    }
}
