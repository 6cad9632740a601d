package com.qundesk.app;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.core.AppPaths;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.i18n.Messages;
import com.qundesk.shell.MainWindow;
import com.qundesk.ui.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
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
        WorkspaceLocation workspace = location(arg, prefs, paths);
        Clock clock = Clock.systemUTC();
        boolean offerDemo = arg == null && workspace instanceof WorkspaceLocation.LocalFile f
                && !AppContext.workspaceExists(f.file());
        boolean demo = offerDemo && FirstRunDialog.askForDemo(prefs);
        window = new MainWindow(stage, paths, prefs, theme, executor, clock, ViewFactory::new);
        window.importOnOpen(Launcher.importArgs(getParameters().getRaw()).stream().map(Path::of).toList());
        window.openWorkspace(workspace, demo);
        StartupProbe.attachIfRequested(stage, window); // off unless -Dqundesk.probe.firstFrame (the bench, AOT training), see docs/performance.md
    }

    /**
     * The workspace to open: {@code --workspace} (a file or a {@code postgresql://} address), else the last one, else
     * the default file. A last workspace that no longer reads as an address falls back to the default file.
     */
    static WorkspaceLocation location(String arg, UserPrefs prefs, AppPaths paths) {
        if (arg != null) {
            return WorkspaceLocation.of(arg);
        }
        try {
            return prefs.get(UserPrefs.LAST_WORKSPACE).map(WorkspaceLocation::of)
                    .orElse(WorkspaceLocation.of(paths.defaultWorkspace()));
        } catch (WorkspaceException e) {
            log.warn("The last workspace is not an address QunDesk reads; opening the default one", e);
            return WorkspaceLocation.of(paths.defaultWorkspace());
        }
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
