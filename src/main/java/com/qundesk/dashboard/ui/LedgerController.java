package com.qundesk.dashboard.ui;

import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.io.RejectedRow;
import com.qundesk.value.LedgerService;
import com.qundesk.group.GroupService;
import com.qundesk.value.HealthService;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.LedgerImporter;
import com.qundesk.value.Outcome;
import com.qundesk.value.OutcomeType;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;
import com.qundesk.ui.DialogButtons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The value ledger, keyboard first: type a group, pick a dimension, type what members got, Enter. Recent events
 * can be deleted; outcomes are entered per day; the three CSV imports live here too.
 */
public final class LedgerController {

    private final ViewContext ui;
    private final LedgerService ledger;
    private final LedgerImporter ledgerImporter;
    private final GroupService groupService;
    private final HealthService health;
    private final Map<Long, String> groupNames = new HashMap<>();
    private List<Group> groups = List.of();
    private Runnable onChange = () -> { };

    @FXML private ComboBox<Group> ledgerGroupBox;
    @FXML private ComboBox<ValueDimension> dimensionBox;
    @FXML private TextField titleField;
    @FXML private TextField reachField;
    @FXML private Button addButton;
    @FXML private Label addMessage;
    @FXML private TableView<ValueEvent> eventTable;
    @FXML private TableColumn<ValueEvent, String> timeColumn;
    @FXML private TableColumn<ValueEvent, String> groupColumn;
    @FXML private TableColumn<ValueEvent, String> dimensionColumn;
    @FXML private TableColumn<ValueEvent, String> titleColumn;
    @FXML private TableColumn<ValueEvent, Number> reachColumn;
    @FXML private Button deleteButton;
    @FXML private ComboBox<Group> outcomeGroupBox;
    @FXML private DatePicker outcomeDay;
    @FXML private ComboBox<OutcomeType> outcomeTypeBox;
    @FXML private TextField outcomeValueField;
    @FXML private Button outcomeButton;
    @FXML private Label outcomeMessage;
    @FXML private Button importValuesButton;
    @FXML private Button importOutcomesButton;
    @FXML private Button importStatsButton;

    public LedgerController(ViewContext ui, LedgerService ledger, LedgerImporter ledgerImporter,
                            GroupService groupService, HealthService health) {
        this.ui = ui;
        this.ledger = ledger;
        this.ledgerImporter = ledgerImporter;
        this.groupService = groupService;
        this.health = health;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        setUpGroupBox(ledgerGroupBox);
        setUpGroupBox(outcomeGroupBox);
        dimensionBox.getItems().setAll(ValueDimension.values());
        dimensionBox.setConverter(converter(d -> d == null ? "" : m.get(d.messageKey())));
        dimensionBox.setValue(ValueDimension.BENEFITS);
        outcomeTypeBox.getItems().setAll(OutcomeType.values());
        outcomeTypeBox.setConverter(converter(t -> t == null ? "" : m.get(t.messageKey())));
        outcomeTypeBox.setValue(OutcomeType.COUPONS_REDEEMED);
        outcomeDay.setValue(health.today());
        titleField.setOnAction(e -> onAdd());
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ui.formats().dateTime(c.getValue().at())));
        groupColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(groupNames.getOrDefault(c.getValue().groupId(),
                "#" + c.getValue().groupId())));
        dimensionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(m.get(c.getValue().dimension().messageKey())));
        titleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        reachColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reach()));
        eventTable.setPlaceholder(new Label(m.get("ledger.empty")));
        deleteButton.disableProperty().bind(eventTable.getSelectionModel().selectedItemProperty().isNull());
        refresh();
    }

    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public void refresh() {
        Instant now = ui.clock().instant();
        ui.tasks().run(() -> new Object[] {groupService.list(),
                ledger.events(null, now.minus(Duration.ofDays(90)), now.plusSeconds(1))}, data -> {
                    @SuppressWarnings("unchecked")
                    List<Group> all = (List<Group>) data[0];
                    @SuppressWarnings("unchecked")
                    List<ValueEvent> events = (List<ValueEvent>) data[1];
                    groups = all.stream().filter(g -> g.status().isLive()).toList();
                    groupNames.clear();
                    all.forEach(g -> groupNames.put(g.id(), g.name()));
                    ledgerGroupBox.getItems().setAll(groups);
                    outcomeGroupBox.getItems().setAll(groups);
                    eventTable.getItems().setAll(events);
                });
    }

    @FXML
    private void onAdd() {
        Messages m = ui.messages();
        Group g = ledgerGroupBox.getValue();
        String title = titleField.getText();
        if (g == null || title == null || title.isBlank()) {
            addMessage.setText(m.get("ledger.quickAdd.incomplete"));
            return;
        }
        int reach;
        try {
            reach = reachField.getText().isBlank() ? 0 : Integer.parseInt(reachField.getText().strip());
        } catch (NumberFormatException e) {
            addMessage.setText(m.get("validation.number", reachField.getText()));
            return;
        }
        ValueEvent e = new ValueEvent(null, g.id(), null, ui.clock().instant(), dimensionBox.getValue(),
                title.strip(), reach, null);
        ui.tasks().run(() -> ledger.addEvent(e), added -> {
            addMessage.setText(m.get(added ? "ledger.quickAdd.added" : "ledger.quickAdd.duplicate", g.name()));
            titleField.clear();
            reachField.clear();
            titleField.requestFocus();
            refresh();
            onChange.run();
        }, addButton);
    }

    @FXML
    private void onDelete() {
        ValueEvent e = eventTable.getSelectionModel().getSelectedItem();
        if (e != null) {
            ui.tasks().run(() -> {
                ledger.deleteEvent(e.id());
                return e;
            }, done -> {
                refresh();
                onChange.run();
            }, deleteButton);
        }
    }

    @FXML
    private void onSaveOutcome() {
        Messages m = ui.messages();
        Group g = outcomeGroupBox.getValue();
        double value;
        try {
            value = Double.parseDouble(outcomeValueField.getText().strip());
        } catch (NumberFormatException ex) {
            outcomeMessage.setText(m.get("ledger.badValue", outcomeValueField.getText()));
            return;
        }
        if (g == null || outcomeDay.getValue() == null) {
            outcomeMessage.setText(m.get("ledger.quickAdd.incomplete"));
            return;
        }
        Outcome o = new Outcome(g.id(), null, outcomeDay.getValue(), outcomeTypeBox.getValue(), value);
        ui.tasks().run(() -> ledger.setOutcomes(List.of(o)), n -> {
            outcomeMessage.setText(m.get("ledger.outcomeSaved", m.get(o.type().messageKey()), g.name()));
            onChange.run();
        }, outcomeButton);
    }

    @FXML
    private void onImportValues() {
        importFile(LedgerImporter.Kind.VALUES, importValuesButton);
    }

    @FXML
    private void onImportOutcomes() {
        importFile(LedgerImporter.Kind.OUTCOMES, importOutcomesButton);
    }

    @FXML
    private void onImportStats() {
        importFile(LedgerImporter.Kind.STATS, importStatsButton);
    }

    private void importFile(LedgerImporter.Kind kind, Button trigger) {
        Messages m = ui.messages();
        FileChooser fc = new FileChooser();
        fc.setTitle(m.get("ledger.import." + kind.name().toLowerCase(Locale.ROOT)));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("registry.import.filter"), "*.csv",
                "*.xlsx"));
        File f = fc.showOpenDialog(trigger.getScene().getWindow());
        if (f == null) {
            return;
        }
        ui.tasks().run(() -> ledgerImporter.importFile(f.toPath(), kind), r -> {
            Alert a = DialogButtons.alert(r.complete() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING, "", m);
            a.initOwner(trigger.getScene().getWindow());
            a.setHeaderText(m.get("ledger.summary", r.imported(), r.unchanged(), r.rejected().size(), r.fileName()));
            a.setContentText(r.rejected().stream().limit(30).map(rej -> m.get("registry.import.rejectedRow", rej.row(),
                    rej.reasons().stream().map((FieldError x) -> m.describe(x)).collect(Collectors.joining(" "))))
                    .collect(Collectors.joining("\n")));
            a.show();
            refresh();
            onChange.run();
        }, trigger);
    }

    /** A group picker that narrows as the operator types part of a name or id. */
    private void setUpGroupBox(ComboBox<Group> box) {
        box.setEditable(true);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Group g) {
                return g == null ? "" : g.name();
            }

            @Override
            public Group fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                return groups.stream().filter(g -> g.name().equals(s) || s.equals(g.externalId())).findFirst()
                        .orElseGet(() -> groups.stream().filter(g -> g.name().contains(s)).findFirst().orElse(null));
            }
        });
        box.getEditor().textProperty().addListener((o, a, typed) -> {
            if (box.getValue() != null && box.getValue().name().equals(typed)) {
                return;
            }
            FilteredList<Group> filtered = new FilteredList<>(FXCollections.observableArrayList(groups),
                    g -> typed == null || typed.isBlank() || g.name().contains(typed.strip())
                            || (g.externalId() != null && g.externalId().contains(typed.strip())));
            box.setItems(filtered);
            if (!filtered.isEmpty() && box.isFocused()) {
                box.show();
            }
        });
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
