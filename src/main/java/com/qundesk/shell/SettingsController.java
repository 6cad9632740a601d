package com.qundesk.shell;

import com.qundesk.core.UserPrefs;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.group.OperatorService;
import com.qundesk.i18n.Messages;
import com.qundesk.settings.WorkspaceSettings;
import com.qundesk.ui.Theme;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.ThresholdSettings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings: language and time zone (applied at once, no restart), theme, which workspace is open, and the name the
 * operator is shown by in it.
 */
public final class SettingsController {

    private static final List<String> LANGUAGES = List.of("system", "zh", "en");
    private static final List<String> THEMES = List.of("system", "light", "dark");
    private static final List<String> COMMON_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
            "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles", "Australia/Sydney", "UTC");

    private final ViewContext ui;
    private final UserPrefs prefs;
    private final WorkspaceSettings settings;
    private final ThresholdSettings thresholds;
    private final WorkspaceLocation workspace;
    private final OperatorService operators;
    private final String login;

    @FXML private ComboBox<String> languageBox;
    @FXML private ComboBox<String> themeBox;
    @FXML private ComboBox<String> zoneBox;
    @FXML private Label workspaceHint;
    @FXML private Label workspacePath;
    @FXML private TextField displayNameField;
    @FXML private Label operatorLogin;
    @FXML private Button saveNameButton;
    @FXML private Label nameMessage;
    @FXML private Button connectServerButton;
    @FXML private Button openWorkspaceButton;
    @FXML private Button newWorkspaceButton;
    @FXML private Button demoWorkspaceButton;
    @FXML private TextField reminderField;
    @FXML private Button saveRemindersButton;
    @FXML private Label reminderMessage;
    @FXML private javafx.scene.layout.GridPane thresholdGrid;
    @FXML private Button saveThresholdsButton;
    @FXML private Label thresholdMessage;
    private final java.util.Map<String, TextField> thresholdFields = new java.util.LinkedHashMap<>();

    /**
     * {@code workspace} is the open workspace (shown; a file's folder is where the file choosers start); {@code login}
     * the operator working in it, whose display name {@code operators} keeps.
     */
    public SettingsController(ViewContext ui, UserPrefs prefs, WorkspaceSettings settings, ThresholdSettings thresholds,
                              WorkspaceLocation workspace, OperatorService operators, String login) {
        this.ui = ui;
        this.prefs = prefs;
        this.settings = settings;
        this.thresholds = thresholds;
        this.workspace = workspace;
        this.operators = operators;
        this.login = login;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        languageBox.getItems().setAll(LANGUAGES);
        languageBox.setConverter(labels(m, "settings.language."));
        languageBox.setValue(prefs.get(UserPrefs.LANGUAGE, "system"));
        languageBox.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(o)) {
                prefs.put(UserPrefs.LANGUAGE, n);
                ui.navigator().reloadUi();
            }
        });

        themeBox.getItems().setAll(THEMES);
        themeBox.setConverter(labels(m, "settings.theme."));
        themeBox.setValue(prefs.get(UserPrefs.THEME, "system"));
        themeBox.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                prefs.put(UserPrefs.THEME, n);
                ui.theme().apply(Theme.parse(n));
            }
        });

        List<String> zones = new ArrayList<>();
        zones.add("system");
        zones.addAll(COMMON_ZONES);
        ZoneId.getAvailableZoneIds().stream().sorted().filter(z -> !COMMON_ZONES.contains(z)).forEach(zones::add);
        zoneBox.getItems().setAll(zones);
        zoneBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String z) {
                return z == null ? "" : "system".equals(z)
                        ? m.get("settings.zone.system", ZoneId.systemDefault().getId()) : z;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        zoneBox.setValue(prefs.get(UserPrefs.ZONE, "system"));
        zoneBox.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(o)) {
                prefs.put(UserPrefs.ZONE, n);
                ui.navigator().reloadUi();
            }
        });

        workspacePath.setText(workspace.display());
        workspaceHint.setText(m.get(workspace instanceof WorkspaceLocation.Server
                ? "settings.workspace.teamHint" : "settings.workspace.hint"));
        operatorLogin.setText(m.get("settings.operator.login", login));
        ui.tasks().run(() -> operators.displayNames().getOrDefault(login, ""), displayNameField::setText);
        ui.tasks().run(() -> settings.reminderOffsets(), offsets -> reminderField.setText(
                ReminderOffsets.format(offsets)));
        int row = 0;
        for (com.qundesk.value.ThresholdSettings.Field f : com.qundesk.value.ThresholdSettings.FIELDS) {
            TextField field = new TextField();
            field.setId(f.key().replace('.', '-'));
            field.setPrefColumnCount(f.key().endsWith("Tags") ? 18 : 7);
            thresholdFields.put(f.key(), field);
            javafx.scene.Node input = field;
            if (f.percent()) {
                javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(4, field, new Label("%"));
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                input = box;
            }
            thresholdGrid.addRow(row++, new Label(m.get(f.labelKey())), input);
        }
        ui.tasks().run(() -> thresholds.current(), values ->
                values.forEach((k, v) -> thresholdFields.get(k).setText(v)));
    }

    @FXML
    private void onSaveThresholds() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        thresholdFields.forEach((k, f) -> values.put(k, f.getText()));
        thresholdMessage.getStyleClass().removeAll("field-error");
        ui.tasks().run(() -> {
            thresholds.save(values);
            return values;
        }, saved -> thresholdMessage.setText(ui.messages().get("settings.health.saved")), error -> {
            thresholdMessage.setText(ui.tasks().errors().describe(error));
            thresholdMessage.getStyleClass().add("field-error");
        }, saveThresholdsButton);
    }

    @FXML
    private void onSaveReminders() {
        Messages m = ui.messages();
        reminderMessage.getStyleClass().removeAll("field-error");
        java.util.Optional<List<Integer>> parsed = ReminderOffsets.parse(reminderField.getText());
        if (parsed.isEmpty()) {
            reminderMessage.setText(m.get("settings.reminders.invalid"));
            reminderMessage.getStyleClass().add("field-error");
            return;
        }
        ui.tasks().run(() -> {
            settings.setReminderOffsets(parsed.get());
            return parsed.get();
        }, saved -> reminderMessage.setText(m.get("settings.reminders.saved")), saveRemindersButton);
    }

    /** Saves the operator's display name; history, assignees and the status bar show it from the next refresh. */
    @FXML
    private void onSaveName() {
        Messages m = ui.messages();
        String name = displayNameField.getText() == null ? "" : displayNameField.getText().strip();
        nameMessage.getStyleClass().removeAll("field-error");
        if (name.isEmpty()) {
            nameMessage.setText(m.get("validation.operator.nameRequired"));
            nameMessage.getStyleClass().add("field-error");
            return;
        }
        ui.tasks().run(() -> {
            operators.setDisplayName(login, name);
            return name;
        }, saved -> nameMessage.setText(m.get("settings.operator.saved", saved)), saveNameButton);
    }

    @FXML
    private void onOpenWorkspace() {
        File f = chooser("settings.workspace.openTitle").showOpenDialog(workspacePath.getScene().getWindow());
        if (f != null) {
            ui.navigator().openWorkspace(f.toPath(), false);
        }
    }

    @FXML
    private void onConnectServer() {
        ui.navigator().connectToTeamServer();
    }

    @FXML
    private void onNewWorkspace() {
        File f = chooser("settings.workspace.newTitle").showSaveDialog(workspacePath.getScene().getWindow());
        if (f != null) {
            ui.navigator().openWorkspace(withExtension(f.toPath()), false);
        }
    }

    @FXML
    private void onDemoWorkspace() {
        FileChooser c = chooser("settings.workspace.demoTitle");
        c.setInitialFileName("demo.qundesk");
        File f = c.showSaveDialog(workspacePath.getScene().getWindow());
        if (f != null) {
            ui.navigator().openWorkspace(withExtension(f.toPath()), true);
        }
    }

    private FileChooser chooser(String titleKey) {
        FileChooser c = new FileChooser();
        c.setTitle(ui.messages().get(titleKey));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.messages().get("settings.workspace.filter"),
                "*.qundesk", "*.db", "*.sqlite"));
        Path dir = workspace instanceof WorkspaceLocation.LocalFile f ? f.file().toAbsolutePath().getParent() : null;
        if (dir != null && dir.toFile().isDirectory()) {
            c.setInitialDirectory(dir.toFile());
        }
        return c;
    }

    private static Path withExtension(Path p) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + ".qundesk");
    }

    private static StringConverter<String> labels(Messages m, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(String token) {
                return token == null ? "" : m.get(prefix + token);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
    }
}
