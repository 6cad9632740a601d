package com.qundesk.dashboard.ui;

import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.ui.FlashDialogs;
import com.qundesk.group.ui.GroupDialogs;
import com.qundesk.i18n.Messages;
import com.qundesk.shell.UiContext;
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
final class VerdictActions {

    private VerdictActions() {
    }

    static void act(UiContext ui, Window owner, GroupHealth h, Runnable onDone) {
        Messages m = ui.messages();
        long id = h.group().id();
        Runnable done = onDone;
        switch (h.recommendation()) {
            case DISSOLVE -> ui.tasks().run(() -> flashOf(ui, id), flash -> {
                if (flash.isPresent()) {
                    new FlashDialogs(ui.view(), ui.app().flash(), ui.app().templates()).checklist(owner, flash.get(), done);
                } else if (GroupDialogs.confirm(owner, m, m.get("dashboard.dissolve.header", h.group().name()),
                        m.get("dashboard.dissolve.text"))) {
                    ui.tasks().run(() -> ui.app().planner().scheduleDissolution(id, m.get("dashboard.dissolve.note")),
                            f -> done.run());
                }
            });
            case SPLIT -> GroupDialogs.split(owner, m, h.group()).ifPresent(req ->
                    ui.tasks().run(() -> ui.app().groups().split(id, req), children -> done.run()));
            case RE_FORM -> {
                TextInputDialog d = new TextInputDialog(h.group().name() + "（" + Year.now().plusYears(1) + "）");
                d.initOwner(owner);
                d.setTitle(m.get("dashboard.reform.title"));
                d.setHeaderText(m.get("dashboard.reform.header", h.group().name()));
                d.setContentText(m.get("dashboard.reform.name"));
                d.showAndWait().filter(s -> !s.isBlank()).ifPresent(name ->
                        ui.tasks().run(() -> ui.app().planner().reform(id, name.strip()), r -> done.run()));
            }
            case CONVERT_TO_FLASH -> {
                if (GroupDialogs.confirm(owner, m, m.get("dashboard.convert.header", h.group().name()),
                        m.get("dashboard.convert.text"))) {
                    ui.tasks().run(() -> ui.app().planner().convertToFlash(id, m.get("dashboard.convert.note")),
                            f -> done.run());
                }
            }
            case IMPROVE, KEEP -> { }
        }
    }

    private static Optional<FlashGroup> flashOf(UiContext ui, long id) {
        return ui.app().flash().list().stream().filter(f -> f.group().id() == id
                && !f.lifecycle().state().isFinal()).findFirst();
    }
}
