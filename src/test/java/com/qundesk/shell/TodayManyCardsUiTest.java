package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.plan.PlanRequest;
import com.qundesk.value.ValueDimension;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big agency's Today: 25 overdue flash groups show 20 cards and a link that brings the other 5, which stay when
 * the board reloads; the cards below the first screen are built after the first drawing, in the page's order.
 */
@ExtendWith(ApplicationExtension.class)
class TodayManyCardsUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    private static final int OVERDUE = 25;
    private static final int DELIVERIES = 26;

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
        // and a daily value delivery never made for DELIVERIES days: the deliveries section below has its own cards
        Group g = earlier.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM));
        earlier.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报", null, null, "FREQ=DAILY",
                NOW.minus(Duration.ofDays(DELIVERIES - 1)).minus(Duration.ofHours(1))));
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

    /**
     * The page is complete and settled with {@code overdueCards} overdue cards: the cards beyond the first screen are
     * built over the pulses after a drawing, and the start's reminders (claimed two pulses after the views are
     * installed) write, which draws Today again; read on the FX thread, where the page changes.
     */
    private void waitForPage(FxRobot robot, int overdueCards) throws Exception {
        waitFor(() -> {
            try {
                return WaitForAsyncUtils.asyncFx(() -> window.controller() != null
                        && !window.view().tasks().busyProperty().get()
                        && window.controller().today().map(t -> t.cardsToCome() == 0).orElse(false)
                        && robot.lookup("#deliveries-more").tryQuery().isPresent()
                        && robot.lookup("#overdueList").tryQuery().map(n -> cards((VBox) n) == overdueCards)
                        .orElse(false)).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void waitForEveryCard(FxRobot robot) throws Exception {
        waitForPage(robot, TodayController.FIRST_CARDS);
    }

    @Test
    void theFirstTwentyCardsThenALinkForTheRest(FxRobot robot) throws Exception {
        waitForEveryCard(robot);
        VBox overdue = robot.lookup("#overdueList").queryAs(VBox.class);
        assertThat(cards(overdue)).isEqualTo(TodayController.FIRST_CARDS);
        Node last = overdue.getChildren().getLast();
        assertThat(last).isInstanceOf(Hyperlink.class);
        assertThat(((Hyperlink) last).getText()).isEqualTo("Show the other 5 (of 25)");

        robot.interact(((Hyperlink) last)::fire);
        waitForPage(robot, OVERDUE);
        assertThat(cards(overdue)).isEqualTo(OVERDUE);
        assertThat(overdue.getChildren()).noneMatch(n -> n instanceof Hyperlink);
        assertThat(robot.lookup("#overdueCount").queryLabeled().getText()).isEqualTo(String.valueOf(OVERDUE));

        // the board reloads (a notification, a change elsewhere): the section the operator expanded stays expanded
        Node before = overdue.getChildren().getFirst();
        robot.interact(window::refreshToday);
        waitFor(() -> overdue.getChildren().getFirst() != before);
        waitForPage(robot, OVERDUE);
        assertThat(cards(overdue)).isEqualTo(OVERDUE);
    }

    @Test
    void cardsBuiltAfterTheFirstDrawingComeInThePagesOrder(FxRobot robot) throws Exception {
        waitForEveryCard(robot);
        VBox overdue = robot.lookup("#overdueList").queryAs(VBox.class);
        // 20 flash cards and their link, then the deliveries' 20 and theirs: more than are built at once
        assertThat(TodayController.FIRST_CARDS * 2 + 2).isGreaterThan(com.qundesk.ui.StagedCards.AT_ONCE);
        assertThat(overdue.getChildren().getLast()).isInstanceOf(Hyperlink.class);
        VBox deliveries = robot.lookup("#deliveryList").queryAs(VBox.class);
        assertThat(deliveries.getChildren().stream().filter(n -> n.getId() != null
                && n.getId().startsWith("delivery-") && !n.getId().equals("deliveries-more")).count())
                .isEqualTo(com.qundesk.plan.ui.DeliveriesController.FIRST_CARDS);
        assertThat(deliveries.getChildren().getLast().getId()).isEqualTo("deliveries-more");
    }
}
