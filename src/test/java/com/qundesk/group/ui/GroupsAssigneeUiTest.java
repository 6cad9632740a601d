package com.qundesk.group.ui;

import com.qundesk.group.Group;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Assigned operators in the Groups view: set in the form, shown in a column, filtered by "mine" or by name. */
@ExtendWith(ApplicationExtension.class)
class GroupsAssigneeUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = FxWindows.open(stage, TestWorkspace.demo(temp.resolve("assignee-" + System.nanoTime())), executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void theFormAssignsAndTheFilterShowsMineOrOneOperatorsGroups(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        AppContext ctx = window.context();
        robot.interact(() -> window.show(Section.GROUPS));
        TableView<GroupRow> t = robot.lookup("#table").queryAs(TableView.class);
        waitFor(() -> !t.getItems().isEmpty());
        int all = t.getItems().size();
        GroupRow first = t.getItems().get(0);
        GroupRow second = t.getItems().get(1);
        Group other = ctx.groups().get(second.id());
        ctx.groups().update(other.toBuilder().assignee("bob").build());
        ctx.operators().setDisplayName("bob", "Bob Li");

        // the form assigns the first group to the operator working now
        robot.interact(() -> t.getSelectionModel().select(first));
        waitFor(() -> first.group().name().equals(robot.lookup("#nameField").queryAs(TextField.class).getText()));
        ComboBox<String> assignee = robot.lookup("#assigneeBox").queryAs(ComboBox.class);
        robot.interact(() -> assignee.getEditor().setText(ctx.operator()));
        Button save = robot.lookup("#saveButton").queryButton();
        robot.interact(save::fire);
        waitFor(() -> ctx.operator().equals(ctx.groups().get(first.id()).assignee()));

        ComboBox<String> filter = robot.lookup("#assigneeFilter").queryAs(ComboBox.class);
        waitFor(() -> filter.getItems().contains("bob"));
        // mine: the groups assigned to the operator working now (the demo gives them a share; the first one is added)
        java.util.Set<Long> mine = ctx.groups().list().stream().filter(g -> ctx.operator().equals(g.assignee()))
                .map(Group::id).collect(java.util.stream.Collectors.toSet());
        assertThat(mine).contains(first.id()).doesNotContain(second.id());
        robot.interact(() -> filter.setValue(GroupFilter.MINE));
        waitFor(() -> t.getItems().size() == mine.size());
        assertThat(t.getItems().stream().map(GroupRow::id)).containsExactlyInAnyOrderElementsOf(mine);
        robot.interact(() -> filter.setValue("bob"));
        waitFor(() -> t.getItems().size() == 1 && t.getItems().getFirst().id() == second.id());
        assertThat(t.getColumns().stream().filter(c -> "assigneeColumn".equals(c.getId())).findFirst().orElseThrow()
                .getCellData(0)).as("shown by display name, filtered by login").isEqualTo("Bob Li");
        assertThat(filter.getConverter().toString("bob")).isEqualTo("Bob Li");
        robot.interact(() -> filter.setValue(null));
        waitFor(() -> t.getItems().size() == all);
    }
}
