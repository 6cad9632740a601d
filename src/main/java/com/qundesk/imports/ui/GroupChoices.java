package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The groups a chat of the Import view can go to: every group by name, after "none" (skip the chat, or create a
 * group for it when group creation is ticked), and each group by id for the groups a preview proposes.
 */
final class GroupChoices {
    private final ViewContext view;
    private final GroupService groups;
    private final ObservableList<Group> choices = FXCollections.observableArrayList();
    private final Map<Long, Group> byId = new HashMap<>();

    GroupChoices(ViewContext view, GroupService groups) {
        this.view = view;
        this.groups = groups;
    }

    private record Loaded(Map<Long, Group> byId, List<Group> choices) {
    }

    /** The choices, null ("none") first. */
    ObservableList<Group> choices() {
        return choices;
    }

    /** The groups by id, as last loaded. */
    Map<Long, Group> byId() {
        return byId;
    }

    /** Shows a group by its name and "none" as skip or create, as {@code createGroups} says at the time. */
    StringConverter<Group> converter(BooleanSupplier createGroups) {
        Messages m = view.messages();
        return new StringConverter<>() {
            @Override
            public String toString(Group g) {
                if (g != null) {
                    return g.name();
                }
                return m.get(createGroups.getAsBoolean() ? "import.group.createNew" : "import.group.skip");
            }

            @Override
            public Group fromString(String s) {
                return choices.stream().filter(g -> g != null && g.name().equals(s)).findFirst().orElse(null);
            }
        };
    }

    /** Reloads the groups in the background. */
    void reload() {
        // sorted on the worker: at 2,000 groups sorting and mapping them on the FX thread showed as a pause
        view.tasks().run(() -> {
            List<Group> list = groups.list();
            Map<Long, Group> ids = new HashMap<>();
            list.forEach(g -> ids.put(g.id(), g));
            List<Group> sorted = new ArrayList<>(list.size() + 1);
            sorted.add(null);
            list.stream().sorted(Comparator.comparing(Group::name)).forEach(sorted::add);
            return new Loaded(ids, sorted);
        }, loaded -> {
            byId.clear();
            byId.putAll(loaded.byId());
            if (!loaded.choices().equals(choices)) {
                choices.setAll(loaded.choices());
            }
        });
    }
}
