package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.ChatFormat;
import com.qundesk.imports.ImportLogRepository.ImportRun;
import com.qundesk.imports.ChatImportService;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Rejection;
import com.qundesk.group.GroupService;
import com.qundesk.imports.WecomImportService;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.DialogButtons;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Import view: drop files or folders, see each file's detected format and the group each of its chats goes
 * to (changeable), the first rows as they would be stored, then import with progress, cancel and a report; the
 * history lists every import with its rejected rows and can undo one.
 */
public final class ImportController {
    private static final int PREVIEW_ROWS = 20_000;

    private final ViewContext ui;
    private final ChatImportService imports;
    private final WecomImportService wecomImports;
    private final GroupService groups;
    private final ObservableList<PendingFile> files = FXCollections.observableArrayList();
    private final ObservableList<Group> groupChoices = FXCollections.observableArrayList();
    private final Map<Long, Group> groupsById = new HashMap<>();
    private Task<?> running;

    @FXML private TabPane tabs;
    @FXML private VBox dropZone;
    @FXML private Button addFilesButton;
    @FXML private Button addFolderButton;
    @FXML private ComboBox<String> zoneBox;
    @FXML private ComboBox<String> formatBox;
    @FXML private CheckBox createGroupsBox;
    @FXML private Label wecomDayLabel;
    @FXML private javafx.scene.control.DatePicker wecomDayPicker;
    @FXML private Button clearButton;
    @FXML private Button adKeywordsButton;
    @FXML private TableView<PendingFile> fileTable;
    @FXML private TableColumn<PendingFile, String> fileNameColumn;
    @FXML private TableColumn<PendingFile, String> fileFormatColumn;
    @FXML private TableColumn<PendingFile, String> fileCharsetColumn;
    @FXML private TableColumn<PendingFile, String> fileGroupsColumn;
    @FXML private TableColumn<PendingFile, String> fileStatusColumn;
    @FXML private TableView<ChatChoice> chatTable;
    @FXML private TableColumn<ChatChoice, String> chatNameColumn;
    @FXML private TableColumn<ChatChoice, Number> chatRowsColumn;
    @FXML private TableColumn<ChatChoice, Group> chatGroupColumn;
    @FXML private Label previewTitle;
    @FXML private Label chatPlaceholder;
    @FXML private Label rowPlaceholder;
    @FXML private TableView<ImportPreview.Row> rowTable;
    @FXML private TableColumn<ImportPreview.Row, Number> rowLineColumn;
    @FXML private TableColumn<ImportPreview.Row, String> rowTimeColumn;
    @FXML private TableColumn<ImportPreview.Row, String> rowSenderColumn;
    @FXML private TableColumn<ImportPreview.Row, String> rowKindColumn;
    @FXML private Button startButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label reportLabel;
    @FXML private ListView<String> problemList;
    @FXML private SplitPane mainSplit;
    @FXML private VBox problemPane;
    @FXML private TableView<ImportRun> historyTable;
    @FXML private TableColumn<ImportRun, String> historyTimeColumn;
    @FXML private TableColumn<ImportRun, String> historyFileColumn;
    @FXML private TableColumn<ImportRun, String> historyFormatColumn;
    @FXML private TableColumn<ImportRun, String> historyGroupsColumn;
    @FXML private TableColumn<ImportRun, Number> historyNewColumn;
    @FXML private TableColumn<ImportRun, Number> historyDupColumn;
    @FXML private TableColumn<ImportRun, Number> historyRejectedColumn;
    @FXML private TableColumn<ImportRun, Number> historySkippedColumn;
    @FXML private TableColumn<ImportRun, String> historyStateColumn;
    @FXML private Button undoButton;
    @FXML private Button refreshHistoryButton;
    @FXML private ListView<String> historyProblems;

    public ImportController(ViewContext ui, ChatImportService imports, WecomImportService wecomImports,
                            GroupService groups) {
        this.ui = ui;
        this.imports = imports;
        this.wecomImports = wecomImports;
        this.groups = groups;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        zoneBox.getItems().setAll(List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
                "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "UTC"));
        String zone = ui.formats().zone().getId();
        if (!zoneBox.getItems().contains(zone)) {
            zoneBox.getItems().addFirst(zone);
        }
        zoneBox.setValue(zone);
        formatBox.getItems().add(m.get("import.format.auto"));
        imports.formats().all().stream().map(ChatFormat::id).forEach(formatBox.getItems()::add);
        formatBox.getSelectionModel().selectFirst();
        wecomDayPicker.setValue(java.time.LocalDate.now(ui.clock().withZone(ui.formats().zone())).minusDays(1));
        wecomDayLabel.setTooltip(new javafx.scene.control.Tooltip(m.get("import.option.wecomDay.hint")));
        zoneBox.valueProperty().addListener((o, a, b) -> repreviewAll());
        formatBox.valueProperty().addListener((o, a, b) -> repreviewAll());
        createGroupsBox.selectedProperty().addListener((o, a, b) -> repreviewAll());

        fileTable.setItems(files);
        fileNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path().getFileName().toString()));
        fileFormatColumn.setCellValueFactory(c -> c.getValue().formatProperty());
        fileCharsetColumn.setCellValueFactory(c -> c.getValue().charsetProperty());
        fileGroupsColumn.setCellValueFactory(c -> c.getValue().groupsProperty());
        fileStatusColumn.setCellValueFactory(c -> c.getValue().statusProperty());
        fileTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showFile(b));

        chatNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        chatRowsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().chat().messages()));
        chatGroupColumn.setCellValueFactory(c -> c.getValue().groupProperty());
        chatGroupColumn.setCellFactory(col -> {
            ComboBoxTableCell<ChatChoice, Group> cell = new ComboBoxTableCell<>(groupConverter(), groupChoices);
            cell.setComboBoxEditable(false);
            return cell;
        });
        chatGroupColumn.setOnEditCommit(e -> {
            e.getRowValue().groupProperty().set(e.getNewValue());
            PendingFile f = fileTable.getSelectionModel().getSelectedItem();
            if (f != null) {
                f.groupsProperty().set(groupSummary(f));
            }
        });

        rowLineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        rowTimeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ui.formats().dateTime(c.getValue().at())
                + (c.getValue().exactTime() ? "" : " *")));
        rowSenderColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().self()
                ? m.get("import.sender.self") : c.getValue().kind() == MessageKind.SYSTEM ? m.get("import.sender.system")
                : c.getValue().sender() == null ? "—" : c.getValue().sender()));
        rowKindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                m.get("import.kind." + c.getValue().kind().name().toLowerCase(java.util.Locale.ROOT))));

        dropZone.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && running == null) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!dropZone.getStyleClass().contains("drag-over")) {
                    dropZone.getStyleClass().add("drag-over");
                }
            }
            e.consume();
        });
        dropZone.setOnDragExited(e -> dropZone.getStyleClass().remove("drag-over"));
        dropZone.setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().getFiles();
            add(dropped.stream().map(File::toPath).toList());
            e.setDropCompleted(!dropped.isEmpty());
            e.consume();
        });
        fileTable.setOnDragOver(dropZone.getOnDragOver());
        fileTable.setOnDragDropped(dropZone.getOnDragDropped());

        historyTimeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ui.formats().dateTime(c.getValue().startedAt())));
        historyFileColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fileName()));
        historyFormatColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().format()));
        historyGroupsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join("、", c.getValue().groups())));
        historyNewColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().imported()));
        historyDupColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().duplicates()));
        historyRejectedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rejected()));
        historySkippedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().skipped()));
        historyStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().undone()
                ? m.get("import.history.undone", ui.formats().dateTime(c.getValue().undoneAt()))
                : m.get("import.history.kept")));
        historyTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showRun(b));
        updateButtons();
        reloadGroups();
        refreshHistory();
    }

    private record GroupChoices(Map<Long, Group> byId, List<Group> choices) {
    }

    private StringConverter<Group> groupConverter() {
        Messages m = ui.messages();
        return new StringConverter<>() {
            @Override
            public String toString(Group g) {
                if (g != null) {
                    return g.name();
                }
                return m.get(createGroupsBox.isSelected() ? "import.group.createNew" : "import.group.skip");
            }

            @Override
            public Group fromString(String s) {
                return groupChoices.stream().filter(g -> g != null && g.name().equals(s)).findFirst().orElse(null);
            }
        };
    }

    /** Shows the workspace as it is now (groups to import into, the history), unless an import is running. */
    public void refresh() {
        if (running == null) {
            reloadGroups();
            refreshHistory();
        }
    }

    private void reloadGroups() {
        // sorted on the worker: at 2,000 groups sorting and mapping them on the FX thread showed as a pause
        ui.tasks().run(() -> {
            List<Group> list = groups.list();
            Map<Long, Group> byId = new HashMap<>();
            list.forEach(g -> byId.put(g.id(), g));
            List<Group> choices = new ArrayList<>(list.size() + 1);
            choices.add(null);
            list.stream().sorted(java.util.Comparator.comparing(Group::name)).forEach(choices::add);
            return new GroupChoices(byId, choices);
        }, loaded -> {
            groupsById.clear();
            groupsById.putAll(loaded.byId());
            if (!loaded.choices().equals(groupChoices)) {
                groupChoices.setAll(loaded.choices());
            }
        });
    }

    @FXML
    private void onAddFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle(ui.messages().get("import.addFiles"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.messages().get("import.filter"), "*.csv",
                "*.json", "*.jsonl"));
        List<File> chosen = fc.showOpenMultipleDialog(window());
        if (chosen != null) {
            add(chosen.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void onAddFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(ui.messages().get("import.addFolder"));
        File folder = dc.showDialog(window());
        if (folder != null) {
            add(List.of(folder.toPath()));
        }
    }

    /** The ad detector's keyword list, one a line; {@code !phrase} marks a phrase that is not an ad. */
    @FXML
    private void onAdKeywords() {
        Messages m = ui.messages();
        ui.tasks().run(() -> imports.adDetector().toSetting(), current -> {
            javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(current);
            area.setPrefRowCount(14);
            area.setPrefColumnCount(28);
            Label hint = new Label(m.get("import.ads.hint"));
            hint.setWrapText(true);
            hint.setMaxWidth(420);
            javafx.scene.control.Dialog<ButtonType> d = new javafx.scene.control.Dialog<>();
            d.setTitle(m.get("import.ads.title"));
            d.setHeaderText(m.get("import.ads.title"));
            d.getDialogPane().setContent(new VBox(8, hint, area));
            ButtonType reset = new ButtonType(m.get("import.ads.reset"), javafx.scene.control.ButtonBar.ButtonData.LEFT);
            ButtonType cancel = DialogButtons.cancel(m);
            d.getDialogPane().getButtonTypes().addAll(reset, DialogButtons.ok(m), cancel);
            d.initOwner(window());
            ButtonType choice = d.showAndWait().orElse(cancel);
            if (choice == cancel) {
                return;
            }
            String text = choice == reset ? com.qundesk.imports.AdDetector.defaults().toSetting() : area.getText();
            ui.tasks().run(() -> {
                imports.setAdKeywords(text);
                return null;
            }, x -> reportLabel.setText(m.get("import.ads.saved")));
        }, adKeywordsButton);
    }

    @FXML
    private void onClear() {
        files.removeIf(f -> f.state() != PendingFile.State.IMPORTING);
        reportLabel.setText("");
        problemList.getItems().clear();
        showProblems(false);
        updateButtons();
    }

    /** Adds files or folders to the queue and previews them in the background. */
    public void add(List<Path> paths) {
        ui.tasks().run(() -> {
            List<Path> out = new ArrayList<>();
            for (Path p : paths) {
                out.addAll(imports.expand(p));
            }
            return out;
        }, expanded -> {
            List<PendingFile> added = new ArrayList<>();
            for (Path p : expanded) {
                if (files.stream().noneMatch(f -> f.path().equals(p))) {
                    PendingFile f = new PendingFile(p);
                    files.add(f);
                    added.add(f);
                }
            }
            if (expanded.isEmpty()) {
                reportLabel.setText(ui.messages().get("import.error.noFiles"));
            }
            if (!added.isEmpty() && fileTable.getSelectionModel().isEmpty()) {
                fileTable.getSelectionModel().select(added.getFirst());
            }
            added.forEach(this::preview);
            updateButtons();
        });
    }

    private void repreviewAll() {
        if (running != null) {
            return;
        }
        files.stream().filter(f -> f.state() != PendingFile.State.DONE).forEach(this::preview);
    }

    private ImportOptions options(PendingFile f) {
        String format = formatBox.getSelectionModel().getSelectedIndex() <= 0 ? null : formatBox.getValue();
        Map<String, Long> chosen = new HashMap<>();
        for (ChatChoice c : f == null ? List.<ChatChoice>of() : f.chats()) {
            Group g = c.groupProperty().get();
            if (g != null) {
                chosen.put(c.chat().chatKey(), g.id());
            } else if (c.chat().groupId() != null) {
                // the operator took the proposed group away: leave the chat out
                chosen.put(c.chat().chatKey(), -1L);
            }
            // no group proposed and none chosen: reported as a chat without a group (or created, if ticked)
        }
        return new ImportOptions(zone(), format, null, createGroupsBox.isSelected(), chosen);
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(zoneBox.getValue().strip());
        } catch (RuntimeException e) {
            return ui.formats().zone();
        }
    }

    private void preview(PendingFile f) {
        Messages m = ui.messages();
        f.stateProperty().set(PendingFile.State.READING);
        f.statusProperty().set(m.get("import.status.reading"));
        ImportOptions options = options(null);
        boolean create = createGroupsBox.isSelected();
        ui.tasks().run(() -> {
            if (com.qundesk.imports.WecomImportService.looksLikeWecom(com.qundesk.imports.ChatFormats.sniff(f.path()))) {
                return wecomImports.describe(f.path(), create);
            }
            return imports.preview(f.path(), options, PREVIEW_ROWS, () -> false);
        }, any -> {
            if (any instanceof com.qundesk.imports.WecomImportService.Summary w) {
                previewedWecom(f, w);
                return;
            }
            ImportPreview p = (ImportPreview) any;
            f.setPreview(p);
            f.formatProperty().set(p.format());
            f.charsetProperty().set(p.charset());
            f.chats().setAll(p.chats().stream().filter(c -> !c.oneToOne())
                    .map(c -> new ChatChoice(c, c.groupId() == null ? null : groupsById.get(c.groupId()))).toList());
            f.groupsProperty().set(groupSummary(f));
            // a file of one-to-one chats only is not importable, and the preview says so before Start
            f.stateProperty().set(f.onlyOneToOne() ? PendingFile.State.FAILED : PendingFile.State.READY);
            f.statusProperty().set(f.onlyOneToOne() ? ui.messages().get("import.status.oneToOneOnly") : readyText(f));
            if (f == fileTable.getSelectionModel().getSelectedItem()) {
                showFile(f);
            }
            updateButtons();
        }, error -> {
            f.stateProperty().set(PendingFile.State.FAILED);
            f.statusProperty().set(ui.tasks().errors().describe(error));
            updateButtons();
        });
    }

    private void previewedWecom(PendingFile f, com.qundesk.imports.WecomImportService.Summary w) {
        Messages m = ui.messages();
        f.setWecom(w);
        f.setPreview(null);
        f.formatProperty().set("wecom");
        f.charsetProperty().set("UTF-8");
        f.chats().setAll(w.chats().stream()
                .map(c -> new ChatChoice(c, c.groupId() == null ? null : groupsById.get(c.groupId()))).toList());
        f.groupsProperty().set(groupSummary(f));
        f.stateProperty().set(PendingFile.State.READY);
        String text = m.get("import.wecom.summary", w.groupDetails(), w.groupLists(), w.ownerStatistics(),
                w.dayStatistics());
        if (w.needsDay()) {
            text += " · " + m.get("import.wecom.dayFromPicker");
        }
        f.statusProperty().set(text);
        if (f == fileTable.getSelectionModel().getSelectedItem()) {
            showFile(f);
        }
        updateButtons();
    }

    private String readyText(PendingFile f) {
        Messages m = ui.messages();
        ImportPreview p = f.preview();
        String rows = p.scannedAll() ? m.get("import.status.rows", p.rowsScanned())
                : m.get("import.status.rowsAtLeast", p.rowsScanned());
        List<String> parts = new ArrayList<>();
        parts.add(rows);
        long unmatched = f.chats().stream().filter(c -> c.groupProperty().get() == null).count();
        if (unmatched > 0 && !createGroupsBox.isSelected()) {
            parts.add(m.get("import.status.unmatched", unmatched));
        }
        if (f.oneToOneChats() > 0) {
            parts.add(m.get("import.status.oneToOneSkipped", f.oneToOneChats()));
        }
        if (p.rejectedCount() > 0) {
            parts.add(m.get("import.status.badRows", p.rejectedCount()));
        }
        for (String w : p.warnings()) {
            parts.add(m.get(w + ".short"));
        }
        return String.join(" · ", parts);
    }

    private String groupSummary(PendingFile f) {
        Messages m = ui.messages();
        return f.chats().stream().map(c -> c.groupProperty().get() == null
                        ? (createGroupsBox.isSelected() ? m.get("import.group.willCreate", c.label()) : m.get("import.group.skip"))
                        : c.groupProperty().get().name())
                .distinct().collect(Collectors.joining("、"));
    }

    private void showFile(PendingFile f) {
        Messages m = ui.messages();
        chatTable.setEditable(f == null || f.wecom() == null);
        if (f != null && f.wecom() != null) {
            chatTable.setItems(f.chats());
            rowTable.getItems().clear();
            previewTitle.setText(m.get("import.preview.wecom"));
            return;
        }
        if (f == null || f.preview() == null) {
            chatTable.getItems().clear();
            rowTable.getItems().clear();
            previewTitle.setText(m.get("import.preview.title"));
            chatPlaceholder.setText(m.get(f == null ? "import.mapping.empty" : "import.mapping.reading"));
            rowPlaceholder.setText(m.get("import.preview.empty"));
            return;
        }
        boolean direct = f.onlyOneToOne();
        chatPlaceholder.setText(direct ? m.get("import.mapping.oneToOne", f.oneToOneChats())
                : m.get("import.mapping.none"));
        rowPlaceholder.setText(m.get(direct ? "import.preview.oneToOne" : "import.preview.empty"));
        chatTable.setItems(f.chats());
        rowTable.getItems().setAll(f.importableRows());
        previewTitle.setText(m.get("import.preview.titleOf", f.path().getFileName(), f.preview().format()));
    }

    @FXML
    private void onStart() {
        List<PendingFile> todo = files.stream().filter(PendingFile::importable).toList();
        if (todo.isEmpty()) {
            return;
        }
        Messages m = ui.messages();
        Map<PendingFile, ImportOptions> opts = new HashMap<>();
        todo.forEach(f -> opts.put(f, options(f)));
        java.time.LocalDate wecomDay = wecomDayPicker.getValue();
        Task<List<ImportResult>> task = ImportJob.task(ui, imports, wecomImports, todo, opts, wecomDay);
        running = task;
        progressBar.setVisible(true);
        progressBar.progressProperty().bind(task.progressProperty());
        progressLabel.textProperty().bind(task.messageProperty());
        cancelButton.setDisable(false);
        reportLabel.setText("");
        updateButtons();
        Runnable end = () -> {
            running = null;
            progressBar.progressProperty().unbind();
            progressLabel.textProperty().unbind();
            progressBar.setVisible(false);
            cancelButton.setDisable(true);
            updateButtons();
            refreshHistory();
            reloadGroups();
        };
        task.setOnCancelled(e -> {
            end.run();
            progressLabel.setText(m.get("import.progress.cancelled"));
            report();
        });
        ui.tasks().submitInBackground("qundesk-import", task, results -> {
            end.run();
            progressLabel.setText("");
            report();
        }, error -> {
            end.run();
            ui.tasks().errors().report(error);
        }, startButton, addFilesButton, addFolderButton, clearButton);
    }

    /** The report of the last run: totals, then every problem with its file and line. */
    private void report() {
        ImportReport r = ImportReport.of(files, ui.messages());
        reportLabel.setText(r.summary());
        reportLabel.getStyleClass().removeAll("danger", "success", "warning");
        reportLabel.getStyleClass().addAll("import-report", r.style());
        problemList.getItems().setAll(r.problems());
        showProblems(!r.problems().isEmpty());
    }

    /** The list of problems takes the bottom of the view when there are any. */
    private void showProblems(boolean show) {
        boolean shown = mainSplit.getItems().contains(problemPane);
        if (show && !shown) {
            mainSplit.getItems().add(problemPane);
            mainSplit.setDividerPositions(0.34, 0.7);
        } else if (!show && shown) {
            mainSplit.getItems().remove(problemPane);
            mainSplit.setDividerPositions(0.42);
        }
    }

    @FXML
    private void onCancel() {
        if (running != null) {
            running.cancel();
        }
    }

    @FXML
    private void onRefreshHistory() {
        refreshHistory();
    }

    private void refreshHistory() {
        ui.tasks().run(() -> imports.history(500), runs -> {
            ImportRun selected = historyTable.getSelectionModel().getSelectedItem();
            historyTable.getItems().setAll(runs);
            if (selected != null) {
                runs.stream().filter(r -> r.id() == selected.id()).findFirst()
                        .ifPresent(r -> historyTable.getSelectionModel().select(r));
            }
            updateButtons();
        });
    }

    private void showRun(ImportRun run) {
        updateButtons();
        if (run == null) {
            historyProblems.getItems().clear();
            return;
        }
        Messages m = ui.messages();
        ui.tasks().run(() -> imports.rejections(run.id()), rejected -> {
            List<String> lines = new ArrayList<>();
            for (String w : run.warnings()) {
                lines.add(m.get(w));
            }
            for (Rejection r : rejected) {
                lines.add(m.get("cli.import.rejected", run.fileName(), r.line(), m.describe(r)));
            }
            if (run.rejected() > rejected.size()) {
                lines.add(m.get("cli.import.moreRejected", run.rejected() - rejected.size()));
            }
            if (lines.isEmpty()) {
                lines.add(m.get("import.history.clean"));
            }
            historyProblems.getItems().setAll(lines);
        });
    }

    @FXML
    private void onUndo() {
        ImportRun run = historyTable.getSelectionModel().getSelectedItem();
        if (run == null || run.undone()) {
            return;
        }
        Messages m = ui.messages();
        Alert confirm = DialogButtons.alert(Alert.AlertType.CONFIRMATION, m.get("import.undo.confirm", run.fileName(),
                run.imported()), m);
        confirm.setHeaderText(m.get("import.undo.title"));
        confirm.initOwner(window());
        if (!DialogButtons.accepted(confirm.showAndWait())) {
            return;
        }
        ui.tasks().run(() -> {
            imports.undo(run.id());
            return run;
        }, r -> {
            refreshHistory();
        }, undoButton);
    }

    private void updateButtons() {
        boolean idle = running == null;
        startButton.setDisable(!idle || files.stream().noneMatch(PendingFile::importable));
        ImportRun run = historyTable.getSelectionModel().getSelectedItem();
        undoButton.setDisable(!idle || run == null || run.undone());
    }

    private javafx.stage.Window window() {
        return tabs.getScene() == null ? null : tabs.getScene().getWindow();
    }

    /** For tests: the queue. */
    ObservableList<PendingFile> files() {
        return files;
    }
}
