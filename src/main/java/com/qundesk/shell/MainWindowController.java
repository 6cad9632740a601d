package com.qundesk.shell;

import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.group.OperatorService;
import com.qundesk.db.WorkspaceChanges;
import com.qundesk.campaign.ui.CampaignsController;
import com.qundesk.dashboard.ui.DashboardController;
import com.qundesk.group.ui.GroupsController;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.stage.Stage;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import com.qundesk.db.WorkspaceLocation;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The shell: navigation on the left, the current view in the middle, the workspace in the status bar. */
public final class MainWindowController {

    private final ViewContext ui;
    private final ViewLoader loader;
    private final UserPrefs prefs;
    private final WorkspaceLocation workspace;
    private final String operator;
    private final OperatorService operators;
    /** The operator as the status bar names them: their display name once read, the login until then. */
    private String operatorName;
    /** What the status bar says while another workspace opens (null: the open workspace). */
    private String openingText;
    private final AppPaths paths;
    private final WorkspaceChanges changes;
    private final Map<Section, Parent> views = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
    /** How each built view reloads itself from the workspace. */
    private final Map<Section, java.util.function.BooleanSupplier> reloaders = new EnumMap<>(Section.class);
    /** The workspace version each built view last loaded; older than now means it shows a stale workspace. */
    private final Map<Section, Long> loadedAt = new EnumMap<>(Section.class);
    /** A burst of writes (an import commits batch after batch) reloads the view on screen once, when it settles. */
    private final javafx.animation.PauseTransition settle =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(SETTLE_MILLIS));
    static final int SETTLE_MILLIS = 250;
    private final ToggleGroup navGroup = new ToggleGroup();
    private Section current = Section.GROUPS;
    private GroupsController groupsController;
    private TodayController todayController;
    private DashboardController dashboardController;

    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private Label workspaceLabel;
    @FXML private ProgressIndicator busyIndicator;

    /**
     * {@code loader} builds the views it switches between; {@code workspace}, {@code operator}, {@code paths} and
     * {@code changes} are the open workspace (a file or a team server's database), who works in it (their login;
     * {@code operators} gives their display name), the app's folders (for About) and its writes (whether a view
     * shows a stale one).
     */
    public MainWindowController(ViewContext ui, ViewLoader loader, UserPrefs prefs, WorkspaceLocation workspace,
                                String operator, OperatorService operators, AppPaths paths, WorkspaceChanges changes) {
        this.ui = ui;
        this.loader = loader;
        this.prefs = prefs;
        this.workspace = workspace;
        this.operator = operator;
        this.operators = operators;
        this.operatorName = operator;
        this.paths = paths;
        this.changes = changes;
    }

    @FXML
    private void initialize() {
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(ui.messages().get(s.titleKey()), new FontIcon(s.icon()));
            b.setId("nav-" + s.token());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> show(s));
            buttons.put(s, b);
            nav.getChildren().add(b);
        }
        opening(null);
        busyIndicator.visibleProperty().bind(ui.tasks().busyProperty());
        settle.setOnFinished(e -> {
            reloadIfStale(current);
            readOperatorName();
        });
        readOperatorName();
    }

    /**
     * Reads the operator's display name off the FX thread (set in Settings, or by them in another copy of the app) for
     * the status bar and the window's title.
     */
    private void readOperatorName() {
        ui.tasks().run(() -> operators.displayName(operator), name -> {
            operatorName = name;
            opening(openingText);
            if (workspaceLabel.getScene() != null && workspaceLabel.getScene().getWindow() instanceof Stage stage) {
                stage.setTitle(TeamLogin.title(ui.messages(), workspace, name));
            }
        });
    }

    /**
     * The workspace changed (a write was committed, here or by a dialog, an import, the reminder timer): the view
     * on screen reloads once the writes settle, every other view when it is next shown.
     */
    public void workspaceChanged() {
        settle.playFromStart();
    }

    private long version() {
        return changes.version();
    }

    private void reloadIfStale(Section section) {
        java.util.function.BooleanSupplier reload = reloaders.get(section);
        long now = version();
        if (reload != null && loadedAt.getOrDefault(section, -1L) < now && reload.getAsBoolean()) {
            loadedAt.put(section, now);
        }
    }

    private com.qundesk.imports.ui.ImportController importController;

    @FXML
    private void onAbout() {
        AboutDialog.create(ui.messages(), content.getScene().getWindow(), workspace.display(), paths).show();
    }

    /**
     * Says in the status bar that another workspace is being opened ({@code text}), or, with null, which workspace
     * is open and, in a team workspace, as which operator.
     */
    public void opening(String text) {
        openingText = text;
        workspaceLabel.setText(text != null ? text : TeamLogin.status(ui.messages(), workspace, operator, operatorName));
    }

    public Section current() {
        return current;
    }

    /** Shows {@code section}, building its view on first use. */
    public void show(Section section) {
        if (section != current && !mayLeave(section)) {
            buttons.get(current).setSelected(true);
            return;
        }
        current = section;
        buttons.get(section).setSelected(true);
        boolean built = views.containsKey(section);
        Parent view = views.computeIfAbsent(section, this::build);
        content.getChildren().setAll(view);
        if (section == Section.TODAY && todayController != null && built) {
            loadedAt.put(section, version());
            todayController.refresh(); // its states move with the clock too, not only with writes
        } else if (built) {
            reloadIfStale(section);
        }
        prefs.put(UserPrefs.LAST_VIEW, section.token());
    }

    /**
     * Leaving Groups with unsaved edits asks the form's question: save (then go on once stored), discard (go on),
     * or stay. Returns whether to go on to {@code next} now; with edits the answer goes on to it by itself.
     */
    private boolean mayLeave(Section next) {
        if (current != Section.GROUPS || groupsController == null || !groupsController.hasUnsavedEdits()) {
            return true;
        }
        groupsController.confirmLeave(() -> show(next), () -> { });
        return false;
    }

    public Optional<TodayController> today() {
        return Optional.ofNullable(todayController);
    }

    public Optional<DashboardController> dashboard() {
        return Optional.ofNullable(dashboardController);
    }

    public Optional<com.qundesk.imports.ui.ImportController> importer() {
        return Optional.ofNullable(importController);
    }

    public Optional<GroupsController> groups() {
        return Optional.ofNullable(groupsController);
    }

    /**
     * Builds a view that has not been shown yet and gives it its first CSS pass and layout off screen, so that its
     * first visit does not hold the FX thread for it: the Import view's FXML, table skins and first CSS pass took
     * 0.7–1.3 s at big scale on the first click (docs/performance.md). Does nothing for a view already built.
     */
    public void prepare(Section section) {
        if (views.containsKey(section) || content.getScene() == null) {
            return;
        }
        Parent view = views.computeIfAbsent(section, this::build);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(view);
        javafx.scene.Scene offscreen = new javafx.scene.Scene(holder, Math.max(800, content.getWidth()),
                Math.max(600, content.getHeight()));
        offscreen.getStylesheets().setAll(content.getScene().getStylesheets());
        holder.applyCss();
        holder.layout();
        holder.getChildren().clear(); // free for show(), which puts it in the window
    }

    private static java.util.function.BooleanSupplier reloading(Runnable reload) {
        return () -> {
            reload.run();
            return true;
        };
    }

    private Parent build(Section section) {
        loadedAt.put(section, version()); // a view loads the workspace as it builds
        return switch (section) {
            case GROUPS -> {
                ViewLoader.View<GroupsController> v = loader.load(GroupsController.class);
                groupsController = v.controller();
                reloaders.put(section, () -> {
                    if (v.controller().hasUnsavedEdits()) {
                        return false; // never under the operator's hands: it reloads once the edits are saved
                    }
                    v.controller().reload(null);
                    return true;
                });
                yield v.root();
            }
            case TODAY -> {
                ViewLoader.View<TodayController> v = loader.load(TodayController.class);
                todayController = v.controller();
                reloaders.put(section, reloading(v.controller()::refresh));
                yield v.root();
            }
            case CAMPAIGNS -> {
                ViewLoader.View<CampaignsController> v = loader.load(CampaignsController.class);
                reloaders.put(section, reloading(() -> v.controller().refresh(null))); // the list, the calendar
                yield v.root();
            }
            case TEMPLATES -> {
                ViewLoader.View<com.qundesk.template.ui.TemplatesController> v =
                        loader.load(com.qundesk.template.ui.TemplatesController.class);
                reloaders.put(section, reloading(() -> v.controller().refresh(null)));
                yield v.root();
            }
            case DASHBOARD -> {
                ViewLoader.View<DashboardController> v = loader.load(DashboardController.class);
                dashboardController = v.controller();
                reloaders.put(section, reloading(v.controller()::refresh));
                yield v.root();
            }
            case SETTINGS -> loader.load(SettingsController.class).root();
            case IMPORT -> {
                ViewLoader.View<com.qundesk.imports.ui.ImportController> v =
                        loader.load(com.qundesk.imports.ui.ImportController.class);
                importController = v.controller();
                reloaders.put(section, reloading(v.controller()::refresh));
                yield v.root();
            }
        };
    }
}
