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

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Today lists the plan's deliveries; the operator copies the text, marks one delivered (edited) and skips one. */
@ExtendWith(ApplicationExtension.class)
class DeliverFromTodayUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z"); // 10:00 in Shanghai

    @TempDir
    static Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private AppPaths paths;
    private UserPrefs prefs;
    private Path ws;
    private long groupId;
    private PlanItem daily;
    private PlanItem once;

    @Start
    void start(Stage stage) {
        Path home = dir.resolve("home-" + System.nanoTime());
        paths = new AppPaths(home);
        prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        ws = home.resolve("w.qundesk");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (AppContext ctx = AppContext.open(paths, prefs, ws, clock)) {
            Group g = ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM)
                    .toBuilder().memberCount(120).owner("小林").build());
            groupId = g.id();
            // every day at 09:00 since yesterday: yesterday's is overdue, today's is due now
            daily = ctx.plans().add(new PlanRequest(g.id(), ValueDimension.INFORMATION, "每日早报",
                    "早上好，「{group}」！今天的早报：", null, "FREQ=DAILY", NOW.minus(Duration.ofHours(25))));
            once = ctx.plans().add(new PlanRequest(g.id(), ValueDimension.ACTIVITIES, "晚间分享", null, 80, null,
                    NOW.plus(Duration.ofHours(10))));
        }
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(com.qundesk.testsupport.FxWindows.fresh(stage), paths, prefs,
                theme, executor, clock, ViewFactory::new);
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    /**
     * Waits until Today has stopped rebuilding: the reminder and delivery polls at start write their announcements,
     * and Today reloads on that change; a card looked up before then is replaced under the robot's click.
     */
    private static void settled(FxRobot robot, String query) throws Exception {
        Object before = null;
        for (int i = 0; i < 40; i++) {
            Object now = robot.lookup(query).tryQuery().orElse(null);
            if (now != null && now == before) {
                return;
            }
            before = now;
            Thread.sleep(500); // longer than the 250 ms the window waits for writes to settle
        }
        throw new AssertionError(query + " kept being rebuilt");
    }

    private static String key(PlanItem i, Instant occurrence) {
        return i.id() + "-" + occurrence.toEpochMilli();
    }

    @Test
    void copyDeliverEditedAndSkipWithAReason(FxRobot robot) throws Exception {
        Instant yesterday = NOW.minus(Duration.ofHours(25));
        Instant today = NOW.minus(Duration.ofHours(1));
        Instant tonight = NOW.plus(Duration.ofHours(10));
        waitFor(() -> robot.lookup("#delivery-" + key(daily, today)).tryQuery().isPresent());
        settled(robot, "#delivery-" + key(daily, today));
        assertThat(robot.lookup("#delivery-" + key(daily, yesterday)).tryQuery()).isPresent();
        assertThat(robot.lookup("#delivery-" + key(once, tonight)).tryQuery()).isPresent();

        robot.clickOn("#delivery-copy-" + key(daily, today));
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("早上好，「读书会」！今天的早报：");

        robot.clickOn("#delivery-done-" + key(daily, today));
        waitFor(() -> robot.lookup("#deliverReach").tryQuery().isPresent());
        TextField reach = robot.lookup("#deliverReach").queryAs(TextField.class);
        robot.interact(() -> reach.setText("95"));
        robot.clickOn("#deliverSave");
        waitFor(() -> robot.lookup("#delivery-" + key(daily, today)).tryQuery().isEmpty());

        robot.clickOn("#delivery-skip-" + key(daily, yesterday));
        waitFor(() -> robot.lookup("#skipReason").tryQuery().isPresent());
        robot.clickOn("#skipReason").write("群主出差");
        robot.clickOn("#skipSave");
        waitFor(() -> robot.lookup("#delivery-" + key(daily, yesterday)).tryQuery().isEmpty());
        Node tonightCard = robot.lookup("#delivery-" + key(once, tonight)).query();
        assertThat(tonightCard.isVisible()).isTrue();

        {
            AppContext ctx = window.context();
            List<ValueEvent> events = ctx.ledger().events(groupId, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.title()).isEqualTo("每日早报");
                assertThat(e.reach()).isEqualTo(95);
                assertThat(e.dimension()).isEqualTo(ValueDimension.INFORMATION);
            });
            List<PlannedDelivery> all = ctx.plans().occurrences(yesterday, tonight.plusSeconds(1), NOW);
            assertThat(all).filteredOn(d -> d.occurrence().equals(yesterday)).singleElement()
                    .satisfies(d -> assertThat(d.delivery().reason()).isEqualTo("群主出差"));
        }
    }
}
