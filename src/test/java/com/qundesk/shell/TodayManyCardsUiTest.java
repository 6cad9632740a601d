package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Platform;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.ui.Theme;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big agency's Today: 25 overdue flash groups show 20 cards and a link that brings the other 5, which stay when
 * the board reloads.
 */
@ExtendWith(ApplicationExtension.class)
class TodayManyCardsUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final int OVERDUE = 25;

    @TempDir
    static Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Path home = dir.resolve("home-" + System.nanoTime());
        AppPaths paths = new AppPaths(home);
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        Path ws = home.resolve("w.qundesk");
        // two days ago: 25 resource flash groups (10 minutes each), all overdue by now
        Instant then = NOW.minus(Duration.ofDays(2));
        AppContext earlier = AppContext.open(paths, prefs, ws, Clock.fixed(then, ZoneOffset.UTC));
        earlier.flash().create(new FlashPlan(null, LifetimePreset.RESOURCE_FLASH, OVERDUE, then, null, null, null,
                null, Platform.WECHAT, null, null, null, null));
        earlier.close();
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(com.qundesk.testsupport.FxWindows.fresh(stage), paths, prefs,
                theme, executor, Clock.fixed(NOW, ZoneOffset.UTC), ViewFactory::new);
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    private static long cards(VBox list) {
        return list.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("today-")).count();
    }

    @Test
    void theFirstTwentyCardsThenALinkForTheRest(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#overdueList").tryQuery().map(n -> cards((VBox) n) > 0).orElse(false));
        VBox overdue = robot.lookup("#overdueList").queryAs(VBox.class);
        assertThat(cards(overdue)).isEqualTo(TodayController.FIRST_CARDS);
        Node last = overdue.getChildren().getLast();
        assertThat(last).isInstanceOf(Hyperlink.class);
        assertThat(((Hyperlink) last).getText()).isEqualTo("Show the other 5 (of 25)");

        robot.interact(((Hyperlink) last)::fire);
        assertThat(cards(overdue)).isEqualTo(OVERDUE);
        assertThat(overdue.getChildren()).noneMatch(n -> n instanceof Hyperlink);
        assertThat(robot.lookup("#overdueCount").queryLabeled().getText()).isEqualTo(String.valueOf(OVERDUE));

        // the board reloads (a notification, a change elsewhere): the section the operator expanded stays expanded
        Node before = overdue.getChildren().getFirst();
        robot.interact(window::refreshToday);
        waitFor(() -> overdue.getChildren().getFirst() != before);
        assertThat(cards(overdue)).isEqualTo(OVERDUE);
    }
}
