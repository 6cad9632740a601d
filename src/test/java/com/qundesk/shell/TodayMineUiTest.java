package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.flash.FlashGroup;
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
import com.qundesk.workspace.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today with assignees: "Mine" lists my flash groups and the unassigned ones and says how many of others' it leaves
 * out; "All" lists every one, mine first, others' naming their assignee; the choice is kept in the preferences.
 */
@ExtendWith(ApplicationExtension.class)
class TodayMineUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");

    @TempDir
    static Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private UserPrefs prefs;
    private List<FlashGroup> made;
    private long bobsItem;
    private long everyonesItem;

    @Start
    void start(Stage stage) {
        Path home = dir.resolve("home-" + System.nanoTime());
        AppPaths paths = new AppPaths(home);
        prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        Path ws = home.resolve("w.qundesk");
        // three resource flash groups opened two days ago, all overdue now: mine, bob's, nobody's
        Instant then = NOW.minus(Duration.ofDays(2));
        AppContext earlier = AppContext.open(paths, prefs, ws, Clock.fixed(then, ZoneOffset.UTC));
        made = earlier.flash().create(new FlashPlan(null, LifetimePreset.RESOURCE_FLASH, 3, then, null, null,
                "快闪-{k}", null, Platform.WECHAT, null, null, null, null));
        earlier.groups().update(made.get(0).group().toBuilder().assignee("bob").build());
        earlier.groups().update(made.get(2).group().toBuilder().assignee(earlier.operator()).build());
        earlier.operators().setDisplayName("bob", "Bob Li");
        // a value delivery due today in bob's long-term group and one in a group of nobody's
        Group bobs = earlier.groups().create(Group.draft(Platform.WECHAT, "bob-long", Purpose.FAN,
                GroupKind.LONG_TERM).toBuilder().assignee("bob").build());
        Group nobodys = earlier.groups().create(Group.draft(Platform.WECHAT, "nobody-long", Purpose.FAN,
                GroupKind.LONG_TERM));
        bobsItem = earlier.plans().add(new PlanRequest(bobs.id(), ValueDimension.CASES, "bob's post", "text", null,
                null, NOW.plus(Duration.ofHours(2)))).id();
        everyonesItem = earlier.plans().add(new PlanRequest(nobodys.id(), ValueDimension.CASES, "a post", "text",
                null, null, NOW.plus(Duration.ofHours(2)))).id();
        earlier.close();
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(FxWindows.fresh(stage), paths, prefs, theme, executor,
                Clock.fixed(NOW, ZoneOffset.UTC), ViewFactory::new);
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    private static List<String> cards(VBox list) {
        return list.getChildren().stream().map(Node::getId).filter(id -> id != null && id.startsWith("today-"))
                .toList();
    }

    private static List<String> deliveries(FxRobot robot) {
        return robot.lookup("#deliveryList").queryAs(VBox.class).getChildren().stream().map(Node::getId)
                .filter(id -> id != null && id.startsWith("delivery-")).map(id -> id.split("-")[1]).toList();
    }

    private String card(int i) {
        return "today-" + made.get(i).group().id();
    }

    @Test
    void mineLeavesOthersOutAndAllListsThemAfterMineNamingTheirAssignee(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup("#scopeBox").tryQuery().map(Node::isVisible).orElse(false));
        VBox overdue = robot.lookup("#overdueList").queryAs(VBox.class);
        waitFor(() -> cards(overdue).size() == 2);
        assertThat(cards(overdue)).containsExactly(card(2), card(1));
        assertThat(robot.lookup("#overdueCount").queryLabeled().getText()).isEqualTo("2");
        Hyperlink others = robot.lookup("#othersLink").queryAs(Hyperlink.class);
        assertThat(others.isVisible()).isTrue();
        assertThat(others.getText()).isEqualTo("Not shown: 1 assigned to others (show all)");
        waitFor(() -> !deliveries(robot).isEmpty());
        assertThat(deliveries(robot)).contains(Long.toString(everyonesItem))
                .doesNotContain(Long.toString(bobsItem));
        int mineDeliveries = deliveries(robot).size();

        robot.interact(() -> robot.lookup("#allButton").queryAs(ToggleButton.class).setSelected(true));
        waitFor(() -> cards(overdue).size() == 3);
        assertThat(cards(overdue)).containsExactly(card(2), card(1), card(0));
        assertThat(deliveries(robot)).contains(Long.toString(everyonesItem), Long.toString(bobsItem))
                .hasSizeGreaterThan(mineDeliveries);
        assertThat(robot.lookup("#overdueCount").queryLabeled().getText()).isEqualTo("3");
        assertThat(others.isVisible()).isFalse();
        assertThat(robot.from(overdue.getChildren().get(2)).lookup((Label l) -> l.getText() != null
                && l.getText().contains("assigned to Bob Li")).tryQuery()).isPresent();
        assertThat(robot.from(overdue.getChildren().get(0)).lookup((Label l) -> l.getText() != null
                && l.getText().contains("assigned to")).tryQuery()).as("mine names nobody").isEmpty();
        assertThat(prefs.get(TodayController.PREF_SHOWS)).contains("all");

        // back to mine through the section's own link when a section holds only others' items
        robot.interact(() -> robot.lookup("#mineButton").queryAs(ToggleButton.class).setSelected(true));
        waitFor(() -> cards(overdue).size() == 2);
        assertThat(prefs.get(TodayController.PREF_SHOWS)).contains("mine");
    }
}
