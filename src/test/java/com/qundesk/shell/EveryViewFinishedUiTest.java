package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.core.UserPrefs;
import com.qundesk.campaign.Campaign;
import com.qundesk.group.Group;
import com.qundesk.template.Template;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.testsupport.TextAudit;
import com.qundesk.ui.Theme;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
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
        // the dialogs the views' buttons open (a group selected first where a dialog needs one)
        dialog(robot, audit, Section.CAMPAIGNS, "#newCampaignButton", "new campaign");
        dialog(robot, audit, Section.CAMPAIGNS, "#wizardButton", "new flash groups");
        dialog(robot, audit, Section.TEMPLATES, "#newButton", "new template");
        robot.interact(() -> window.show(Section.GROUPS));
        settle();
        TableView<?> groups = robot.lookup("#table").queryAs(TableView.class);
        robot.interact(() -> groups.getSelectionModel().select(0));
        dialog(robot, audit, Section.GROUPS, "#splitButton", "split");
        dialog(robot, audit, Section.GROUPS, "#dissolveButton", "dissolve");
        dialog(robot, audit, Section.TODAY, "#aboutLink", "about");
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
        ButtonBase b = robot.lookup(button).queryAs(ButtonBase.class);
        Platform.runLater(b::fire); // the dialog waits for its answer inside fire()
        waitFor(() -> !openDialogs().isEmpty());
        settle();
        DialogPane pane = openDialogs().getFirst();
        audit.audit(section.token() + " › " + name + " dialog", pane);
        robot.interact(() -> {
            for (ButtonType type : pane.getButtonTypes()) {
                if (type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE) {
                    ((Button) pane.lookupButton(type)).fire();
                    return;
                }
            }
            pane.getScene().getWindow().hide();
        });
        waitFor(() -> openDialogs().isEmpty());
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
        java.time.Instant now = w.clock.instant();
        w.ctx.plans().occurrences(now.minus(java.time.Duration.ofDays(40)), now.plus(java.time.Duration.ofDays(40)), now)
                .forEach(d -> data.add(d.text()));
        data.add(w.file.getFileName().toString());
        return data;
    }

    static List<DialogPane> openDialogs() {
        List<DialogPane> out = new ArrayList<>();
        for (Window win : List.copyOf(Window.getWindows())) {
            if (win.isShowing() && win.getScene() != null && win.getScene().getRoot() instanceof DialogPane d) {
                out.add(d);
            }
        }
        return out;
    }
}
