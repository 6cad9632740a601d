package com.qundesk.app;

import com.qundesk.bench.probe.StartupProbe;
import com.qundesk.i18n.Messages;
import com.qundesk.shell.MainWindow;
import com.qundesk.ui.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
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
        window = new MainWindow(stage, paths, prefs, theme, executor, clock);
        window.importOnOpen(Launcher.importArgs(getParameters().getRaw()).stream().map(Path::of).toList());
        window.open(workspace, demo);
        StartupProbe.attachIfRequested(stage, window); // benchmark only (-Dqundesk.bench.firstFrame), see docs/performance.md
    }

    /** First start: the operator chooses a demo workspace (to look around) or an empty one. */
    private static boolean askForDemo(UserPrefs prefs) {
        Messages m = new Messages(AppContext.localeFrom(prefs));
        ButtonType demo = new ButtonType(m.get("firstRun.demo"), ButtonBar.ButtonData.YES);
        ButtonType empty = new ButtonType(m.get("firstRun.empty"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, m.get("firstRun.text"), demo, empty);
        alert.setTitle(m.get("app.title"));
        alert.setHeaderText(m.get("firstRun.header"));
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
