package com.qundesk.flash.ui;

import com.qundesk.app.ViewFactory;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashState;
import com.qundesk.group.GroupStatus;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.ui.Theme;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import com.qundesk.testsupport.FxWindows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flash-group flow as an operator does it: the wizard creates 5 activity groups for a night talk, Today
 * lists them, and one is dissolved through its checklist.
 */
@ExtendWith(ApplicationExtension.class)
class FlashWorkflowUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    static Path dir;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private AppContext context;

    @Start
    void start(Stage stage) {
        Path home = dir.resolve("home-" + System.nanoTime());
        AppPaths paths = new AppPaths(home);
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        Path ws = home.resolve("w.qundesk");
        context = AppContext.open(paths, prefs, ws, clock);
        context.campaigns().create(Campaign.draft(CampaignType.NIGHT_TALK, "Night talk 13",
                NOW.plus(Duration.ofHours(10)), NOW.plus(Duration.ofHours(12))));
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(com.qundesk.testsupport.FxWindows.fresh(stage), paths, prefs,
                theme, executor, clock, ViewFactory::new);
        context.close(); // the window under test is the one writer
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void wizardCreatesFiveGroupsTodayListsThemAndOneIsDissolvedThroughItsChecklist(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.CAMPAIGNS));
        TableView<?> campaigns = robot.lookup("#campaignTable").queryAs(TableView.class);
        waitFor(() -> campaigns.getItems().size() == 1);
        robot.interact(() -> campaigns.getSelectionModel().select(0));

        robot.clickOn("#wizardButton");
        waitFor(() -> robot.lookup("#wizardCount").tryQuery().isPresent());
        Spinner<Integer> count = robot.lookup("#wizardCount").queryAs(Spinner.class);
        robot.interact(() -> count.getValueFactory().setValue(5));
        TableView<?> preview = robot.lookup("#wizardPreview").queryAs(TableView.class);
        waitFor(() -> preview.getItems().size() == 5);
        Button create = robot.lookup("#wizardCreate").queryAs(Button.class);
        waitFor(() -> !create.isDisabled());
        robot.clickOn(create);

        waitFor(() -> window.context().flash().list().size() == 5);
        List<FlashGroup> created = window.context().flash().list();
        assertThat(created).allSatisfy(f -> {
            assertThat(f.campaignName()).isEqualTo("Night talk 13");
            assertThat(f.lifecycle().state()).isEqualTo(FlashState.PLANNED);
            // activity preset: 3 calendar days after the campaign ends (Asia/Shanghai has no DST)
            assertThat(f.lifecycle().dueAt()).isEqualTo(NOW.plus(Duration.ofHours(12)).plus(Duration.ofDays(3)));
        });

        robot.interact(() -> window.show(Section.TODAY));
        VBox open = robot.lookup("#toOpenList").queryAs(VBox.class);
        waitFor(() -> open.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("today-"))
                .count() == 5);

        long target = created.getFirst().group().id();
        robot.clickOn("#checklist-" + target);
        waitFor(() -> robot.lookup("#check-befriended").tryQuery().isPresent());
        for (String item : List.of("befriended", "farewell-sent", "outcomes-recorded", "chat-exported")) {
            robot.clickOn("#check-" + item);
        }
        waitFor(() -> window.context().flash().get(target).lifecycle().done().size() == 4);
        assertThat(robot.lookup("#check-keepers-invited").queryAs(CheckBox.class).isSelected()).isFalse();
        robot.clickOn("#dissolveButton");
        // one item is open: the operator confirms dissolving anyway
        waitFor(() -> robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && "OK".equals(b.getText())).tryQuery().isPresent());
        Button ok = robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && "OK".equals(b.getText())).queryButton();
        robot.interact(ok::fire);

        waitFor(() -> window.context().flash().get(target).lifecycle().state() == FlashState.DISSOLVED);
        FlashGroup dissolved = window.context().flash().get(target);
        assertThat(dissolved.group().status()).isEqualTo(GroupStatus.DISSOLVED);
        assertThat(dissolved.lifecycle().skipped()).extracting(Enum::name).containsExactly("KEEPERS_INVITED");
        waitFor(() -> open.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("today-"))
                .count() == 4);
    }

}
