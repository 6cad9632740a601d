package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.OpenDialogs;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.ui.MergeDialog;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two operators edit one campaign: the second save opens the merge (who changed it, theirs and mine per field), the
 * merge saves the fields picked, and the campaign's detail shows the latest changes by the operators' names.
 */
@ExtendWith(ApplicationExtension.class)
class CampaignMergeUiTest {

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
        robot.interact(() -> window.show(Section.CAMPAIGNS));
        @SuppressWarnings("unchecked")
        TableView<Campaign> table = robot.lookup("#campaignTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        Campaign opened = ctx.campaigns().get(table.getItems().getFirst().id());
        DialogPane edit = OpenDialogs.open(() -> robot.lookup("#editCampaignButton").queryButton().fire());
        @SuppressWarnings("unchecked")
        ComboBox<String> assignee = (ComboBox<String>) edit.lookup("#assigneeBox");
        assertThat(assignee.getEditor().getText()).as("the assignee by display name")
                .isEqualTo(ctx.operators().displayName(opened.assignee())).isNotEqualTo(opened.assignee());

        // another operator saves first: the sign-up goal and the notes
        ctx.operators().setDisplayName("zhouzhou", "周舟");
        ctx.actAs("zhouzhou");
        ctx.campaigns().update(new Campaign(opened.id(), opened.type(), opened.name(), opened.startsAt(),
                opened.endsAt(), opened.owner(), new Campaign.Goals(99, opened.goals().conversions(),
                opened.goals().couponsIssued(), opened.goals().couponsRedeemed(), opened.goals().gmvYuan()),
                opened.cancelledAt(), opened.cancelReason(), opened.outcomeSummary(), "改到周五", opened.createdAt(),
                opened.updatedAt(), opened.assignee(), opened.version()));
        ctx.actAs(null);

        // mine: the owner and the sign-up goal
        robot.interact(() -> ((TextField) edit.lookup("#ownerField")).setText("林晓"));
        robot.interact(() -> ((TextField) edit.lookup("#signups")).setText("50"));
        DialogPane merge = OpenDialogs.open(() -> ((Button) edit.lookupButton(
                OpenDialogs.type(edit, ButtonBar.ButtonData.OK_DONE, 0))).fire());

        assertThat(((Label) merge.lookup("#mergeSummary")).getText()).contains(opened.name()).contains("周舟")
                .contains("version " + opened.version()).contains("version " + (opened.version() + 1));
        @SuppressWarnings("unchecked")
        TableView<MergeDialog.Row> fields = (TableView<MergeDialog.Row>) merge.lookup("#mergeTable");
        assertThat(fields.getItems()).extracting(MergeDialog.Row::field)
                .containsSubsequence("owner", "goalSignups", "notes");
        assertThat(fields.getItems()).filteredOn(r -> r.field().equals("owner")).singleElement()
                .satisfies(r -> assertThat(r.choice().get()).isEqualTo(MergeDialog.Choice.MINE));
        MergeDialog.Row signups = fields.getItems().stream().filter(r -> r.field().equals("goalSignups"))
                .findFirst().orElseThrow();
        assertThat(signups.choice().get()).as("they changed it: theirs to start with")
                .isEqualTo(MergeDialog.Choice.THEIRS);
        robot.interact(() -> signups.choice().set(MergeDialog.Choice.MINE));
        robot.interact(() -> ((Button) merge.lookupButton(OpenDialogs.type(merge, ButtonBar.ButtonData.OK_DONE, 0)))
                .fire());

        waitFor(() -> ctx.campaigns().get(opened.id()).version() == opened.version() + 2);
        Campaign stored = ctx.campaigns().get(opened.id());
        assertThat(stored.owner()).isEqualTo("林晓");
        assertThat(stored.goals().signups()).isEqualTo(50);
        assertThat(stored.notes()).as("theirs kept").isEqualTo("改到周五");
        assertThat(stored.assignee()).as("the login is stored, not the name shown").isEqualTo(opened.assignee());
        Label history = robot.lookup("#detailHistory").queryAs(Label.class);
        waitFor(() -> history.getText().contains("周舟") && history.getText().contains("Owner"));
        String shownAs = ctx.operators().displayName(stored.assignee());
        assertThat(shownAs).as("the demo's campaigns are assigned to its named team").isNotEqualTo(stored.assignee());
        assertThat(robot.lookup("#detailInfo").queryAs(Label.class).getText()).contains("assigned to " + shownAs);
    }
}
