package com.qundesk.app;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.core.AppPaths;
import com.qundesk.i18n.Messages;
import com.qundesk.shell.MainWindow;
import com.qundesk.ui.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JavaFX application: picks the workspace, builds the context and shows the main window. */
public final class QunDeskApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(QunDeskApp.class);

    private ExecutorService executor;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        AppPaths paths = AppPaths.forCurrentUser();
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        Theme theme = new Theme();
        theme.apply(Theme.parse(prefs.get(UserPrefs.THEME, "system")));
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "qundesk-worker");
            t.setDaemon(true);
            return t;
        });
        String arg = Launcher.workspaceArg(getParameters().getRaw());
        Path workspace = arg != null ? Path.of(arg)
                : prefs.get(UserPrefs.LAST_WORKSPACE).map(Path::of).orElse(paths.defaultWorkspace());
        Clock clock = Clock.systemUTC();
        boolean offerDemo = arg == null && !AppContext.workspaceExists(workspace);
        boolean demo = offerDemo && askForDemo(prefs);
        window = new MainWindow(stage, paths, prefs, theme, executor, clock, ViewFactory::new);
        window.importOnOpen(Launcher.importArgs(getParameters().getRaw()).stream().map(Path::of).toList());
        window.open(workspace, demo);
        StartupProbe.attachIfRequested(stage, window); // off unless -Dqundesk.probe.firstFrame (the bench, AOT training), see docs/performance.md
    }

    /**
     * First start: the operator chooses the language (preselected from the OS) and a demo workspace (to look
     * around) or an empty one. The dialog's own texts switch as soon as another language is picked.
     */
    private static boolean askForDemo(UserPrefs prefs) {
        ButtonType demo = new ButtonType("", ButtonBar.ButtonData.YES);
        ButtonType empty = new ButtonType("", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", demo, empty);
        Label text = new Label();
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label languageLabel = new Label();
        ComboBox<Locale> language = new ComboBox<>();
        language.setId("firstRunLanguage");
        language.getItems().setAll(Messages.CHINESE, Messages.ENGLISH);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                // each language in its own words, so it can be found without reading the other
                return l == null ? "" : new Messages(l).get("settings.language." + l.getLanguage());
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languageLabel.setLabelFor(language);
        HBox languageRow = new HBox(8, languageLabel, language);
        languageRow.setAlignment(Pos.CENTER_LEFT);
        alert.getDialogPane().setContent(new VBox(14, languageRow, text));
        Runnable translate = () -> {
            Messages m = new Messages(language.getValue());
            Locale.setDefault(m.locale());
            alert.setTitle(m.get("app.title"));
            alert.setHeaderText(m.get("firstRun.header"));
            text.setText(m.get("firstRun.text"));
            languageLabel.setText(m.get("settings.language"));
            ((Button) alert.getDialogPane().lookupButton(demo)).setText(m.get("firstRun.demo"));
            ((Button) alert.getDialogPane().lookupButton(empty)).setText(m.get("firstRun.empty"));
        };
        language.setValue(AppContext.localeFrom(prefs));
        translate.run();
        language.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                prefs.put(UserPrefs.LANGUAGE, b.getLanguage());
                translate.run();
            }
        });
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == demo;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveState();
            window.dispose();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        log.info("QunDesk closed");
        Platform.exit();
    }
}
