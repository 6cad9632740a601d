package com.qundesk.plan.ui;

import com.qundesk.core.ValidationException;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanTemplate;
import com.qundesk.plan.PlanTemplateItem;
import com.qundesk.plan.Recurrence;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import com.qundesk.value.ValueDimension;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The form of a new plan template ({@code PlanTemplateForm.fxml}): name, purpose and/or tag, and its items, each
 * added with its dimension, time of day, title, optional rhythm and text. The service checks it again on saving.
 */
final class PlanTemplateForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private Messages m;
    private DialogPane pane;

    @FXML private TextField templateName;
    @FXML private ComboBox<Purpose> templatePurpose;
    @FXML private TextField templateTag;
    @FXML private ListView<PlanTemplateItem> formItems;
    @FXML private ComboBox<ValueDimension> itemDimension;
    @FXML private TextField itemTime;
    @FXML private TextField itemTitle;
    @FXML private ComboBox<String> itemRule;
    @FXML private TextField itemText;
    @FXML private Label formError;
    @FXML private ButtonType save;

    private PlanTemplateForm() {
    }

    /** Asks for a new template; empty when cancelled. */
    static Optional<PlanTemplate> ask(ViewContext view, Window owner) {
        PlanTemplateForm form = new PlanTemplateForm();
        form.m = view.messages();
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(PlanTemplateForm.class).root();
        form.prepare();
        Dialog<PlanTemplate> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(form.m.get("planTemplate.form.title"));
        dialog.setDialogPane(form.pane);
        dialog.setResizable(true);
        dialog.setResultConverter(b -> b == form.save ? form.draft() : null);
        return dialog.showAndWait();
    }

    /** An item in one line: time · dimension · title · rhythm (or "once"). */
    static String describe(Messages m, PlanTemplateItem i) {
        return m.get("planTemplate.item", i.timeOfDay().format(DateTimeFormatter.ofPattern("HH:mm")),
                m.get(i.dimension().messageKey()), i.title(),
                RhythmText.describe(m, i.rrule()));
    }

    private void prepare() {
        List<Purpose> purposes = new ArrayList<>();
        purposes.add(null); // any purpose: the tag alone decides
        purposes.addAll(Arrays.asList(Purpose.values()));
        templatePurpose.getItems().setAll(purposes);
        templatePurpose.setConverter(converter(p -> p == null ? m.get("planTemplate.anyPurpose")
                : m.get(p.messageKey())));
        itemDimension.getItems().setAll(ValueDimension.values());
        itemDimension.setConverter(converter(d -> d == null ? "" : m.get(d.messageKey())));
        itemDimension.setValue(ValueDimension.BENEFITS);
        RhythmText.offer(itemRule, m);
        formItems.setPlaceholder(new Label(m.get("planTemplate.form.noItems")));
        formItems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PlanTemplateItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : describe(m, item));
            }
        });
        pane.lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            // an item typed but not yet added is what the operator means too
            String problem = itemTitle.getText().isBlank() ? null : addItem();
            if (problem == null) {
                problem = templateProblem();
            }
            if (problem != null) {
                formError.setText(problem);
                e.consume();
            }
        });
    }

    @FXML
    private void onAddItem() {
        String problem = addItem();
        formError.setText(problem == null ? "" : problem);
    }

    @FXML
    private void onRemoveItem() {
        PlanTemplateItem selected = formItems.getSelectionModel().getSelectedItem();
        if (selected != null) {
            formItems.getItems().remove(selected);
        }
    }

    /** Adds the item typed below the list; the problem in words when it is not one yet. */
    private String addItem() {
        int n = formItems.getItems().size() + 1;
        LocalTime time;
        try {
            time = LocalTime.parse(itemTime.getText().strip(), TIME);
        } catch (DateTimeParseException e) {
            return m.get("validation.planTemplate.itemTime", n, itemTime.getText().strip());
        }
        if (itemTitle.getText().isBlank()) {
            return m.get("validation.planTemplate.itemTitle", n);
        }
        String rule = RhythmText.ruleOf(itemRule);
        try {
            rule = Recurrence.normalise(rule);
        } catch (ValidationException e) {
            return m.get("validation.planTemplate.itemRule", n, rule.strip());
        }
        formItems.getItems().add(new PlanTemplateItem(null, itemDimension.getValue(), itemTitle.getText().strip(),
                itemText.getText().isBlank() ? null : itemText.getText(), null, rule, time));
        itemTitle.clear();
        itemText.clear();
        return null;
    }

    private String templateProblem() {
        if (templateName.getText().isBlank()) {
            return m.get("validation.planTemplate.name");
        }
        if (templatePurpose.getValue() == null && templateTag.getText().isBlank()) {
            return m.get("validation.planTemplate.target");
        }
        return formItems.getItems().isEmpty() ? m.get("validation.planTemplate.items") : null;
    }

    private PlanTemplate draft() {
        return new PlanTemplate(null, templateName.getText().strip(), templatePurpose.getValue(),
                templateTag.getText().isBlank() ? null : templateTag.getText().strip(), null, formItems.getItems());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
