package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.core.UserPrefs;
import com.qundesk.campaign.Campaign;
import com.qundesk.group.Group;
import com.qundesk.template.Template;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.OpenDialogs;
import com.qundesk.group.Purpose;
import javafx.scene.control.ComboBox;
import com.qundesk.imports.chat.RealExports;
import com.qundesk.imports.ui.ImportController;
import com.qundesk.imports.ui.PendingFile;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.ui.TimelineCanvas;
import com.qundesk.flash.ui.TimelineModel;
import com.qundesk.group.ui.RegistryImportDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.testsupport.TextAudit;
import com.qundesk.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every view, every tab of it and the dialogs its buttons open, on the demo workspace, in both languages at a
 * laptop's and a monitor's window size: no text is cut off and none is in the other language ({@link TextAudit}).
 */
@ExtendWith(ApplicationExtension.class)
class EveryViewFinishedUiTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private Stage stage;
    private MainWindow window;
    @org.junit.jupiter.api.io.TempDir
    static Path temp;

    private Path dir;
    /** The window sets the JVM's default locale to its UI language; the tests after this one get theirs back. */
    private final Locale defaultLocale = Locale.getDefault();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            FxWindows.close(window, executor);
        }
        Locale.setDefault(defaultLocale);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a file still held by the closing window: the temp folder is cleaned up by the OS then
        }
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"zh, 1280, 720", "zh, 1600, 1000", "en, 1280, 720", "en, 1600, 1000"})
    void nothingIsCutOffAndNothingIsInTheOtherLanguage(String language, int width, int height, FxRobot robot)
            throws Exception {
        dir = Files.createDirectories(temp.resolve("qundesk-finished-ui-" + System.nanoTime()));
        TestWorkspace w = TestWorkspace.demo(dir);
        w.prefs.put(UserPrefs.LANGUAGE, language);
        List<String> data = data(w);
        // a chat export to import, so that the import history has a run to undo
        Path export = RealExports.Exporter.values()[0].write(dir.resolve("export"));
        data.add(export.getFileName().toString());
        data.add(RealExports.NAME);
        data.add(MERGE_OPERATOR);
        data.add(w.ctx.operator()); // the login Settings shows beside "Your name"
        data.addAll(w.ctx.operators().displayNames().values());
        w.close();
        robot.interact(() -> {
            // JavaFX 26's headless screen is 1000x1000 pixels and fails to paint the rows of a bigger window;
            // layout and text measurement, which this test reads, are done before painting and are unaffected
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((t, e) -> {
                if (!paintingOffTheHeadlessScreen(e)) {
                    previous.uncaughtException(t, e);
                }
            });
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(0); // the headless screen paints from its top-left corner: no part of the window left of it
            stage.setY(0);
        });
        Theme theme = new Theme();
        robot.interact(() -> {
            theme.apply(Theme.Mode.LIGHT);
            com.qundesk.testsupport.FxWindows.fresh(stage);
        });
        window = new MainWindow(stage, w.paths, w.prefs, theme, executor, w.clock, ViewFactory::new);
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> window.controller() != null);
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(0); // the headless screen paints from its top-left corner: no part of the window left of it
            stage.setY(0);
        });
        assertThat(stage.getScene().getWidth()).as("window width").isEqualTo(width, within(20.0));

        TextAudit audit = new TextAudit("zh".equals(language), data);
        for (Section s : Section.values()) {
            robot.interact(() -> window.show(s));
            settle();
            audit.audit(s.token(), stage.getScene().getRoot());
            for (TabPane tabs : tabPanes(stage.getScene().getRoot())) {
                for (Tab tab : List.copyOf(tabs.getTabs())) {
                    robot.interact(() -> tabs.getSelectionModel().select(tab));
                    settle();
                    audit.audit(s.token() + " › " + tab.getText(), stage.getScene().getRoot());
                }
            }
        }
        // every dialog, opened as a person would, view by view (a group selected first where a dialog needs one)
        dialog(robot, audit, Section.CAMPAIGNS, "#newCampaignButton", "new campaign");
        dialog(robot, audit, Section.CAMPAIGNS, "#wizardButton", "new flash groups");
        reschedule(robot, audit);
        dialog(robot, audit, Section.TEMPLATES, "#newButton", "new template");
        robot.interact(() -> window.show(Section.GROUPS));
        settle();
        TableView<?> groups = robot.lookup("#table").queryAs(TableView.class);
        robot.interact(() -> groups.getSelectionModel().select(0));
        dialog(robot, audit, Section.GROUPS, "#splitButton", "split");
        dialog(robot, audit, Section.GROUPS, "#dissolveButton", "dissolve");
        registryImport(robot, audit);
        dialog(robot, audit, Section.TODAY, "#aboutLink", "about");
        todayDialogs(robot, audit);
        planItem(robot, audit);
        planTemplates(robot, audit);
        dialog(robot, audit, Section.IMPORT, "#adKeywordsButton", "ad keywords");
        importUndo(robot, audit, export);
        dialog(robot, audit, Section.SETTINGS, "#connectServerButton", "connect to a team server");
        backupRestore(robot, audit);
        mergeDialog(robot, audit);
        assertThat(audit.findings()).as("%s at %dx%d", language, width, height).isEmpty();
    }

    private static boolean paintingOffTheHeadlessScreen(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            for (StackTraceElement f : c.getStackTrace()) {
                if (f.getClassName().equals("com.sun.glass.ui.headless.HeadlessWindow") && f.getMethodName().equals("blit")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Opens a dialog with the button {@code button} of {@code section}, audits it and closes it again. */
    private void dialog(FxRobot robot, TextAudit audit, Section section, String button, String name) throws Exception {
        robot.interact(() -> window.show(section));
        settle();
        ButtonBase b = shown(robot, n -> button.equals("#" + n.getId()));
        audited(audit, section.token() + " › " + name + " dialog", OpenDialogs.open(b::fire), true);
    }

    /** Today's checklist of a flash group and the extend and convert dialogs it leads to; delivered, skipped. */
    private void todayDialogs(FxRobot robot, TextAudit audit) throws Exception {
        robot.interact(() -> window.show(Section.TODAY));
        settle();
        ButtonBase checklist = shown(robot, n -> n.getId() != null && n.getId().startsWith("checklist-"));
        String where = Section.TODAY.token() + " › checklist";
        for (int other = 0; other < 2; other++) {
            DialogPane pane = audited(audit, where + " dialog", OpenDialogs.open(checklist::fire), false);
            ButtonType next = OpenDialogs.type(pane, ButtonBar.ButtonData.OTHER, other);
            DialogPane second = audited(audit, where + " › " + next.getText(), OpenDialogs.pressAndOpen(pane, next),
                    other == 1);
            if (other == 0) { // extend to a time that is none: the error dialog (ui/ErrorReporter) says so
                TextField time = (TextField) second.lookup("#extendTime");
                TextField reason = (TextField) second.lookup("#extendReason");
                robot.interact(() -> {
                    time.setText("25:99");
                    reason.setText("1"); // OK waits for a reason
                });
                ButtonType ok = OpenDialogs.type(second, ButtonBar.ButtonData.OK_DONE, 0);
                audited(audit, where + " › " + next.getText() + " › error dialog",
                        OpenDialogs.pressAndOpen(second, ok), true);
            }
        }
        // dissolving with checklist items left open asks first (answered Cancel: nothing is dissolved)
        DialogPane pane = OpenDialogs.open(checklist::fire);
        assertThat(pane.lookupAll(".check-box")).as("checklist items left open")
                .anyMatch(c -> !((CheckBox) c).isSelected());
        audited(audit, where + " › items left open dialog",
                OpenDialogs.pressAndOpen(pane, OpenDialogs.type(pane, ButtonBar.ButtonData.OK_DONE, 0)), true);
        for (String kind : List.of("done", "skip")) {
            ButtonBase b = shown(robot, n -> n.getId() != null && n.getId().startsWith("delivery-" + kind + "-"));
            audited(audit, Section.TODAY.token() + " › delivery " + kind + " dialog", OpenDialogs.open(b::fire), true);
        }
    }

    /** The Calendar (Campaigns view): a double click on a flash group not yet due asks for its new time. */
    private void reschedule(FxRobot robot, TextAudit audit) throws Exception {
        robot.interact(() -> window.show(Section.CAMPAIGNS));
        settle();
        TimelineCanvas timeline = shown(robot, n -> n instanceof TimelineCanvas);
        settle();
        List<TimelineModel.Row> rows = timeline.rows();
        int row = 0;
        while (rows.get(row).kind() != TimelineModel.Kind.FLASH || rows.get(row).state() == FlashState.DUE
                || rows.get(row).state().isFinal()) {
            row++;
        }
        Node canvas = timeline.getChildrenUnmodifiable().getFirst();
        double y = 30 + 26 * row + 13; // TimelineCanvas's header and row heights
        assertThat(y).as("the row of a flash group not yet due shows").isLessThan(timeline.getHeight());
        // a mouse event's x and y are the scene's: the event is moved into the canvas's coordinates on its way
        javafx.geometry.Point2D at = canvas.localToScene(400, y);
        MouseEvent twice = new MouseEvent(MouseEvent.MOUSE_CLICKED, at.getX(), at.getY(), at.getX(), at.getY(),
                MouseButton.PRIMARY, 2,
                false, false, false, false, false, false, false, false, false, true, null);
        audited(audit, Section.CAMPAIGNS.token() + " › calendar › reschedule dialog",
                OpenDialogs.open(() -> canvas.fireEvent(twice)), true);
    }

    /** A plan item added from the dashboard's group detail. */
    private void planItem(FxRobot robot, TextAudit audit) throws Exception {
        robot.interact(() -> window.show(Section.DASHBOARD));
        settle();
        ButtonBase add = shown(robot, n -> "addButton".equals(n.getId()) && n.getParent() != null
                && n.getParent().getParent() != null && n.getParent().getParent().getStyleClass().contains("group-plan"));
        settle();
        audited(audit, Section.DASHBOARD.token() + " › group › new plan item dialog", OpenDialogs.open(add::fire),
                true);
    }

    /** The plan templates from the dashboard's group detail (the demo's template shown), and a new template's form. */
    private void planTemplates(FxRobot robot, TextAudit audit) throws Exception {
        ButtonBase templates = shown(robot, n -> "templatesButton".equals(n.getId()));
        settle();
        DialogPane list = audited(audit, Section.DASHBOARD.token() + " › group › plan templates dialog",
                OpenDialogs.open(templates::fire), false);
        assertThat(((javafx.scene.control.ListView<?>) list.lookup("#templateList")).getItems())
                .as("the demo's template").isNotEmpty();
        audited(audit, Section.DASHBOARD.token() + " › group › plan templates › new template dialog",
                OpenDialogs.open(() -> ((ButtonBase) list.lookup("#newTemplateButton")).fire()), true);
        OpenDialogs.cancel(list);
    }

    /** Groups › Import…: the preview of a small registry sheet (the file chooser before it is the OS's), the report. */
    private void registryImport(FxRobot robot, TextAudit audit) throws Exception {
        Path sheet = Files.writeString(dir.resolve("registry.csv"), String.join(",", REGISTRY_HEADER) + "\n"
                + String.join(",", REGISTRY_ROW) + "\n");
        RegistryImportDialog registry = new RegistryImportDialog(window.view(), window.context().registryImporter(),
                window.context().registryExporter());
        DialogPane pane = audited(audit, Section.GROUPS.token() + " › registry import dialog",
                OpenDialogs.open(() -> registry.importFile(stage, sheet, () -> { })), false);
        // imported with a default purpose: the report of what was stored
        @SuppressWarnings("unchecked")
        ComboBox<Purpose> purpose = (ComboBox<Purpose>) pane.lookup("#registryDefaultPurpose");
        robot.interact(() -> purpose.setValue(Purpose.SERVICE));
        ButtonType ok = OpenDialogs.type(pane, ButtonBar.ButtonData.OK_DONE, 0);
        audited(audit, Section.GROUPS.token() + " › registry import report dialog",
                OpenDialogs.pressAndOpen(pane, ok), true);
    }

    /** Import › History › Undo after importing {@code export}: the confirmation. */
    private void importUndo(FxRobot robot, TextAudit audit, Path export) throws Exception {
        robot.interact(() -> window.show(Section.IMPORT));
        settle();
        ImportController importer = window.controller().importer().orElseThrow();
        TableView<PendingFile> files = shown(robot, n -> "fileTable".equals(n.getId()));
        robot.interact(() -> importer.add(List.of(export)));
        waitFor(() -> !files.getItems().isEmpty()
                && files.getItems().stream().noneMatch(f -> f.state() == PendingFile.State.READING));
        CheckBox create = shown(robot, n -> "createGroupsBox".equals(n.getId()));
        robot.interact(() -> create.setSelected(true));
        ButtonBase start = shown(robot, n -> "startButton".equals(n.getId()));
        robot.interact(start::fire);
        waitFor(() -> files.getItems().stream().allMatch(f -> f.state() == PendingFile.State.DONE));
        TableView<?> history = shown(robot, n -> "historyTable".equals(n.getId()));
        waitFor(() -> !history.getItems().isEmpty());
        robot.interact(() -> history.getSelectionModel().select(0));
        ButtonBase undo = shown(robot, n -> "undoButton".equals(n.getId()));
        audited(audit, Section.IMPORT.token() + " › history › undo dialog", OpenDialogs.open(undo::fire), true);
    }

    /** Settings › Backups: a backup taken now, then Restore asks first. */
    private void backupRestore(FxRobot robot, TextAudit audit) throws Exception {
        robot.interact(() -> window.show(Section.SETTINGS));
        settle();
        ButtonBase now = shown(robot, n -> "backupNowButton".equals(n.getId()));
        robot.interact(now::fire);
        settle();
        TableView<?> backups = shown(robot, n -> "backupTable".equals(n.getId()));
        waitFor(() -> !backups.getItems().isEmpty());
        robot.interact(() -> backups.getSelectionModel().select(0));
        ButtonBase restore = shown(robot, n -> "restoreButton".equals(n.getId()));
        audited(audit, Section.SETTINGS.token() + " › restore backup dialog", OpenDialogs.open(restore::fire), true);
    }

    /** The display name of the operator who saves a group behind the form's back in {@link #mergeDialog}. */
    private static final String MERGE_OPERATOR = "小王";

    /**
     * Groups › a group saved by another operator while the form has it open, then Save: the merge dialog (cancelled,
     * the form's edits reverted so that nothing asks about them).
     */
    private void mergeDialog(FxRobot robot, TextAudit audit) throws Exception {
        robot.interact(() -> window.show(Section.GROUPS));
        settle();
        TableView<?> groups = robot.lookup("#table").queryAs(TableView.class);
        robot.interact(() -> groups.getSelectionModel().select(0));
        settle();
        var ctx = window.context();
        TextField members = shown(robot, n -> "memberCountField".equals(n.getId()));
        waitFor(() -> !members.getText().isEmpty());
        TextField name = shown(robot, n -> "nameField".equals(n.getId()));
        Group shownGroup = ctx.groups().list().stream().filter(g -> g.name().equals(name.getText())).findFirst()
                .orElseThrow();
        ctx.operators().setDisplayName("xiaowang", MERGE_OPERATOR);
        ctx.actAs("xiaowang");
        ctx.groups().update(shownGroup.toBuilder().memberCount(shownGroup.memberCount() + 1).build());
        ctx.actAs(null);
        robot.interact(() -> members.setText(Integer.toString(shownGroup.memberCount() + 2)));
        ButtonBase save = shown(robot, n -> "saveButton".equals(n.getId()));
        audited(audit, Section.GROUPS.token() + " › merge dialog", OpenDialogs.open(save::fire), true);
        ButtonBase revert = shown(robot, n -> "revertButton".equals(n.getId()));
        robot.interact(revert::fire);
        settle();
    }

    /** Audits the dialog {@code pane} once its background work is done, then cancels it if {@code close}. */
    private DialogPane audited(TextAudit audit, String where, DialogPane pane, boolean close) throws Exception {
        settle();
        WaitForAsyncUtils.asyncFx(pane::layout).get();
        audit.audit(where, pane);
        if (close) {
            OpenDialogs.cancel(pane);
        }
        return pane;
    }

    /**
     * The node of the main window matching {@code which}, brought into view: the tabs it lies in are selected
     * (the view's background work done).
     */
    @SuppressWarnings("unchecked")
    private <T extends Node> T shown(FxRobot robot, java.util.function.Predicate<Node> which) throws Exception {
        Node node = robot.lookup(n -> n.getScene() == stage.getScene() && which.test(n)).query();
        assertThat(node).as("a node of the window").isNotNull();
        List<Node> path = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            path.add(n);
            if (n instanceof TabPane tabs) {
                for (Tab tab : tabs.getTabs()) {
                    if (path.contains(tab.getContent())) {
                        robot.interact(() -> tabs.getSelectionModel().select(tab));
                    }
                }
            }
        }
        settle();
        return (T) node;
    }

    /** Waits until the background work the view started is done and its results are laid out. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> !window.view().tasks().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().layout()).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<TabPane> tabPanes(Parent root) {
        List<TabPane> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<TabPane> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof TabPane t) {
            out.add(t);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static final List<String> REGISTRY_HEADER = List.of("群名称", "群人数", "建群时间");
    private static final List<String> REGISTRY_ROW = List.of("老客户一群", "420", "2024-05-20");

    /** Texts from the workspace itself, which may be in either language. */
    private static List<String> data(TestWorkspace w) {
        List<String> data = new ArrayList<>();
        for (Group g : w.ctx.groups().list()) {
            data.add(g.name());
            data.add(g.owner());
            data.add(g.notes());
            data.add(g.dissolutionReason());
            data.addAll(g.tags());
            data.addAll(g.admins());
        }
        for (Campaign c : w.ctx.campaigns().list()) {
            data.add(c.name());
            data.add(c.owner());
        }
        w.ctx.flash().list().forEach(f -> data.add(f.lifecycle().endReason()));
        for (Template t : w.ctx.templates().list()) {
            data.add(t.name());
        }
        // the value plan's items and their texts are written in the language of whoever made them (the demo here)
        w.ctx.plans().list(null).forEach(i -> {
            data.add(i.title());
            data.add(i.body());
        });
        w.ctx.planTemplates().list().forEach(t -> {
            data.add(t.name());
            data.add(t.tag());
            t.items().forEach(i -> data.add(i.title()));
        });
        java.time.Instant now = w.clock.instant();
        w.ctx.plans().occurrences(now.minus(java.time.Duration.ofDays(40)), now.plus(java.time.Duration.ofDays(40)), now)
                .forEach(d -> data.add(d.text()));
        data.add(w.file.getFileName().toString());
        data.addAll(REGISTRY_HEADER); // the registry sheet's (data may be in either language)
        data.addAll(REGISTRY_ROW);
        data.add("registry.csv");
        return data;
    }
}
