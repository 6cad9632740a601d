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
import com.qundesk.ui.FormGrid;
import com.qundesk.ui.IsoDatePicker;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
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
 * extend with a new time and a reason, or convert to a long-term group. Built from bundle strings.
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

    /** Shows the checklist of {@code groupId}; {@code onChange} runs after anything was saved. */
    public void checklist(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        FlashLifecycle l = fg.lifecycle();
        long id = fg.group().id();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("checklist.title"));
        Instant now = view.clock().instant();
        d.setHeaderText(m.get("checklist.header", fg.group().name(), m.get(l.stateAt(now).messageKey()),
                view.formats().dateTime(l.dueAt()), Countdown.format(m, now, l.dueAt())));

        VBox items = new VBox(8);
        items.getStyleClass().add("checklist-items");
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
            items.getChildren().add(box);
        }

        TextArea farewell = new TextArea();
        farewell.setId("farewellText");
        farewell.setWrapText(true);
        farewell.setPrefRowCount(4);
        farewell.setEditable(false);
        Button copy = new Button(m.get("checklist.copyFarewell"));
        copy.setId("copyFarewell");
        Label copied = new Label();
        copied.getStyleClass().add("text-muted");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(farewell.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(m.get("checklist.copied"));
        });
        String lang = m.locale().getLanguage().equals("zh") ? "zh" : "en";
        view.tasks().run(() -> com.qundesk.flash.Farewell.text(templates, fg, lang,
                view.clock().instant(), view.formats().zone()), farewell::setText);

        VBox content = new VBox(12, items, new Label(m.get("checklist.farewellLabel")), farewell,
                new HBox(8, copy, copied));
        d.getDialogPane().setContent(content);
        d.getDialogPane().setPrefWidth(560);

        ButtonType dissolve = new ButtonType(m.get("checklist.dissolve"), ButtonBar.ButtonData.OK_DONE);
        ButtonType extend = new ButtonType(m.get("checklist.extend"), ButtonBar.ButtonData.OTHER);
        ButtonType convert = new ButtonType(m.get("checklist.convert"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(m.get("checklist.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        if (l.state().isFinal()) {
            d.getDialogPane().getButtonTypes().add(close);
        } else {
            d.getDialogPane().getButtonTypes().addAll(dissolve, extend, convert, close);
            d.getDialogPane().lookupButton(dissolve).setId("dissolveButton");
        }
        Optional<ButtonType> choice = d.showAndWait();
        if (choice.isEmpty() || choice.get() == close) {
            return;
        }
        if (choice.get() == dissolve) {
            Set<ChecklistItem> open = EnumSet.allOf(ChecklistItem.class);
            open.removeAll(done);
            if (!open.isEmpty() && !confirmSkip(owner, m, open)) {
                return;
            }
            view.tasks().run(() -> flash.dissolve(id, null, !open.isEmpty()), f -> onChange.run());
        } else if (choice.get() == extend) {
            extend(owner, fg, onChange);
        } else if (choice.get() == convert) {
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
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("flash.extend.title"));
        d.setHeaderText(m.get("flash.extend.header", fg.group().name(), view.formats().dateTime(fg.lifecycle().dueAt())));
        Instant suggestion = view.clock().instant().plusSeconds(24 * 3600);
        DatePicker date = new IsoDatePicker(view.formats().toDate(suggestion));
        date.setId("extendDate");
        TextField time = new TextField(LocalTime.of(22, 0).toString());
        time.setId("extendTime");
        time.setPrefColumnCount(5);
        TextField reason = new TextField();
        reason.setId("extendReason");
        reason.setPromptText(m.get("flash.extend.reasonPrompt"));
        GridPane grid = FormGrid.create(10, 8);
        grid.addRow(0, new Label(m.get("flash.extend.newDue")), new HBox(6, date, time));
        grid.addRow(1, new Label(m.get("flash.extend.reason")), reason);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(m.get("flash.extend.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty()
                .or(date.valueProperty().isNull()));
        if (d.showAndWait().filter(b -> b == ok).isEmpty()) {
            return;
        }
        Instant due;
        try {
            due = at(date.getValue(), time.getText());
        } catch (DateTimeParseException e) {
            view.tasks().errors().report(new com.qundesk.core.ValidationException(
                    com.qundesk.core.FieldError.of("dueAt", "flash.extend.badTime", time.getText())));
            return;
        }
        view.tasks().run(() -> flash.extend(fg.group().id(), due, reason.getText()), f -> onChange.run());
    }

    /** Asks why the group is kept, then converts it to a long-term group. */
    public void convert(Window owner, FlashGroup fg, Runnable onChange) {
        Messages m = view.messages();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("flash.convert.title"));
        d.setHeaderText(m.get("flash.convert.header", fg.group().name()));
        TextArea reason = new TextArea();
        reason.setId("convertReason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText(m.get("flash.convert.prompt"));
        d.getDialogPane().setContent(reason);
        ButtonType ok = new ButtonType(m.get("flash.convert.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        if (d.showAndWait().filter(b -> b == ok).isPresent()) {
            view.tasks().run(() -> flash.convert(fg.group().id(), reason.getText()), f -> onChange.run());
        }
    }

    private Instant at(LocalDate date, String hhmm) {
        LocalTime t = LocalTime.parse(hhmm.strip().length() == 4 ? "0" + hhmm.strip() : hhmm.strip());
        return date.atTime(t).atZone(view.formats().zone()).toInstant();
    }
}
