package com.qundesk.shell;

import com.qundesk.dashboard.Portfolio;
import com.qundesk.dashboard.ui.DashboardController;
import com.qundesk.group.Group;
import com.qundesk.group.GroupScope;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's "Groups of" chooser: the team's figures by default, one operator's when chosen. */
@ExtendWith(ApplicationExtension.class)
class DashboardScopeUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private TestWorkspace w;
    private Portfolio team;
    private Portfolio alices;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWorkspace.demo(temp.resolve("scope-" + System.nanoTime()));
        int i = 0;
        for (Group g : w.ctx.groups().list()) {
            if (i++ % 3 == 0) {
                w.ctx.groups().update(g.toBuilder().assignee("alice").build());
            }
        }
        w.ctx.operators().setDisplayName("alice", "Alice Wang");
        team = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30);
        alices = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30, GroupScope.of("alice"));
        window = FxWindows.open(stage, w, executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void choosingAnOperatorShowsTheirGroupsFigures(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.DASHBOARD));
        DashboardController dash = window.controller().dashboard().orElseThrow();
        waitFor(() -> dash.portfolio() != null);
        @SuppressWarnings("unchecked")
        ComboBox<GroupScope> chooser = robot.lookup("#scopeChooser").queryAs(ComboBox.class);
        waitFor(chooser::isVisible);
        assertThat(chooser.getValue()).isEqualTo(GroupScope.TEAM);
        assertThat(chooser.getItems()).as("the team first, then each operator with groups, the unassigned last")
                .startsWith(GroupScope.TEAM, GroupScope.of("alice")).endsWith(GroupScope.UNASSIGNED)
                .contains(GroupScope.of(w.ctx.operator()), GroupScope.of("zhouzhou"), GroupScope.of("chenyi"))
                .hasSize(6);
        assertThat(chooser.getConverter().toString(GroupScope.of("alice"))).isEqualTo("Alice Wang");
        assertThat(alices.liveGroups()).isPositive().isLessThan(team.liveGroups());
        assertThat(dash.portfolio().liveGroups()).isEqualTo(team.liveGroups());
        String teamActions = robot.lookup("#actionsLabel").queryAs(Label.class).getText();

        robot.interact(() -> chooser.setValue(GroupScope.of("alice")));
        waitFor(() -> dash.portfolio().liveGroups() == alices.liveGroups());
        assertThat(robot.lookup("#deliveredShareLabel").queryAs(Label.class).getText())
                .isEqualTo(Math.round(alices.deliveredShare() * 100) + "%");
        assertThat(robot.lookup("#actionsLabel").queryAs(Label.class).getText()).isEqualTo(Long.toString(
                alices.recommendations().stream().filter(h -> h.recommendation()
                        != com.qundesk.value.Recommendation.KEEP).count())).isNotEqualTo(teamActions);
        assertThat(dash.portfolio().recommendations()).allSatisfy(h ->
                assertThat(h.group().assignee()).isEqualTo("alice"));
        // the choice survives a refresh (a change elsewhere reloads the operators)
        robot.interact(dash::refresh);
        Thread.sleep(500);
        waitFor(() -> dash.portfolio().liveGroups() == alices.liveGroups());
        assertThat(chooser.getValue()).isEqualTo(GroupScope.of("alice"));
        assertThat(List.copyOf(chooser.getItems())).hasSize(6);
    }
}
