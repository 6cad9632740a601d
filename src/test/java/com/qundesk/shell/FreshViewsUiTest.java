package com.qundesk.shell;

import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.flash.ui.TimelineModel;
import com.qundesk.group.Platform;
import com.qundesk.group.ui.GroupRow;
import com.qundesk.imports.chat.ChatFixtures;
import com.qundesk.imports.ui.ImportController;
import com.qundesk.imports.ui.PendingFile;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view shows the workspace as it is now, without a refresh click: a flash group dissolved from Today is
 * dissolved in the Calendar built before; a chat import that creates a group shows in Groups and on the dashboard.
 */
@ExtendWith(ApplicationExtension.class)
class FreshViewsUiTest {

    @TempDir
    static Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private TestWorkspace w;
    private long flashId;

    @Start
    void start(Stage stage) {
        w = new TestWorkspace(dir.resolve("ws-" + System.nanoTime()));
        // created yesterday: a resource flash group, overdue by now
        w.clock.set(TestWorkspace.NOW.minus(Duration.ofDays(1)));
        flashId = w.ctx.flash().create(new FlashPlan(null, LifetimePreset.RESOURCE_FLASH, 1, w.clock.instant(), null,
                null, null, null, Platform.WECHAT, null, null, null, null)).getFirst().group().id();
        w.clock.set(TestWorkspace.NOW);
        window = FxWindows.open(stage, w, executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    private Optional<TimelineModel.Row> calendarRow(FxRobot robot) {
        var timeline = robot.lookup("#timeline").queryAs(com.qundesk.flash.ui.TimelineCanvas.class);
        return timeline.rows().stream()
                .filter(r -> r.kind() == TimelineModel.Kind.FLASH && r.id() == flashId).findFirst();
    }

    @Test
    void dissolvedFromTodayIsDissolvedInTheCalendar(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.CAMPAIGNS)); // builds the calendar while the group is due
        waitFor(() -> calendarRow(robot).isPresent());
        assertThat(calendarRow(robot).orElseThrow().state()).isNotEqualTo(FlashState.DISSOLVED);

        robot.interact(() -> window.show(Section.TODAY));
        robot.clickOn("#checklist-" + flashId);
        waitFor(() -> robot.lookup("#check-befriended").tryQuery().isPresent());
        for (String item : List.of("befriended", "farewell-sent", "outcomes-recorded", "chat-exported",
                "keepers-invited")) {
            robot.clickOn("#check-" + item);
        }
        waitFor(() -> window.context().flash().get(flashId).lifecycle().done().size() == 5);
        robot.clickOn("#dissolveButton");
        waitFor(() -> window.context().flash().get(flashId).lifecycle().state() == FlashState.DISSOLVED);

        robot.interact(() -> window.show(Section.CAMPAIGNS)); // no refresh click anywhere
        waitFor(() -> calendarRow(robot).map(r -> r.state() == FlashState.DISSOLVED).orElse(false));
    }

    @Test
    void anImportShowsInGroupsAndOnTheDashboard(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.GROUPS));
        var groups = window.controller().groups().orElseThrow();
        waitFor(() -> groups.rows().size() == 1);
        robot.interact(() -> window.show(Section.DASHBOARD));
        var dashboard = window.controller().dashboard().orElseThrow();
        waitFor(() -> dashboard.portfolio() != null);
        int liveBefore = dashboard.portfolio().liveGroups();

        Path chat = ChatFixtures.wechatMsg(dir, "陌生群", "5566@chatroom", ChatFixtures.week());
        robot.interact(() -> window.show(Section.IMPORT));
        ImportController importer = window.controller().importer().orElseThrow();
        robot.interact(() -> robot.lookup("#createGroupsBox").queryAs(CheckBox.class).setSelected(true));
        robot.interact(() -> importer.add(List.of(chat)));
        TableView<PendingFile> files = robot.lookup("#fileTable").queryAs(TableView.class);
        waitFor(() -> files.getItems().size() == 1 && files.getItems().getFirst().state() == PendingFile.State.READY);
        robot.clickOn("#startButton");
        waitFor(() -> files.getItems().getFirst().state() == PendingFile.State.DONE);

        robot.interact(() -> window.show(Section.GROUPS));
        waitFor(() -> groups.rows().size() == 2);
        assertThat(groups.rows()).extracting(r -> r.group().name()).contains("陌生群");
        robot.interact(() -> window.show(Section.DASHBOARD));
        waitFor(() -> dashboard.portfolio().liveGroups() == liveBefore + 1);
    }
}
