package com.qundesk.plan.ui;

import com.qundesk.app.ViewFactory;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.plan.PlanItem;
import com.qundesk.plan.PlanRequest;
import com.qundesk.plan.PlannedDelivery;
import com.qundesk.shell.MainWindow;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.ui.Theme;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueEvent;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Hyperlink;
import javafx.scene.layout.VBox;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month of overdue deliveries: Today draws the first cards and a link that brings the rest (issue 17: hundreds of
 * cards held the start view for seconds), and the list stays whole once the operator asked for it.
 */
@ExtendWith(ApplicationExtension.class)
class DeliveriesFirstCardsUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z"); // 10:00 in Shanghai
    private static final int DAYS = 25;

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
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (AppContext ctx = AppContext.open(paths, prefs, ws, clock)) {
            Group g = ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM));
            // every day at 09:00 for DAYS days and today: none delivered
            ctx.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报", null, null, "FREQ=DAILY",
                    NOW.minus(Duration.ofDays(DAYS)).minus(Duration.ofHours(1))));
        }
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(FxWindows.fresh(stage), paths, prefs, theme, executor, clock, ViewFactory::new);
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    private static long cards(VBox list) {
        return list.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("delivery-")
                && !n.getId().equals("deliveries-more")).count();
    }

    @Test
    void theFirstCardsThenALinkForTheRest(FxRobot robot) throws Exception {
        // the cards below the first screen are built over the pulses after the first drawing; the link comes last
        waitFor(() -> robot.lookup("#deliveries-more").tryQuery().isPresent());
        VBox list = robot.lookup("#deliveryList").queryAs(VBox.class);
        int all = DAYS + 1;
        assertThat(cards(list)).isEqualTo(DeliveriesController.FIRST_CARDS);
        Hyperlink more = robot.lookup("#deliveries-more").queryAs(Hyperlink.class);
        assertThat(more.getText()).isEqualTo("Show the other " + (all - DeliveriesController.FIRST_CARDS)
                + " (of " + all + ")");

        robot.interact(more::fire);
        waitFor(() -> cards(list) == all);
        assertThat(robot.lookup("#deliveries-more").tryQuery()).isEmpty();
    }
}
