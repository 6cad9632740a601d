package com.qundesk.group.ui;

import com.qundesk.ui.TableFit;
import com.qundesk.flash.FlashService;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The groups registry: a filterable, sortable table of every group, with the edit form beside it. */
public final class GroupsController {

    private final ViewContext ui;
    private final GroupService groups;
    private final FlashService flash;
    private final RegistryImportDialog registry;
    private final ObservableList<GroupRow> rows = FXCollections.observableArrayList();
    private final FilteredList<GroupRow> filtered = new FilteredList<>(rows);
    private Long pendingSelection;
    private SelectionGuard guard;

    @FXML private TextField searchField;
    @FXML private ComboBox<Platform> platformFilter;
    @FXML private ComboBox<Purpose> purposeFilter;
    @FXML private ComboBox<GroupKind> kindFilter;
    @FXML private ComboBox<GroupStatus> statusFilter;
    @FXML private ComboBox<String> ownerFilter;
    @FXML private ComboBox<String> assigneeFilter;
    /** The operators' display names by login, read with each load: the assignee column and filter show them. */
    private volatile Map<String, String> operatorNames = Map.of();
    @FXML private ComboBox<String> tagFilter;
    @FXML private Label countLabel;
    @FXML private TableView<GroupRow> table;
    @FXML private TableColumn<GroupRow, String> nameColumn;
    @FXML private TableColumn<GroupRow, String> platformColumn;
    @FXML private TableColumn<GroupRow, String> purposeColumn;
    @FXML private TableColumn<GroupRow, String> kindColumn;
    @FXML private TableColumn<GroupRow, String> ownerColumn;
    @FXML private TableColumn<GroupRow, String> assigneeColumn;
    @FXML private TableColumn<GroupRow, Group> membersColumn;
    @FXML private TableColumn<GroupRow, String> statusColumn;
    @FXML private TableColumn<GroupRow, String> tagsColumn;
    @FXML private TableColumn<GroupRow, Instant> updatedColumn;
    @FXML private Button newButton;
    @FXML private Button duplicateButton;
    @FXML private Button splitButton;
    @FXML private Button dissolveButton;
    @FXML private Button archiveButton;
    @FXML private Button deleteButton;
    @FXML private GroupFormController formController;

    public GroupsController(ViewContext ui, GroupService groups, FlashService flash, RegistryImportDialog registry) {
        this.ui = ui;
        this.groups = groups;
        this.flash = flash;
        this.registry = registry;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        setUpColumns(m);
        SortedList<GroupRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(m.get("groups.empty")));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<GroupRow>) c -> onSelection());

        setUpFilter(platformFilter, Platform.values(), p -> m.get(p.messageKey()), m.get("groups.filter.allPlatforms"));
        setUpFilter(purposeFilter, Purpose.values(), p -> m.get(p.messageKey()), m.get("groups.filter.allPurposes"));
        setUpFilter(kindFilter, GroupKind.values(), k -> m.get(k.messageKey()), m.get("groups.filter.allKinds"));
        setUpFilter(statusFilter, GroupStatus.values(), s -> m.get(s.messageKey()), m.get("groups.filter.allStatuses"));
        ownerFilter.setConverter(GroupFormController.converter(o -> o == null ? m.get("groups.filter.allOwners") : o));
        tagFilter.setConverter(GroupFormController.converter(t -> t == null ? m.get("groups.filter.allTags") : t));
        assigneeFilter.setConverter(GroupFormController.converter(a -> a == null ? m.get("groups.filter.allOperators")
                : a.equals(GroupFilter.MINE) ? m.get("groups.filter.mine") : operatorNames.getOrDefault(a, a)));
        for (ComboBox<?> box : List.of(platformFilter, purposeFilter, kindFilter, statusFilter, ownerFilter, tagFilter, assigneeFilter)) {
            box.valueProperty().addListener((o, a, b) -> applyFilter());
        }
        searchField.textProperty().addListener((o, a, b) -> applyFilter());
        filtered.addListener((ListChangeListener<GroupRow>) c -> updateCount());

        formController.setOnSaved((saved, then) -> reload(saved.id(), then));
        guard = new SelectionGuard(formController, this::selected, ids -> {
            selectShown(ids);
            showInForm(selected());
        }, this::select, table.getSelectionModel()::clearSelection);
        // drop a CSV or xlsx on the table to import it
        table.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        table.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                registry.importFile(window(), files.getFirst().toPath(), () -> reload(null));
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        updateButtons();
        reload(null);
    }

    /** Selects (and scrolls to) the group, clearing filters that would hide it. */
    public void select(long groupId) {
        if (rows.stream().noneMatch(r -> r.id() == groupId)) {
            pendingSelection = groupId;
            return;
        }
        if (filtered.stream().noneMatch(r -> r.id() == groupId)) {
            onClearFilters();
        }
        selectShown(List.of(groupId));
        table.getItems().stream().filter(r -> r.id() == groupId).findFirst().ifPresent(table::scrollTo);
    }

    /** Selects those of {@code ids} the table shows (the filters stay; the table does not scroll). */
    private void selectShown(List<Long> ids) {
        table.getSelectionModel().clearSelection();
        table.getItems().stream().filter(r -> ids.contains(r.id())).forEach(table.getSelectionModel()::select);
    }

    /** Reloads every group off the FX thread, then selects {@code selectId} (or keeps the selection). */
    public void reload(Long selectId) {
        reload(selectId, null);
    }

    /** As {@link #reload(Long)}, then runs {@code then} (if any) once the table shows the groups. */
    private void reload(Long selectId, Runnable then) {
        Long keep = selectId != null ? selectId : selected().stream().findFirst().map(Group::id).orElse(null);
        Messages m = ui.messages();
        ui.tasks().run(() -> {
            List<Group> all = groups.list();
            operatorNames = groups.displayNames();
            Map<Long, String> names = all.stream().collect(Collectors.toMap(Group::id, Group::name));
            Map<Long, com.qundesk.flash.FlashState> flashStates = flash.statesNow();
            List<GroupRow> out = new ArrayList<>(all.size());
            for (Group g : all) {
                out.add(GroupRow.of(g, m, g.parentId() == null ? null : names.get(g.parentId()),
                        flashStates.get(g.id())));
            }
            return out;
        }, loaded -> {
            rows.setAll(loaded);
            refreshChoices();
            formController.setParentChoices(loaded.stream().map(GroupRow::group).toList());
            Long target = pendingSelection != null ? pendingSelection : keep;
            pendingSelection = null;
            if (target != null && then == null) {
                select(target);
            } else if (target != null) {
                selectShown(List.of(target)); // what runs next decides; a filter the operator set stays
            }
            updateCount();
            if (then != null) {
                then.run();
            }
        });
    }

    /** Whether the form holds edits not saved yet (leaving the view asks first). */
    public boolean hasUnsavedEdits() {
        return formController.hasUnsavedEdits();
    }

    /**
     * Before leaving the view: with unsaved edits asks to save, discard or cancel; {@code goOn} runs once the form
     * may be left (at once without edits), {@code stay} when the operator stays or the save fails.
     */
    public void confirmLeave(Runnable goOn, Runnable stay) {
        formController.confirmLeave(goOn, stay);
    }

    public ObservableList<GroupRow> rows() {
        return rows;
    }

    @FXML
    private void onNew() {
        formController.confirmLeave(this::newDraft, () -> { });
    }

    private void newDraft() {
        table.getSelectionModel().clearSelection();
        Group draft = Group.draft(Platform.WECHAT, "", Purpose.EVENT, GroupKind.LONG_TERM).toBuilder()
                .createdAt(ui.clock().instant()).build();
        formController.setParentChoices(rows.stream().map(GroupRow::group).toList());
        formController.edit(draft, null);
    }

    @FXML
    private void onDuplicate() {
        List<Group> sel = selected();
        if (sel.size() != 1) {
            return;
        }
        Group src = sel.getFirst();
        String name = ui.messages().get("groups.copyName", src.name());
        ui.tasks().run(() -> groups.duplicate(src.id(), name), copy -> reload(copy.id()), duplicateButton);
    }

    @FXML
    private void onSplit() {
        List<Group> sel = selected();
        if (sel.size() != 1) {
            return;
        }
        Group parent = sel.getFirst();
        GroupDialogs.split(window(), ui.messages(), parent).ifPresent(req ->
                ui.tasks().run(() -> groups.split(parent.id(), req),
                        children -> reload(children.getFirst().id()), splitButton));
    }

    @FXML
    private void onDissolve() {
        List<Group> sel = selected().stream().filter(g -> g.status() != GroupStatus.DISSOLVED).toList();
        if (sel.isEmpty()) {
            return;
        }
        GroupDialogs.dissolveReason(window(), ui.messages(), sel).ifPresent(reason ->
                ui.tasks().run(() -> {
                    Instant now = ui.clock().instant();
                    for (Group g : sel) {
                        groups.markDissolved(g.id(), reason, now);
                    }
                    return sel.getFirst().id();
                }, this::reload, dissolveButton));
    }

    @FXML
    private void onArchive() {
        List<Group> sel = selected().stream().filter(g -> g.status() != GroupStatus.ARCHIVED).toList();
        if (sel.isEmpty()) {
            return;
        }
        Messages m = ui.messages();
        if (!GroupDialogs.confirm(window(), m, m.get("groups.archive.header", sel.size()), m.get("groups.archive.text"))) {
            return;
        }
        ui.tasks().run(() -> {
            for (Group g : sel) {
                groups.archive(g.id());
            }
            return sel.getFirst().id();
        }, this::reload, archiveButton);
    }

    @FXML
    private void onDelete() {
        List<Group> sel = selected();
        if (sel.isEmpty()) {
            return;
        }
        Messages m = ui.messages();
        String header = sel.size() == 1 ? m.get("groups.delete.headerOne", sel.getFirst().name())
                : m.get("groups.delete.headerMany", sel.size());
        if (!GroupDialogs.confirm(window(), m, header, m.get("groups.delete.text"))) {
            return;
        }
        ui.tasks().run(() -> {
            for (Group g : sel) {
                groups.delete(g.id());
            }
            return (Long) null;
        }, id -> {
            formController.clear();
            reload(null);
        }, error -> {
            reload(null);
            ui.tasks().errors().report(error);
        }, deleteButton);
    }

    @FXML
    private void onImport() {
        registry.chooseAndImport(window(), () -> reload(null));
    }

    @FXML
    private void onExportCsv() {
        registry.export(window(), false);
    }

    @FXML
    private void onExportXlsx() {
        registry.export(window(), true);
    }

    @FXML
    private void onClearFilters() {
        searchField.clear();
        for (ComboBox<?> box : List.of(platformFilter, purposeFilter, kindFilter, statusFilter, ownerFilter, tagFilter, assigneeFilter)) {
            box.setValue(null);
        }
    }

    private void onSelection() {
        updateButtons();
        List<Group> sel = selected();
        if (!guard.holds(sel)) {
            showInForm(sel);
        }
    }

    private void showInForm(List<Group> sel) {
        if (sel.size() == 1) {
            Group g = sel.getFirst();
            Group parent = g.parentId() == null ? null : rows.stream().map(GroupRow::group)
                    .filter(p -> p.id().equals(g.parentId())).findFirst().orElse(null);
            formController.setParentChoices(rows.stream().map(GroupRow::group)
                    .filter(p -> !p.id().equals(g.id())).toList());
            formController.edit(g, parent);
        } else if (sel.isEmpty()) {
            formController.clear();
        }
    }

    private void updateButtons() {
        int n = table.getSelectionModel().getSelectedItems().size();
        duplicateButton.setDisable(n != 1);
        splitButton.setDisable(n != 1);
        dissolveButton.setDisable(n == 0);
        archiveButton.setDisable(n == 0);
        deleteButton.setDisable(n == 0);
    }

    private void applyFilter() {
        filtered.setPredicate(new GroupFilter(searchField.getText(), platformFilter.getValue(),
                purposeFilter.getValue(), kindFilter.getValue(), statusFilter.getValue(), ownerFilter.getValue(),
                tagFilter.getValue(), GroupFilter.MINE.equals(assigneeFilter.getValue()) ? groups.operator()
                : assigneeFilter.getValue()));
    }

    private void updateCount() {
        countLabel.setText(ui.messages().get("groups.count", filtered.size(), rows.size()));
    }

    private void refreshChoices() {
        Set<String> owners = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        Set<String> assignees = new TreeSet<>(List.of(GroupFilter.MINE));
        for (GroupRow r : rows) {
            if (r.group().assignee() != null) {
                assignees.add(r.group().assignee());
            }
            if (r.group().owner() != null) {
                owners.add(r.group().owner());
            }
            tags.addAll(r.group().tags());
        }
        keepChoice(ownerFilter, owners);
        keepChoice(tagFilter, tags);
        keepChoice(assigneeFilter, assignees);
    }

    private static void keepChoice(ComboBox<String> box, Set<String> values) {
        String current = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(values);
        box.getItems().setAll(items);
        box.setValue(current != null && values.contains(current) ? current : null);
    }

    private List<Group> selected() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull)
                .map(GroupRow::group).toList();
    }

    private Window window() {
        return table.getScene().getWindow();
    }

    private static <T> void setUpFilter(ComboBox<T> box, T[] values, Function<T, String> label, String all) {
        List<T> items = new ArrayList<>();
        items.add(null);
        items.addAll(List.of(values));
        box.getItems().setAll(items);
        box.setConverter(GroupFormController.converter(v -> v == null ? all : label.apply(v)));
    }

    private void setUpColumns(Messages m) {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().name()));
        platformColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().platformLabel()));
        purposeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().purposeLabel()));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kindLabel()));
        ownerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().owner()));
        assigneeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().assignee() == null ? null
                : operatorNames.getOrDefault(c.getValue().group().assignee(), c.getValue().group().assignee())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().statusLabel()));
        tagsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tagsText()));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().group().updatedAt()));
        TableFit.shows(updatedColumn, ui.formats()::dateTime);
        updatedColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : ui.formats().dateTime(item));
            }
        });
        membersColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().group()));
        membersColumn.setComparator(Comparator.comparingInt(Group::memberCount));
        membersColumn.setCellFactory(col -> new MembersCell());
        statusColumn.setCellFactory(col -> new StatusCell());
    }
}
