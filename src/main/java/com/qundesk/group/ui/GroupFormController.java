package com.qundesk.group.ui;

import com.qundesk.group.AdPolicy;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.ConflictException;
import com.qundesk.group.HistoryEntry;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.HistoryLine;
import com.qundesk.ui.MergeDialog;
import com.qundesk.ui.UnsavedEditsDialog;
import com.qundesk.ui.ViewContext;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The detail pane: every field of a group, inline validation messages, save/revert, and the history. */
public final class GroupFormController {

    private final ViewContext ui;
    private final GroupService groups;
    private final GroupFormModel model;
    private final Map<String, Label> errorLabels = new HashMap<>();
    /** The input each field error belongs to, in the form's order (the first in error is scrolled to). */
    private final Map<String, Control> inputs = new java.util.LinkedHashMap<>();
    private static final javafx.css.PseudoClass DANGER = javafx.css.PseudoClass.getPseudoClass("danger");
    private final ObservableList<Group> parentChoices = FXCollections.observableArrayList();
    private BiConsumer<Group, Runnable> onSaved = (g, then) -> { };

    @FXML private javafx.scene.control.ScrollPane formScroll;
    @FXML private Label formTitle;
    @FXML private ComboBox<Platform> platformBox;
    @FXML private TextField externalIdField;
    @FXML private TextField nameField;
    @FXML private ComboBox<Purpose> purposeBox;
    @FXML private ComboBox<GroupKind> kindBox;
    @FXML private TextField ownerField;
    @FXML private ComboBox<String> assigneeBox;
    @FXML private TextField adminsField;
    @FXML private TextField memberCountField;
    @FXML private TextField capacityField;
    @FXML private Label capacityHint;
    @FXML private ComboBox<Group> parentBox;
    @FXML private TextField tagsField;
    @FXML private javafx.scene.control.CheckBox broadcastBox;
    @FXML private TextArea rulesArea;
    @FXML private TextArea announcementArea;
    @FXML private ComboBox<AdPolicy.Type> adTypeBox;
    @FXML private HBox adFeeRow;
    @FXML private TextField adFeeField;
    @FXML private HBox adWindowRow;
    @FXML private ComboBox<DayOfWeek> adWeekdayBox;
    @FXML private TextField adHourFromField;
    @FXML private TextField adHourToField;
    @FXML private HBox adThreadRow;
    @FXML private TextField adThreadAdminField;
    @FXML private ComboBox<GroupStatus> statusBox;
    @FXML private DatePicker createdPicker;
    @FXML private DatePicker reformedPicker;
    @FXML private DatePicker dissolvedPicker;
    @FXML private TextField dissolutionReasonField;
    @FXML private TextArea notesArea;
    @FXML private Button saveButton;
    @FXML private Button revertButton;
    @FXML private Label formMessage;
    @FXML private ListView<HistoryEntry> historyList;
    /** The operators' display names by login, read with the history shown. */
    private Map<String, String> historyNames = Map.of();

    @FXML private Label nameError;
    @FXML private Label platformError;
    @FXML private Label externalIdError;
    @FXML private Label purposeError;
    @FXML private Label kindError;
    @FXML private Label memberCountError;
    @FXML private Label capacityError;
    @FXML private Label parentIdError;
    @FXML private Label adPolicyError;
    @FXML private Label statusError;
    @FXML private Label reformedAtError;
    @FXML private Label dissolvedAtError;
    @FXML private Label dissolutionReasonError;

    public GroupFormController(ViewContext ui, GroupService groups) {
        this.ui = ui;
        this.groups = groups;
        this.model = new GroupFormModel(ui.formats());
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        setUpChoice(platformBox, Platform.values(), p -> m.get(p.messageKey()));
        setUpChoice(purposeBox, Purpose.values(), p -> m.get(p.messageKey()));
        setUpChoice(kindBox, GroupKind.values(), k -> m.get(k.messageKey()));
        setUpChoice(adTypeBox, AdPolicy.Type.values(), t -> m.get(t.messageKey()));
        setUpChoice(statusBox, GroupStatus.values(), s -> m.get(s.messageKey()));
        setUpChoice(adWeekdayBox, DayOfWeek.values(), d -> d.getDisplayName(TextStyle.FULL, m.locale()));
        parentBox.setItems(parentChoices);
        parentBox.setConverter(converter(g -> g == null ? m.get("group.form.noParent") : g.name()));

        platformBox.valueProperty().bindBidirectional(model.platform);
        externalIdField.textProperty().bindBidirectional(model.externalId);
        nameField.textProperty().bindBidirectional(model.name);
        purposeBox.valueProperty().bindBidirectional(model.purpose);
        kindBox.valueProperty().bindBidirectional(model.kind);
        ownerField.textProperty().bindBidirectional(model.owner);
        assigneeBox.getEditor().textProperty().bindBidirectional(model.assignee);
        adminsField.textProperty().bindBidirectional(model.admins);
        memberCountField.textProperty().bindBidirectional(model.memberCount);
        capacityField.textProperty().bindBidirectional(model.capacity);
        parentBox.valueProperty().bindBidirectional(model.parent);
        tagsField.textProperty().bindBidirectional(model.tags);
        rulesArea.textProperty().bindBidirectional(model.rules);
        announcementArea.textProperty().bindBidirectional(model.announcement);
        adTypeBox.valueProperty().bindBidirectional(model.adType);
        adFeeField.textProperty().bindBidirectional(model.adFee);
        adWeekdayBox.valueProperty().bindBidirectional(model.adWeekday);
        adHourFromField.textProperty().bindBidirectional(model.adHourFrom);
        adHourToField.textProperty().bindBidirectional(model.adHourTo);
        adThreadAdminField.textProperty().bindBidirectional(model.adThreadAdmin);
        statusBox.valueProperty().bindBidirectional(model.status);
        createdPicker.valueProperty().bindBidirectional(model.createdOn);
        reformedPicker.valueProperty().bindBidirectional(model.reformedOn);
        dissolvedPicker.valueProperty().bindBidirectional(model.dissolvedOn);
        dissolutionReasonField.textProperty().bindBidirectional(model.dissolutionReason);
        notesArea.textProperty().bindBidirectional(model.notes);

        showOnly(adFeeRow, model.adType.get() == AdPolicy.Type.RED_ENVELOPE);
        model.adType.addListener((obs, o, n) -> {
            showOnly(adFeeRow, n == AdPolicy.Type.RED_ENVELOPE);
            showOnly(adWindowRow, n == AdPolicy.Type.WEEKLY_WINDOW);
            showOnly(adThreadRow, n == AdPolicy.Type.AD_THREAD);
        });
        showOnly(adWindowRow, false);
        showOnly(adThreadRow, false);
        model.platform.addListener((obs, o, n) -> {
            // A new group takes the platform's default capacity unless the operator typed another.
            if (n != null && o != null && model.isNew.get()
                    && model.capacity.get().equals(Integer.toString(o.defaultCapacity()))) {
                model.capacity.set(Integer.toString(n.defaultCapacity()));
            }
            capacityHint.setText(m.get(n == Platform.WECOM ? "group.form.capacityHint.wecom"
                    : "group.form.capacityHint.wechat"));
        });
        capacityHint.setText(m.get("group.form.capacityHint.wechat"));

        for (Label l : List.of(nameError, platformError, externalIdError, purposeError, kindError, memberCountError,
                capacityError, parentIdError, adPolicyError, statusError, reformedAtError, dissolvedAtError,
                dissolutionReasonError)) {
            errorLabels.put(l.getId().substring(0, l.getId().length() - "Error".length()), l);
            showOnly(l, false);
        }
        inputs.put("platform", platformBox);
        inputs.put("externalId", externalIdField);
        inputs.put("name", nameField);
        inputs.put("purpose", purposeBox);
        inputs.put("kind", kindBox);
        inputs.put("memberCount", memberCountField);
        inputs.put("capacity", capacityField);
        inputs.put("parentId", parentBox);
        inputs.put("adPolicy", adTypeBox);
        inputs.put("status", statusBox);
        inputs.put("reformedAt", reformedPicker);
        inputs.put("dissolvedAt", dissolvedPicker);
        inputs.put("dissolutionReason", dissolutionReasonField);
        historyList.setCellFactory(list -> new HistoryCell());
        historyList.setPlaceholder(new Label(m.get("group.history.empty")));
        formTitle.setText(m.get("group.form.empty"));
        setEditable(false);
    }

    /**
     * Called after a successful save with the stored group and what to run once the view shows it ({@code null}
     * after the Save button: the view just shows the stored group).
     */
    public void setOnSaved(BiConsumer<Group, Runnable> onSaved) {
        this.onSaved = onSaved;
    }

    /** The groups offered as parents (all but the edited one); their assignees are offered as the form's. */
    public void setParentChoices(List<Group> groups) {
        assigneeBox.getItems().setAll(groups.stream().map(Group::assignee).filter(a -> a != null).distinct().toList());
        Group keep = model.parent.get();
        parentChoices.setAll(groups);
        parentChoices.addFirst(null);
        model.parent.set(keep);
    }

    public void edit(Group g, Group parentGroup) {
        clearErrors();
        model.load(g, parentGroup);
        formTitle.setText(g.id() == null ? ui.messages().get("group.form.new") : g.name());
        setEditable(true);
        broadcastBox.setSelected(false);
        if (g.id() == null) {
            historyList.getItems().clear();
            nameField.requestFocus();
        } else {
            long id = g.id();
            ui.tasks().run(() -> Map.entry(groups.history(id), groups.displayNames()), h -> {
                historyNames = h.getValue();
                historyList.getItems().setAll(h.getKey());
            });
            ui.tasks().run(() -> groups.isBroadcast(id), broadcastBox::setSelected);
        }
    }

    public void clear() {
        clearErrors();
        formTitle.setText(ui.messages().get("group.form.empty"));
        historyList.getItems().clear();
        setEditable(false);
    }

    public GroupFormModel model() {
        return model;
    }

    @FXML
    private void onSave() {
        save(null, () -> { });
    }

    /** Whether the form holds edits not saved yet. */
    public boolean hasUnsavedEdits() {
        return !saveButton.isDisabled() && model.isDirty();
    }

    /**
     * Before the form shows something else: with unsaved edits it asks to save, discard or cancel. {@code goOn} runs
     * at once when nothing was edited or the edits were discarded, and once they are stored (and the view shows
     * them) when saved; {@code stay} runs when the operator cancels or the save fails: the edits and any error stay.
     */
    public void confirmLeave(Runnable goOn, Runnable stay) {
        if (!hasUnsavedEdits()) {
            goOn.run();
            return;
        }
        switch (UnsavedEditsDialog.ask(ui.messages(), formScroll.getScene().getWindow())) {
            case SAVE -> save(goOn, stay);
            case DISCARD -> {
                onRevert();
                goOn.run();
            }
            case STAY -> stay.run();
        }
    }

    /**
     * Saves the form; {@code afterSaved} (if any) is handed on to run once the view shows the stored group,
     * {@code notSaved} runs when a field is in error or the save fails.
     */
    private void save(Runnable afterSaved, Runnable notSaved) {
        clearErrors();
        GroupFormModel.Result r = model.toGroup();
        if (!r.ok()) {
            showErrors(r.errors());
            notSaved.run();
            return;
        }
        store(r.group(), r.group().id() == null ? "group.form.created" : "group.form.saved", afterSaved, notSaved);
    }

    private void store(Group g, String savedKey, Runnable afterSaved, Runnable notSaved) {
        boolean broadcast = broadcastBox.isSelected();
        ui.tasks().run(() -> {
                    Group saved = g.id() == null ? groups.create(g) : groups.update(g);
                    groups.setBroadcast(saved.id(), broadcast);
                    return saved;
                },
                saved -> {
                    formMessage.setText(ui.messages().get(savedKey));
                    showOnly(formMessage, true);
                    model.markClean();
                    onSaved.accept(saved, afterSaved);
                },
                error -> {
                    if (error instanceof ConflictException c) {
                        MergeDialog.ask(ui, formScroll.getScene().getWindow(), new MergeDialog.Wording("group",
                                c.theirs().name(), "field."), c, c.theirs().version()).map(c::merge).ifPresentOrElse(
                                merged -> store(merged, "group.form.merged", afterSaved, notSaved), notSaved);
                        return;
                    }
                    if (error instanceof ValidationException v) {
                        showErrors(v.errors());
                    } else {
                        ui.tasks().errors().report(error);
                    }
                    notSaved.run();
                }, saveButton, revertButton);
    }

    @FXML
    private void onRevert() {
        Group g = model.original();
        if (g != null) {
            edit(g, model.parent.get() != null && g.parentId() != null ? model.parent.get() : findParent(g));
        }
    }

    private Group findParent(Group g) {
        if (g.parentId() == null) {
            return null;
        }
        return parentChoices.stream().filter(p -> p != null && p.id().equals(g.parentId())).findFirst().orElse(null);
    }

    private void showErrors(List<FieldError> errors) {
        StringBuilder other = new StringBuilder();
        for (FieldError e : errors) {
            Label l = errorLabels.get(e.field());
            String text = ui.messages().describe(e);
            if (l != null) {
                l.setText(l.isVisible() ? l.getText() + "\n" + text : text);
                showOnly(l, true);
            } else {
                other.append(text).append('\n');
            }
        }
        formMessage.setText(other.isEmpty() ? ui.messages().get("group.form.fix") : other.toString().strip());
        formMessage.getStyleClass().add("danger");
        showOnly(formMessage, true);
        java.util.Set<String> wrong = new java.util.HashSet<>();
        errors.forEach(e -> wrong.add(e.field()));
        Control first = null;
        for (Map.Entry<String, Control> e : inputs.entrySet()) {
            boolean inError = wrong.contains(e.getKey());
            e.getValue().pseudoClassStateChanged(DANGER, inError);
            if (inError && first == null) {
                first = e.getValue();
            }
        }
        if (first != null) {
            scrollTo(first);
            first.requestFocus();
        }
    }

    /** Scrolls the form so that {@code field} (and the error line under it) is in view. */
    private void scrollTo(Node field) {
        formScroll.layout();
        Node body = formScroll.getContent();
        double contentHeight = body.getLayoutBounds().getHeight();
        double viewport = formScroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds at = body.sceneToLocal(field.localToScene(field.getLayoutBounds()));
        double top = Math.max(0, at.getMinY() - 40); // the field's label above it stays in view
        formScroll.setVvalue(Math.min(1, top / (contentHeight - viewport)));
    }

    private void clearErrors() {
        inputs.values().forEach(c -> c.pseudoClassStateChanged(DANGER, false));
        errorLabels.values().forEach(l -> {
            l.setText("");
            showOnly(l, false);
        });
        formMessage.getStyleClass().removeAll("danger");
        showOnly(formMessage, false);
    }

    private void setEditable(boolean editable) {
        for (Node n : List.of(platformBox, externalIdField, nameField, purposeBox, kindBox, ownerField, adminsField,
                memberCountField, capacityField, parentBox, tagsField, rulesArea, announcementArea, adTypeBox,
                adFeeField, adWeekdayBox, adHourFromField, adHourToField, adThreadAdminField, statusBox, createdPicker,
                reformedPicker, dissolvedPicker, dissolutionReasonField, notesArea, broadcastBox, saveButton, revertButton)) {
            n.setDisable(!editable);
        }
    }

    private static void showOnly(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }

    private static <T> void setUpChoice(ComboBox<T> box, T[] values, Function<T, String> label) {
        box.getItems().setAll(values);
        box.setConverter(converter(label));
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** A history row by the operator's display name ({@link HistoryLine}). */
    private final class HistoryCell extends ListCell<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry h, boolean empty) {
            super.updateItem(h, empty);
            setText(empty || h == null ? null : HistoryLine.of(ui, new HistoryLine.Change(h.at(), h.actor(), h.action(),
                    h.field(), h.oldValue(), h.newValue(), h.note()), historyNames, "field."));
        }
    }
}
