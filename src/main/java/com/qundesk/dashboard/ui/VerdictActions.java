package com.qundesk.dashboard.ui;

import com.qundesk.flash.DissolutionPlanner;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashService;
import com.qundesk.group.GroupService;
import com.qundesk.flash.ui.FlashDialogs;
import com.qundesk.group.ui.GroupDialogs;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.GroupHealth;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.time.Year;
import java.util.Optional;

/**
 * The one-click actions of the recommendations queue: dissolve (the checklist of a flash group, or a scheduled
 * dissolution with checklist for a long-term one), split (the split dialog), re-form (a re-formation campaign
 * with a new group and the old one's dissolution), convert to flash.
 */
public final class VerdictActions {

    private final ViewContext ui;
    private final DissolutionPlanner planner;
    private final GroupService groups;
    private final FlashService flash;
    private final FlashDialogs flashDialogs;

    public VerdictActions(ViewContext ui, DissolutionPlanner planner, GroupService groups, FlashService flash,
                          FlashDialogs flashDialogs) {
        this.ui = ui;
        this.planner = planner;
        this.groups = groups;
        this.flash = flash;
        this.flashDialogs = flashDialogs;
    }

    void act(Window owner, GroupHealth h, Runnable onDone) {
        Messages m = ui.messages();
        long id = h.group().id();
        Runnable done = onDone;
        switch (h.recommendation()) {
            case DISSOLVE -> ui.tasks().run(() -> flashOf(id), open -> {
                if (open.isPresent()) {
                    flashDialogs.checklist(owner, open.get(), done);
                } else if (GroupDialogs.confirm(owner, m, m.get("dashboard.dissolve.header", h.group().name()),
                        m.get("dashboard.dissolve.text"))) {
                    ui.tasks().run(() -> planner.scheduleDissolution(id, m.get("dashboard.dissolve.note")),
                            f -> done.run());
                }
            });
            case SPLIT -> GroupDialogs.split(owner, m, h.group()).ifPresent(req ->
                    ui.tasks().run(() -> groups.split(id, req), children -> done.run()));
            case RE_FORM -> {
                TextInputDialog d = new TextInputDialog(h.group().name() + "（" + Year.now().plusYears(1) + "）");
                d.initOwner(owner);
                d.setTitle(m.get("dashboard.reform.title"));
                d.setHeaderText(m.get("dashboard.reform.header", h.group().name()));
                d.setContentText(m.get("dashboard.reform.name"));
                d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name ->
                        ui.tasks().run(() -> planner.reform(id, name.strip()), r -> done.run()));
            }
            case CONVERT_TO_FLASH -> {
                if (GroupDialogs.confirm(owner, m, m.get("dashboard.convert.header", h.group().name()),
                        m.get("dashboard.convert.text"))) {
                    ui.tasks().run(() -> planner.convertToFlash(id, m.get("dashboard.convert.note")),
                            f -> done.run());
                }
            }
            case IMPROVE, KEEP -> { }
        }
    }

    private Optional<FlashGroup> flashOf(long id) {
        return flash.list().stream().filter(f -> f.group().id() == id
                && !f.lifecycle().state().isFinal()).findFirst();
    }
}
