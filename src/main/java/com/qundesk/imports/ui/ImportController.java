package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.ImportLogRepository.ImportRun;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportOutcome;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.imports.chat.format.ChatFormat;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.ui.ViewContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Import view: drop files or folders, see each file's detected format and the group each of its chats goes
 * to (changeable), the first rows as they would be stored, then import with progress, cancel and a report; the
 * history lists every import with its rejected rows and can undo one.
 */
public final class ImportController {
    private final ViewContext view;
    private final ImportBatchService batch;
    private final ChatImportService imports;
    private final GroupChoices groupChoices;
    private final FilePreviewer previewer;
    private final ObservableList<PendingFile> files = FXCollections.observableArrayList();
    private Task<?> running;
    private ImportHistory history;

    @FXML private TabPane tabs;
    @FXML private Tab historyTab;
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

    public ImportController(ViewContext view, ImportBatchService batch, ChatImportService imports,
                            WecomImportService wecom, GroupService groups) {
        this.view = view;
        this.batch = batch;
        this.imports = imports;
        this.groupChoices = new GroupChoices(view, groups);
        this.previewer = new FilePreviewer(view, batch, imports, wecom);
    }

    @FXML
    private void initialize() {
        Messages m = view.messages();
        DropZoneFit.follow(tabs, dropZone); // a short window: the tables keep their rows
        zoneBox.getItems().setAll(List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
                "Asia/Tokyo", "Europe/London", "America/Los_Angeles", "UTC"));
        String zone = view.formats().zone().getId();
        if (!zoneBox.getItems().contains(zone)) {
            zoneBox.getItems().addFirst(zone);
        }
        zoneBox.setValue(zone);
        formatBox.getItems().add(m.get("import.format.auto"));
        imports.formats().all().stream().map(ChatFormat::id).forEach(formatBox.getItems()::add);
        formatBox.getSelectionModel().selectFirst();
        wecomDayPicker.setValue(java.time.LocalDate.now(view.clock().withZone(view.formats().zone())).minusDays(1));
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
            ComboBoxTableCell<ChatChoice, Group> cell = new ComboBoxTableCell<>(
                    groupChoices.converter(createGroupsBox::isSelected), groupChoices.choices());
            cell.setComboBoxEditable(false);
            return cell;
        });
        chatGroupColumn.setOnEditCommit(e -> {
            e.getRowValue().groupProperty().set(e.getNewValue());
            PendingFile f = fileTable.getSelectionModel().getSelectedItem();
            if (f != null) {
                f.groupsProperty().set(PreviewTexts.groups(view.messages(), f, createGroupsBox.isSelected()));
            }
        });

        rowLineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        rowTimeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().at())
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

        history = new ImportHistory(view, imports, historyTable, historyProblems, this::updateButtons,
                historyTab::isSelected);
        historyTab.selectedProperty().addListener((o, a, open) -> {
            if (open) {
                history.showing();
            }
        });
        history.setUpColumns(historyTimeColumn, historyFileColumn, historyFormatColumn, historyGroupsColumn,
                historyNewColumn, historyDupColumn, historyRejectedColumn, historySkippedColumn, historyStateColumn);
        updateButtons();
        groupChoices.reload();
        history.refresh();
    }

    /** Shows the workspace as it is now (groups to import into, the history), unless an import is running. */
    public void refresh() {
        if (running == null) {
            groupChoices.reload();
            history.refresh();
        }
    }

    @FXML
    private void onAddFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle(view.messages().get("import.addFiles"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(view.messages().get("import.filter"), "*.csv",
                "*.json", "*.jsonl"));
        List<File> chosen = fc.showOpenMultipleDialog(window());
        if (chosen != null) {
            add(chosen.stream().map(File::toPath).toList());
        }
    }

    @FXML
    private void onAddFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(view.messages().get("import.addFolder"));
        File folder = dc.showDialog(window());
        if (folder != null) {
            add(List.of(folder.toPath()));
        }
    }

    /** The ad detector's keyword list, one a line; {@code !phrase} marks a phrase that is not an ad. */
    @FXML
    private void onAdKeywords() {
        AdKeywordsDialog.edit(view, imports, window(), adKeywordsButton,
                () -> reportLabel.setText(view.messages().get("import.ads.saved")));
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
        view.tasks().run(() -> {
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
                reportLabel.setText(view.messages().get("import.error.noFiles"));
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
            return view.formats().zone();
        }
    }

    private void preview(PendingFile f) {
        previewer.preview(f, options(null), createGroupsBox::isSelected, groupChoices.byId(), read -> {
            if (read == fileTable.getSelectionModel().getSelectedItem()) {
                showFile(read);
            }
            updateButtons();
        }, this::updateButtons);
    }

    private void showFile(PendingFile f) {
        Messages m = view.messages();
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
        Messages m = view.messages();
        Map<PendingFile, ImportOptions> opts = new HashMap<>();
        todo.forEach(f -> opts.put(f, options(f)));
        java.time.LocalDate wecomDay = wecomDayPicker.getValue();
        Task<List<ImportOutcome>> task = ImportJob.task(view, batch, todo, opts, wecomDay);
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
            history.refresh();
            groupChoices.reload();
        };
        task.setOnCancelled(e -> {
            end.run();
            progressLabel.setText(m.get("import.progress.cancelled"));
            report();
        });
        view.tasks().submitInBackground("qundesk-import", task, results -> {
            end.run();
            progressLabel.setText("");
            report();
        }, error -> {
            end.run();
            view.tasks().errors().report(error);
        }, startButton, addFilesButton, addFolderButton, clearButton);
    }

    /** The report of the last run: totals, then every problem with its file and line. */
    private void report() {
        ImportReport r = ImportReport.of(files, view.messages());
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
        history.refresh();
    }

    @FXML
    private void onUndo() {
        history.undoSelected(window(), undoButton);
    }

    private void updateButtons() {
        boolean idle = running == null;
        startButton.setDisable(!idle || files.stream().noneMatch(PendingFile::importable));
        ImportRun run = history.selected();
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
