package com.qundesk.shell;

import com.qundesk.app.UserPrefs;
import com.qundesk.campaign.ui.CampaignsController;
import com.qundesk.dashboard.ui.DashboardController;
import com.qundesk.group.ui.GroupsController;
import com.qundesk.ui.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The shell: navigation on the left, the current view in the middle, the workspace in the status bar. */
public final class MainWindowController {

    private final UiContext ui;
    private final ViewLoader loader;
    private final UserPrefs prefs;
    private final Map<Section, Parent> views = new EnumMap<>(Section.class);
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);
    private final ToggleGroup navGroup = new ToggleGroup();
    private Section current = Section.GROUPS;
    private GroupsController groupsController;
    private TodayController todayController;
    private DashboardController dashboardController;

    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private Label workspaceLabel;
    @FXML private ProgressIndicator busyIndicator;

    public MainWindowController(UiContext ui, ViewLoader loader, UserPrefs prefs) {
        this.ui = ui;
        this.loader = loader;
        this.prefs = prefs;
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
        workspaceLabel.setText(ui.messages().get("status.workspace", ui.app().workspace().toAbsolutePath()));
        busyIndicator.visibleProperty().bind(ui.tasks().busyProperty());
    }

    private com.qundesk.imports.ui.ImportController importController;

    @FXML
    private void onAbout() {
        AboutDialog.create(ui, content.getScene().getWindow()).show();
    }

    public Section current() {
        return current;
    }

    /** Shows {@code section}, building its view on first use. */
    public void show(Section section) {
        current = section;
        buttons.get(section).setSelected(true);
        Parent view = views.computeIfAbsent(section, this::build);
        content.getChildren().setAll(view);
        if (section == Section.TODAY && todayController != null && view.getScene() != null) {
            todayController.refresh();
        }
        prefs.put(UserPrefs.LAST_VIEW, section.token());
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

    private Parent build(Section section) {
        return switch (section) {
            case GROUPS -> {
                ViewLoader.View<GroupsController> v = loader.load(GroupsController.class);
                groupsController = v.controller();
                yield v.root();
            }
            case TODAY -> {
                ViewLoader.View<TodayController> v = loader.load(TodayController.class);
                todayController = v.controller();
                yield v.root();
            }
            case CAMPAIGNS -> loader.load(CampaignsController.class).root();
            case TEMPLATES -> loader.load(com.qundesk.template.ui.TemplatesController.class).root();
            case DASHBOARD -> {
                ViewLoader.View<DashboardController> v = loader.load(DashboardController.class);
                dashboardController = v.controller();
                yield v.root();
            }
            case SETTINGS -> loader.load(SettingsController.class).root();
            case IMPORT -> {
                ViewLoader.View<com.qundesk.imports.ui.ImportController> v =
                        loader.load(com.qundesk.imports.ui.ImportController.class);
                // imported stats change the dashboard's numbers
                v.controller().setOnImported(() -> dashboard().ifPresent(DashboardController::refresh));
                importController = v.controller();
                yield v.root();
            }
        };
    }
}
