package com.qundesk.shell;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.backup.ui.DamagedWorkspaceDialog;
import com.qundesk.backup.ui.BackupTimer;
import com.qundesk.db.Database;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.settings.ServerPasswords;
import com.qundesk.settings.ui.ConnectDialog;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.AfterFirstFrames;
import com.qundesk.ui.ErrorReporter;
import com.qundesk.ui.Formats;
import com.qundesk.ui.Navigator;
import com.qundesk.ui.Theme;
import com.qundesk.ui.UiTasks;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The main window: opens a workspace in the background, then builds the views for it (their controllers come from
 * the composition it is given). Switching workspace or language rebuilds the views in place, without a restart.
 * Window geometry and the last view are kept.
 */
public final class MainWindow implements Navigator {

    private static final double DEFAULT_WIDTH = 1480;
    private static final double DEFAULT_HEIGHT = 920;

    private final Stage stage;
    private final AppPaths paths;
    private final UserPrefs prefs;
    private final Theme theme;
    private final Executor executor;
    private final Clock clock;
    private final ViewComposition composition;
    private final TrayIconSupport tray = new TrayIconSupport();
    private final ServerPasswords passwords;
    private AppContext context;
    private NotificationCenter notifications;
    private Section startSection;
    private ViewContext view;
    private MainWindowController controller;
    private BackupTimer backupTimer;

    public MainWindow(Stage stage, AppPaths paths, UserPrefs prefs, Theme theme, Executor executor, Clock clock,
                      ViewComposition composition) {
        this(stage, paths, prefs, theme, executor, clock, composition, ServerPasswords.system());
    }

    /** {@code passwords}: where team workspaces' passwords are found and typed ones kept. */
    public MainWindow(Stage stage, AppPaths paths, UserPrefs prefs, Theme theme, Executor executor, Clock clock,
                      ViewComposition composition, ServerPasswords passwords) {
        this.passwords = passwords;
        this.stage = stage;
        this.paths = paths;
        this.prefs = prefs;
        this.theme = theme;
        this.executor = executor;
        this.clock = clock;
        this.composition = composition;
    }

    /**
     * Shows the window at once and opens {@code workspace} (creating a demo one if asked) off the FX thread. When it
     * cannot be opened the window stays on the workspace it had; a team server that wants a password none of psql's
     * sources has gets it asked once, in the connect dialog.
     */
    @Override
    public void openWorkspace(WorkspaceLocation workspace, boolean demo) {
        openWorkspace(workspace, demo, false);
    }

    private void openWorkspace(WorkspaceLocation workspace, boolean demo, boolean askedPassword) {
        Messages m = new Messages(AppContext.localeFrom(prefs));
        ensureShown(m);
        ErrorReporter errors = new ErrorReporter(m, () -> stage, paths.logDir());
        UiTasks tasks = new UiTasks(executor, errors);
        // the same file again (after a restore): this window must let go of it before it can open it again
        AppContext reopening = context != null && workspace instanceof WorkspaceLocation.LocalFile f
                && context.location() instanceof WorkspaceLocation.LocalFile open && sameFile(open.file(), f.file())
                ? context : null;
        if (reopening != null) {
            stopTimers();
        }
        if (controller == null || reopening != null) {
            // still, not a spinner: under software rendering (no GPU: a VM, a remote desktop) an indeterminate
            // spinner redraws at every pulse and took ~1 s of CPU from opening the workspace at start (issue 17)
            org.kordamp.ikonli.javafx.FontIcon icon = new org.kordamp.ikonli.javafx.FontIcon("mdi2t-timer-sand");
            icon.getStyleClass().add("empty-icon");
            Label label = new Label(m.get("workspace.opening", workspace.display()));
            VBox box = new VBox(16, icon, label);
            box.getStyleClass().add("loading-pane");
            stage.getScene().setRoot(box);
        } else {
            controller.opening(m.get("workspace.opening", workspace.display()));
        }
        tasks.run(() -> {
                    if (reopening != null) {
                        reopening.close();
                    }
                    AppContext ctx = switch (workspace) {
                        case WorkspaceLocation.LocalFile f -> demo
                                ? AppContext.createDemo(paths, prefs, f.file(), clock)
                                : AppContext.open(paths, prefs, f.file(), clock);
                        case WorkspaceLocation.Server s -> AppContext.wire(paths, prefs, clock,
                                Database.open(s.address(), passwords.find(s.address())));
                    };
                    TodayStart today = TodayStart.read(ctx, clock.instant());
                    return new Opened(ctx, today, TeamLogin.shouldAskName(prefs, ctx));
                },
                this::install,
                error -> {
                    if (controller != null && context != null && context != reopening) {
                        controller.opening(null);
                    }
                    if (workspace instanceof WorkspaceLocation.Server s) {
                        if (TeamLogin.needsPassword(error)) {
                            passwords.refused(s.address()); // typed or remembered, the server refused it
                        } else {
                            passwords.forget(s.address()); // typed this session, and the workspace did not open
                        }
                        if (!askedPassword && TeamLogin.needsPassword(error)
                                && passwords.find(s.address()).isEmpty()) {
                            new ConnectDialog(m, tasks, passwords).show(stage, Optional.of(s.address()),
                                            m.get("connect.passwordNeeded", s.display()))
                                    .ifPresent(a -> openWorkspace(new WorkspaceLocation.Server(a), false, true));
                            return;
                        }
                        errors.report(error);
                    } else if (!(workspace instanceof WorkspaceLocation.LocalFile f)
                            || !DamagedWorkspaceDialog.offer(error, f.file(), paths, m, AppContext.zoneFrom(prefs),
                            clock, stage, tasks, restored -> openWorkspace(restored, false))) {
                        errors.report(error);
                    }
                    if (context == null || context == reopening) {
                        context = null;
                        showSettingsOnly();
                    }
                });
    }

    /** Settings › Workspace › "Connect to a team server": the connect dialog, then the workspace it names. */
    @Override
    public void connectToTeamServer() {
        Messages m = new Messages(AppContext.localeFrom(prefs));
        UiTasks tasks = new UiTasks(executor, new ErrorReporter(m, () -> stage, paths.logDir()));
        Optional<ServerAddress> current = context != null && context.location() instanceof WorkspaceLocation.Server s
                ? Optional.of(s.address()) : Optional.empty();
        new ConnectDialog(m, tasks, passwords).show(stage, current, null)
                .ifPresent(a -> openWorkspace(new WorkspaceLocation.Server(a), false));
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    public void open(Path workspace, boolean demo) {
        openWorkspace(workspace, demo);
    }

    private record Opened(AppContext context, TodayStart today, boolean askName) {
    }

    private void install(Opened opened) {
        AppContext previous = this.context;
        this.context = opened.context();
        if (previous != null && previous != context) {
            // release the workspace switched away from once its running work is done (never on the FX thread)
            executor.execute(previous::close);
        }
        prefs.put(UserPrefs.LAST_WORKSPACE, TeamLogin.remembered(context.location()));
        startSection = opened.today().needsAttention() ? Section.TODAY : null;
        openedToday = opened.today().complete() ? opened.today() : null; // Today shows it, not reading it again
        reloadUi();
        openedToday = null; // only a Today built now shows it: one opened later reads what is due then
        if (opened.askName()) {
            TeamLogin.askName(view, stage, prefs, context);
        }
        if (backupTimer != null) {
            backupTimer.stop();
        }
        backupTimer = null;
        if (context.database().isLocal()) { // a team workspace's backups are the server's (docs/team.md)
            backupTimer = new BackupTimer(view, context.backups(), context.paths().logDir());
            AfterFirstFrames.run(backupTimer::start); // once Today is drawn (a timer stopped meanwhile stays so)
        }
    }

    private void stopTimers() {
        unfollow.run();
        if (backupTimer != null) {
            backupTimer.stop();
        }
        if (prepareTimer != null) {
            prepareTimer.stop();
        }
        if (notifications != null) {
            notifications.stop();
        }
        if (controller != null) {
            controller.today().ifPresent(TodayController::stop);
        }
    }

    /** Without any workspace (the last one refused to open): back to the default file, or to a team server. */
    private void showSettingsOnly() {
        Path fallback = paths.defaultWorkspace();
        stage.getScene().setRoot(NoWorkspacePane.create(new Messages(AppContext.localeFrom(prefs)), fallback,
                () -> openWorkspace(fallback, false), this::connectToTeamServer));
    }

    private List<Path> importOnOpen = List.of();

    /** Files or folders to queue in the Import view once the workspace is open ({@code --import} on the command line). */
    public void importOnOpen(List<Path> files) {
        importOnOpen = List.copyOf(files);
    }

    @Override
    public void reloadUi() {
        if (context == null) {
            return;
        }
        // Something due or overdue opens on Today; otherwise the view the operator left last time.
        Section current = startSection != null ? startSection : controller != null ? controller.current()
                : Section.fromToken(prefs.get(UserPrefs.LAST_VIEW, Section.TODAY.token()), Section.TODAY);
        startSection = null;
        if (notifications != null) {
            notifications.stop();
        }
        if (controller != null) {
            controller.today().ifPresent(TodayController::stop);
        }
        Messages m = context.messages();
        // JavaFX's own texts (date picker months and weekdays, context menus of text fields) follow the default
        // locale when a control is made: the UI language decides, not the OS
        Locale.setDefault(m.locale());
        ErrorReporter errors = new ErrorReporter(m, () -> stage, paths.logDir());
        view = new ViewContext(m, new Formats(context.zone(), m.locale()), context.clock(),
                new UiTasks(executor, errors), theme, this);
        ViewLoader loader = new ViewLoader(m, composition.controllers(context, view, this::takeOpenedToday));
        ViewLoader.View<MainWindowController> shell = loader.load(MainWindowController.class);
        controller = shell.controller();
        stage.getScene().setRoot(shell.root());
        stage.setTitle(TeamLogin.title(m, context));
        controller.show(importOnOpen.isEmpty() ? current : Section.IMPORT);
        if (!importOnOpen.isEmpty()) {
            List<Path> files = importOnOpen;
            importOnOpen = List.of();
            controller.importer().ifPresent(c -> c.add(files));
        }
        followChanges(controller);
        notifications = new NotificationCenter(view, context.scheduler(), context.plans(), () -> stage, tray,
                () -> show(Section.TODAY), notices -> controller.today().ifPresent(TodayController::refresh));
        if (!context.readOnly()) { // a viewer's copy claims nothing: reminders fire in the operators' copies
            AfterFirstFrames.run(notifications::start); // once the start view is drawn, not beside its first drawing
        }
        prepareWhenIdle(controller);
    }

    /** Stops telling the previous views about the workspace's changes. */
    private Runnable unfollow = () -> { };

    /**
     * The one way views stay current: every committed write to the workspace tells this window's views (at most
     * one hand-over to the FX thread at a time, however many batches an import commits).
     */
    private void followChanges(MainWindowController forController) {
        unfollow.run();
        java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
        unfollow = context.changes().listen(version -> {
            if (queued.compareAndSet(false, true)) {
                javafx.application.Platform.runLater(() -> {
                    queued.set(false);
                    forController.workspaceChanged();
                });
            }
        });
    }

    private javafx.animation.PauseTransition prepareTimer;
    /** What Today shows, read while the workspace opened, for the first Today view of the window; then null. */
    private TodayStart openedToday;

    /** Seconds after the window's views are installed before the Import view is prepared off screen. */
    static final double PREPARE_AFTER_SECONDS = 3;

    /**
     * Once the start view has been up for a few seconds and no background work is running, builds the Import view
     * off screen ({@link MainWindowController#prepare}), so the first click on Import opens it at once instead of
     * holding the window for a second.
     */
    private void prepareWhenIdle(MainWindowController forController) {
        if (prepareTimer != null) {
            prepareTimer.stop();
        }
        if (!Boolean.parseBoolean(System.getProperty("qundesk.prepareViews", "true"))) {
            return; // -Dqundesk.prepareViews=false: build every view on its first visit (to compare, or to debug)
        }
        javafx.animation.PauseTransition wait =
                new javafx.animation.PauseTransition(javafx.util.Duration.seconds(PREPARE_AFTER_SECONDS));
        prepareTimer = wait;
        wait.setOnFinished(e -> {
            if (controller != forController || !stage.isShowing()) {
                return; // the window was rebuilt (language, workspace) or closed in the meantime
            }
            if (view.tasks().busyProperty().get()) {
                wait.playFromStart();
                return;
            }
            controller.prepare(Section.IMPORT);
        });
        wait.play();
    }

    /** Shows one section of the window (a notification's click, tests). */
    public void show(Section section) {
        if (controller != null) {
            controller.show(section);
        }
    }

    @Override
    public void showGroup(long groupId) {
        if (controller != null) {
            controller.show(Section.GROUPS);
            controller.groups().ifPresent(g -> g.select(groupId));
        }
    }

    /** Reloads Today now (tests; the views otherwise follow the workspace's changes by themselves). */
    public void refreshToday() {
        if (controller != null) {
            controller.today().ifPresent(TodayController::refresh);
        }
    }

    /** What Today shows, read while the workspace opened, once: the first Today view shows it instead of reading. */
    private TodayStart takeOpenedToday() {
        TodayStart first = openedToday;
        openedToday = null;
        return first;
    }

    private void ensureShown(Messages m) {
        if (stage.getScene() != null) {
            if (!stage.isShowing()) {
                stage.show();
            }
            return;
        }
        // never larger than the screen (small laptops, and the 1280x800 headless screen of the UI tests)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(new VBox(), Math.min(DEFAULT_WIDTH, screen.getWidth()),
                Math.min(DEFAULT_HEIGHT, screen.getHeight() - 40));
        scene.getStylesheets().add(MainWindow.class.getResource("/com/qundesk/ui/qundesk.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(m.get("app.title"));
        try (InputStream icon = MainWindow.class.getResourceAsStream("/com/qundesk/ui/icon-256.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (java.io.IOException ignored) {
            // the window works without an icon
        }
        restoreGeometry();
        stage.setOnCloseRequest(e -> saveState());
        stage.show();
        if (!Boolean.getBoolean("qundesk.noTray")) {
            tray.install(stage, m.get("app.title"), m.get("tray.open"), m.get("tray.quit"));
        }
    }

    private void restoreGeometry() {
        String[] parts = prefs.get(UserPrefs.WINDOW, "").split(",");
        if (parts.length == 5) {
            try {
                double x = Double.parseDouble(parts[0]);
                double y = Double.parseDouble(parts[1]);
                double w = Double.parseDouble(parts[2]);
                double h = Double.parseDouble(parts[3]);
                boolean onScreen = !Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty();
                if (onScreen && w > 200 && h > 200) {
                    stage.setX(x);
                    stage.setY(y);
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
                stage.setMaximized(Boolean.parseBoolean(parts[4]));
            } catch (NumberFormatException ignored) {
                // keep the defaults
            }
        }
    }

    /** Stops the timers (reminder polling, countdowns, automatic backups) before the window goes away. */
    public void dispose() {
        stopTimers();
        tray.remove();
    }

    /** Remembers where the window was and which view was open. */
    public void saveState() {
        if (stage.getScene() == null) {
            return;
        }
        prefs.put(UserPrefs.WINDOW, String.join(",", Double.toString(stage.getX()), Double.toString(stage.getY()),
                Double.toString(stage.getWidth()), Double.toString(stage.getHeight()),
                Boolean.toString(stage.isMaximized())));
        if (controller != null) {
            prefs.put(UserPrefs.LAST_VIEW, controller.current().token());
        }
    }

    /** The open workspace (null until one opened). */
    public AppContext context() {
        return context;
    }

    /** What the window's current views share (null until a workspace opened). */
    public ViewContext view() {
        return view;
    }

    public MainWindowController controller() {
        return controller;
    }
}
