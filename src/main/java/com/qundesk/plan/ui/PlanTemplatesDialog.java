package com.qundesk.plan.ui;

import com.qundesk.core.ValidationException;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanTemplate;
import com.qundesk.plan.PlanTemplateService;
import com.qundesk.plan.TemplateApplication;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;

import java.util.List;

/**
 * The plan templates ({@code PlanTemplatesDialog.fxml}): the templates with their items, "New template…",
 * "Delete" and "Apply…", which says how many groups would get the items and asks before adding them. Reached
 * from a group's plan; the database is only touched in the view's background tasks.
 */
public final class PlanTemplatesDialog {

    private final ViewContext view;
    private final PlanTemplateService templates;
    private DialogPane pane;

    @FXML private ListView<PlanTemplate> templateList;
    @FXML private Label templateTarget;
    @FXML private ListView<String> templateItems;
    @FXML private Button newTemplateButton;
    @FXML private Button deleteTemplateButton;
    @FXML private Button applyTemplateButton;
    @FXML private Label templateResult;

    public PlanTemplatesDialog(ViewContext view, PlanTemplateService templates) {
        this.view = view;
        this.templates = templates;
    }

    /** Opens the dialog over {@code owner} and waits until it is closed; {@code changed} runs after an apply. */
    public void show(Window owner, Runnable changed) {
        PlanTemplatesDialog form = new PlanTemplatesDialog(view, templates);
        form.pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(PlanTemplatesDialog.class).root();
        form.prepare(changed);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(view.messages().get("planTemplate.title"));
        dialog.setDialogPane(form.pane);
        dialog.setResizable(true);
        dialog.showAndWait();
    }

    private Runnable changed = () -> { };

    private void prepare(Runnable onChange) {
        changed = onChange == null ? () -> { } : onChange;
        Messages m = view.messages();
        templateList.setPlaceholder(new Label(m.get("planTemplate.none")));
        templateItems.setPlaceholder(new Label(m.get("planTemplate.choose")));
        templateList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PlanTemplate t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name());
            }
        });
        templateList.getSelectionModel().selectedItemProperty().addListener((o, was, t) -> showTemplate(t));
        showTemplate(null);
        reload(null);
    }

    private void reload(String select) {
        view.tasks().run(templates::list, all -> {
            templateList.getItems().setAll(all);
            all.stream().filter(t -> t.name().equals(select)).findFirst()
                    .ifPresentOrElse(t -> templateList.getSelectionModel().select(t),
                            () -> templateList.getSelectionModel().selectFirst());
        }, templateList);
    }

    private void showTemplate(PlanTemplate t) {
        Messages m = view.messages();
        deleteTemplateButton.setDisable(t == null);
        applyTemplateButton.setDisable(t == null);
        templateTarget.setText(t == null ? "" : m.describe(t.target()));
        templateItems.getItems().setAll(t == null ? List.of()
                : t.items().stream().map(i -> PlanTemplateForm.describe(m, i)).toList());
    }

    @FXML
    private void onNew() {
        PlanTemplateForm.ask(view, pane.getScene().getWindow()).ifPresent(draft -> view.tasks().run(
                () -> templates.define(draft), made -> {
                    templateResult.setText(view.messages().get("planTemplate.created", made.name()));
                    reload(made.name());
                }, this::failed, newTemplateButton));
    }

    @FXML
    private void onDelete() {
        PlanTemplate t = templateList.getSelectionModel().getSelectedItem();
        Messages m = view.messages();
        if (t == null || !confirm(m.get("planTemplate.deleteConfirm", t.name()))) {
            return;
        }
        view.tasks().run(() -> {
            templates.delete(t.id());
            return t;
        }, gone -> {
            templateResult.setText(m.get("planTemplate.deleted", gone.name()));
            reload(null);
        }, this::failed, deleteTemplateButton);
    }

    @FXML
    private void onApply() {
        PlanTemplate t = templateList.getSelectionModel().getSelectedItem();
        if (t == null) {
            return;
        }
        Messages m = view.messages();
        view.tasks().run(() -> templates.apply(t.id(), true), dry -> {
            if (dry.added().isEmpty()) {
                templateResult.setText(m.get("planTemplate.nothingToAdd", t.name(), dry.alreadyHad().size()));
                return;
            }
            if (!confirm(m.get("planTemplate.applyConfirm", t.name(), dry.added().size(), dry.itemsCreated(),
                    dry.alreadyHad().size()))) {
                return;
            }
            view.tasks().run(() -> templates.apply(t.id(), false), this::applied, this::failed,
                    applyTemplateButton);
        }, this::failed, applyTemplateButton);
    }

    private void applied(TemplateApplication a) {
        templateResult.setText(view.messages().get("planTemplate.applied", a.added().size(), a.alreadyHad().size(),
                a.itemsCreated()));
        changed.run();
    }

    private void failed(Throwable e) {
        if (e instanceof ValidationException v) {
            templateResult.setText(view.messages().describe(v));
        } else {
            view.tasks().errors().report(e);
        }
    }

    private boolean confirm(String text) {
        Alert a = DialogButtons.alert(Alert.AlertType.CONFIRMATION, text, view.messages());
        a.initOwner(pane.getScene().getWindow());
        a.setTitle(view.messages().get("planTemplate.title"));
        a.setHeaderText(null);
        return DialogButtons.accepted(a.showAndWait());
    }
}
