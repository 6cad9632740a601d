package com.qundesk.shell;

import com.qundesk.group.Group;
import com.qundesk.group.ui.GroupRow;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * The operator names themselves in Settings › Workspace: the name is stored for their login, the status bar shows it,
 * and the Groups view's assignee column shows it for the groups assigned to them (the login is what is stored).
 */
@ExtendWith(ApplicationExtension.class)
class DisplayNameUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = FxWindows.open(stage, TestWorkspace.demo(temp.resolve("names-" + System.nanoTime())), executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void aNameSetInSettingsShowsInTheStatusBarAndTheGroupsColumn(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        AppContext ctx = window.context();
        String login = ctx.operator();
        Group first = ctx.groups().list().getFirst();
        ctx.groups().update(first.toBuilder().assignee(login).build());
        Label status = robot.lookup("#workspaceLabel").queryAs(Label.class);
        assertThat(status.getText()).doesNotContain("小林");

        robot.interact(() -> window.show(Section.SETTINGS));
        Label loginLabel = robot.lookup("#operatorLogin").queryAs(Label.class);
        assertThat(loginLabel.getText()).contains(login);
        TextField name = robot.lookup("#displayNameField").queryAs(TextField.class);
        robot.interact(() -> name.setText("  小林 "));
        robot.interact(() -> robot.lookup("#saveNameButton").queryAs(Button.class).fire());

        waitFor(() -> "小林".equals(ctx.operators().displayNames().get(login)));
        waitFor(() -> status.getText().contains("小林"));
        robot.interact(() -> window.show(Section.GROUPS));
        @SuppressWarnings("unchecked")
        TableView<GroupRow> t = robot.lookup("#table").queryAs(TableView.class);
        waitFor(() -> t.getItems().stream().anyMatch(r -> r.id() == first.id()));
        var column = t.getColumns().stream().filter(c -> "assigneeColumn".equals(c.getId())).findFirst().orElseThrow();
        waitFor(() -> "小林".equals(column.getCellData(t.getItems().stream().filter(r -> r.id() == first.id())
                .findFirst().orElseThrow())));
        assertThat(ctx.groups().get(first.id()).assignee()).as("the login is stored").isEqualTo(login);
        assertThat(t.getItems().stream().map(r -> String.valueOf(column.getCellData(r))))
                .as("the demo team by name (the operator who made the demo was 林晓, now 小林)").contains("小林", "周舟", "陈一")
                .doesNotContain("林晓", "zhouzhou", "chenyi", login);
    }
}
