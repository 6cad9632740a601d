package com.qundesk.flash.ui;

import com.qundesk.flash.ChecklistItem;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashLifecycle;
import com.qundesk.flash.FlashService;
import com.qundesk.i18n.Messages;
import com.qundesk.template.TemplateService;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.Countdown;
import com.qundesk.ui.DialogButtons;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The flash group's pre-dissolution checklist and its end: dissolve (asking before skipping open items),
 * extend with a new time and a reason, or convert to a long-term group; and moving a dissolution not yet due.
 * Built with the services they use; each dialog's form is its own FXML ({@link ChecklistDialog},
 * {@link ExtendDialog}, {@link ConvertDialog}, {@link RescheduleDialog}).
 */
public final class FlashDialogs {

    private final ViewContext view;
    private final FlashService flash;
    private final TemplateService templates;

    public FlashDialogs(ViewContext view, FlashService flash, TemplateService templates) {
        this.view = view;
        this.flash = flash;
        this.templates = templates;
    }

    /** Shows the checklist of {@code fg}; {@code onChange} runs after anything was saved. */
    public void checklist(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        FlashLifecycle l = fg.lifecycle();
        long id = fg.group().id();
        ChecklistDialog form = ChecklistDialog.load(view);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(form.pane());
        d.setTitle(m.get("checklist.title"));
        Instant now = view.clock().instant();
        d.setHeaderText(m.get("checklist.header", fg.group().name(), m.get(l.stateAt(now).messageKey()),
                view.formats().dateTime(l.dueAt()), Countdown.format(m, now, l.dueAt())));

        Set<ChecklistItem> done = EnumSet.noneOf(ChecklistItem.class);
        done.addAll(l.done());
        for (ChecklistItem item : ChecklistItem.values()) {
            CheckBox box = new CheckBox(m.get(item.messageKey()));
            box.setId("check-" + item.token());
            box.setSelected(done.contains(item));
            box.setDisable(l.state().isFinal());
            box.selectedProperty().addListener((obs, was, is) -> {
                if (is) {
                    done.add(item);
                } else {
                    done.remove(item);
                }
                view.tasks().run(() -> flash.setChecklist(id, item, is), saved -> onChange.run());
            });
            form.items().getChildren().add(box);
        }
        String lang = m.locale().getLanguage().equals("zh") ? "zh" : "en";
        view.tasks().run(() -> com.qundesk.flash.Farewell.text(templates, fg, lang,
                view.clock().instant(), view.formats().zone()), form.farewellText()::setText);

        if (l.state().isFinal()) {
            form.onlyClose();
        } else {
            form.pane().lookupButton(form.dissolve()).setId("dissolveButton");
        }
        Optional<ButtonType> choice = d.showAndWait();
        if (choice.isEmpty() || choice.get() == form.close()) {
            return;
        }
        if (choice.get() == form.dissolve()) {
            Set<ChecklistItem> open = EnumSet.allOf(ChecklistItem.class);
            open.removeAll(done);
            if (!open.isEmpty() && !confirmSkip(owner, m, open)) {
                return;
            }
            view.tasks().run(() -> flash.dissolve(id, null, !open.isEmpty()), f -> onChange.run());
        } else if (choice.get() == form.extend()) {
            extend(owner, fg, onChange);
        } else if (choice.get() == form.convert()) {
            convert(owner, fg, onChange);
        }
    }

    private static boolean confirmSkip(Window owner, Messages m, Set<ChecklistItem> open) {
        StringBuilder sb = new StringBuilder(m.get("checklist.skipText")).append("\n");
        for (ChecklistItem i : open) {
            sb.append("\n• ").append(m.get(i.messageKey()));
        }
        Alert a = DialogButtons.alert(Alert.AlertType.CONFIRMATION, sb.toString(), m);
        a.initOwner(owner);
        a.setTitle(m.get("app.title"));
        a.setHeaderText(m.get("checklist.skipHeader", open.size()));
        return DialogButtons.accepted(a.showAndWait());
    }

    /** Asks for a new due time and a reason, then extends. */
    public void extend(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        ExtendDialog form = ExtendDialog.load(view);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(form.pane());
        d.setTitle(m.get("flash.extend.title"));
        d.setHeaderText(m.get("flash.extend.header", fg.group().name(),
                view.formats().dateTime(fg.lifecycle().dueAt())));
        form.date().setValue(view.formats().toDate(view.clock().instant().plusSeconds(24 * 3600)));
        if (d.showAndWait().filter(b -> b == form.ok()).isEmpty()) {
            return;
        }
        String time = form.time().getText();
        Instant due;
        try {
            due = at(form.date().getValue(), time);
        } catch (DateTimeParseException e) {
            view.tasks().errors().report(new com.qundesk.core.ValidationException(
                    com.qundesk.core.FieldError.of("dueAt", "flash.extend.badTime", time)));
            return;
        }
        String reason = form.reason().getText();
        view.tasks().run(() -> flash.extend(fg.group().id(), due, reason), f -> onChange.run());
    }

    /** Asks why the group is kept, then converts it to a long-term group. */
    public void convert(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        ConvertDialog form = ConvertDialog.load(view);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(form.pane());
        d.setTitle(m.get("flash.convert.title"));
        d.setHeaderText(m.get("flash.convert.header", fg.group().name()));
        if (d.showAndWait().filter(b -> b == form.ok()).isPresent()) {
            String reason = form.reason().getText();
            view.tasks().run(() -> flash.convert(fg.group().id(), reason), f -> onChange.run());
        }
    }

    /** Asks for a new dissolution time of a group not yet due, then moves it (its reminders follow). */
    public void reschedule(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        RescheduleDialog form = RescheduleDialog.load(view, fg.lifecycle().dueAt());
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(form.pane());
        d.setTitle(m.get("calendar.reschedule.title"));
        d.setHeaderText(m.get("calendar.reschedule.header", fg.group().name(),
                view.formats().dateTime(fg.lifecycle().dueAt())));
        if (d.showAndWait().filter(b -> b == form.ok()).isPresent() && form.when().value() != null) {
            Instant due = form.when().value();
            view.tasks().run(() -> flash.reschedule(fg.group().id(), due), f -> onChange.run());
        }
    }

    private Instant at(LocalDate date, String hhmm) {
        LocalTime t = LocalTime.parse(hhmm.strip().length() == 4 ? "0" + hhmm.strip() : hhmm.strip());
        return date.atTime(t).atZone(view.formats().zone()).toInstant();
    }
}
