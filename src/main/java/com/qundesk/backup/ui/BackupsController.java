package com.qundesk.backup.ui;

import com.qundesk.backup.BackupInfo;
import com.qundesk.backup.BackupService;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.DialogButtons;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Settings › Backups: the backups of the open workspace, "Back up now", restore with confirmation, how many to keep. */
public final class BackupsController {

    private final ViewContext ui;
    private final BackupService backups;
    private final WorkspaceLocation workspace;

    @FXML private Label hint;
    @FXML private TableView<BackupInfo> backupTable;
    @FXML private TableColumn<BackupInfo, String> timeColumn;
    @FXML private TableColumn<BackupInfo, String> sizeColumn;
    @FXML private TableColumn<BackupInfo, String> kindColumn;
    @FXML private Button backupNowButton;
    @FXML private Button restoreButton;
    @FXML private Button restoreFileButton;
    @FXML private TextField keepField;
    @FXML private Button saveKeepButton;
    @FXML private Label backupMessage;

    /**
     * {@code workspace} is the open workspace: a file, which a restore replaces, or a team workspace, whose backups
     * are the server's (the section then only says so, its controls disabled).
     */
    public BackupsController(ViewContext ui, BackupService backups, WorkspaceLocation workspace) {
        this.ui = ui;
        this.backups = backups;
        this.workspace = workspace;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        backupTable.setPlaceholder(new Label(m.get("settings.backups.empty")));
        // to the second: two backups in one minute must not look the same
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", m.locale())
                .withZone(ui.formats().zone());
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(time.format(c.getValue().takenAt())));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(size(c.getValue().size(), m.locale())));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(kind(c.getValue(), m)));
        restoreButton.setDisable(true);
        if (workspace instanceof WorkspaceLocation.Server) {
            hint.setText(m.get("settings.backups.team"));
            backupTable.setPlaceholder(new Label(m.get("settings.backups.teamEmpty")));
            for (javafx.scene.Node n : List.of(backupTable, backupNowButton, restoreFileButton, keepField,
                    saveKeepButton)) {
                n.setDisable(true);
            }
            return;
        }
        hint.setText(m.get("settings.backups.hint", backups.folder()));
        backupTable.getSelectionModel().selectedItemProperty().addListener((obs, o, n) ->
                restoreButton.setDisable(n == null));
        refresh();
    }

    private record Loaded(List<BackupInfo> list, int keep) {
    }

    /** Reloads the list and the number kept. */
    public void refresh() {
        ui.tasks().run(() -> new Loaded(backups.list(), backups.keep()), loaded -> {
            backupTable.getItems().setAll(loaded.list());
            keepField.setText(Integer.toString(loaded.keep()));
        });
    }

    @FXML
    private void onBackupNow() {
        clearMessage();
        ui.tasks().run(() -> backups.backupNow(), taken -> {
            backupMessage.setText(ui.messages().get("settings.backups.taken", taken.file().getFileName()));
            refresh();
        }, backupNowButton, restoreFileButton);
    }

    @FXML
    private void onRestoreSelected() {
        BackupInfo selected = backupTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            confirmAndRestore(selected.file());
        }
    }

    @FXML
    private void onRestoreFile() {
        FileChooser c = new FileChooser();
        c.setTitle(ui.messages().get("settings.backups.restoreTitle"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.messages().get("settings.backups.filter"),
                "*.qundesk", "*.db", "*.sqlite"));
        Path folder = backups.folder();
        if (Files.isDirectory(folder)) {
            c.setInitialDirectory(folder.toFile());
        }
        File f = c.showOpenDialog(backupTable.getScene().getWindow());
        if (f != null) {
            confirmAndRestore(f.toPath());
        }
    }

    private void confirmAndRestore(Path backup) {
        Messages m = ui.messages();
        ButtonType replace = new ButtonType(m.get("settings.backups.confirmButton"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.get("settings.backups.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                m.get("settings.backups.confirm", workspace.display(), backup.toAbsolutePath()),
                replace, cancel);
        confirm.setTitle(m.get("app.title"));
        confirm.setHeaderText(m.get("settings.backups.confirmHeader"));
        confirm.initOwner(backupTable.getScene().getWindow());
        if (confirm.showAndWait().orElse(cancel) != replace) {
            return;
        }
        clearMessage();
        ui.tasks().run(() -> backups.restore(backup), result -> {
            Alert done = DialogButtons.alert(Alert.AlertType.INFORMATION, m.get("settings.backups.restored",
                    result.restoredFrom(), result.previousState()), m);
            done.setTitle(m.get("app.title"));
            done.setHeaderText(null);
            done.initOwner(backupTable.getScene().getWindow());
            done.show();
            ui.navigator().openWorkspace(result.workspace(), false);
        }, backupNowButton, restoreFileButton, restoreButton);
    }

    @FXML
    private void onSaveKeep() {
        clearMessage();
        String text = keepField.getText();
        ui.tasks().run(() -> {
            backups.setKeep(text);
            return text;
        }, saved -> {
            backupMessage.setText(ui.messages().get("settings.backups.keepSaved"));
            refresh();
        }, error -> {
            backupMessage.setText(ui.tasks().errors().describe(error));
            backupMessage.getStyleClass().add("field-error");
        }, saveKeepButton);
    }

    private void clearMessage() {
        backupMessage.setText("");
        backupMessage.getStyleClass().removeAll("field-error");
    }

    static String size(long bytes, Locale locale) {
        if (bytes < 0) {
            return "";
        }
        if (bytes < 1024 * 1024) {
            return String.format(locale, "%.0f KB", Math.max(1, bytes / 1024.0));
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String kind(BackupInfo b, Messages m) {
        return switch (b.kind()) {
            case REGULAR -> m.get("settings.backups.kind.regular");
            case BEFORE_RESTORE -> m.get("settings.backups.kind.beforeRestore");
            case BEFORE_MIGRATION -> m.get("settings.backups.kind.beforeMigration", b.schemaTarget());
        };
    }
}
