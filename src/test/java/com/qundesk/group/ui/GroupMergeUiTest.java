package com.qundesk.group.ui;

import com.qundesk.group.Group;
import com.qundesk.ui.MergeDialog;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.OpenDialogs;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No lost update in the group form: a group open in the form is changed behind its back by another operator; the
 * form's save is refused and the merge dialog shows who changed it and theirs beside mine per field; the operator
 * picks per field and the merge is saved against the new version.
 */
@ExtendWith(ApplicationExtension.class)
class GroupMergeUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = FxWindows.open(stage, TestWorkspace.demo(temp.resolve("merge-" + System.nanoTime())), executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void aSaveAfterSomeoneElseSavedOpensTheMergeAndSavesTheFieldsPicked(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        AppContext ctx = window.context();
        robot.interact(() -> window.show(Section.GROUPS));
        TableView<GroupRow> t = robot.lookup("#table").queryAs(TableView.class);
        waitFor(() -> !t.getItems().isEmpty());
        GroupRow row = t.getItems().stream().filter(r -> r.group().name().equals("好物分享福利2群")).findFirst()
                .orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(row));
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        waitFor(() -> "好物分享福利2群".equals(name.getText()));
        Group opened = ctx.groups().get(row.id());

        // another operator saves first: members and tags
        ctx.operators().setDisplayName("bob", "Bob Li");
        ctx.actAs("bob");
        ctx.groups().update(opened.toBuilder().memberCount(333).tags(List.of("双11")).build());
        ctx.actAs(null);

        // mine: owner and members
        robot.interact(() -> robot.lookup("#ownerField").queryAs(TextField.class).setText("老周"));
        robot.interact(() -> robot.lookup("#memberCountField").queryAs(TextField.class).setText("150"));
        Button save = robot.lookup("#saveButton").queryButton();
        DialogPane merge = OpenDialogs.open(save::fire);

        assertThat(((Label) merge.lookup("#mergeSummary")).getText()).contains("Bob Li").contains("version 1")
                .contains("version 2");
        @SuppressWarnings("unchecked")
        TableView<MergeDialog.Row> fields = (TableView<MergeDialog.Row>) merge.lookup("#mergeTable");
        assertThat(fields.getItems()).extracting(MergeDialog.Row::field)
                .containsExactly("owner", "memberCount", "tags");
        assertThat(fields.getItems()).extracting(r -> r.choice().get()).as("theirs where they changed, else mine")
                .containsExactly(MergeDialog.Choice.MINE, MergeDialog.Choice.THEIRS,
                        MergeDialog.Choice.THEIRS);
        // members: use mine after all
        robot.interact(() -> fields.getItems().get(1).choice().set(MergeDialog.Choice.MINE));
        robot.interact(() -> ((Button) merge.lookupButton(OpenDialogs.type(merge, ButtonBar.ButtonData.OK_DONE, 0)))
                .fire());

        waitFor(() -> ctx.groups().get(row.id()).version() == opened.version() + 2);
        Group stored = ctx.groups().get(row.id());
        assertThat(stored.owner()).isEqualTo("老周");
        assertThat(stored.memberCount()).isEqualTo(150);
        assertThat(stored.tags()).as("theirs kept").containsExactly("双11");
        waitFor(() -> "150".equals(robot.lookup("#memberCountField").queryAs(TextField.class).getText()));
    }
}
