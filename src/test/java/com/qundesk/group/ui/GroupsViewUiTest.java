package com.qundesk.group.ui;

import com.qundesk.workspace.AppContext;
import com.qundesk.group.Group;
import com.qundesk.group.Platform;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.TestWorkspace;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import com.qundesk.testsupport.FxWindows;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The groups registry driven as an operator would: create, filter, edit with an error, split. */
@ExtendWith(ApplicationExtension.class)
class GroupsViewUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    /** The window's own context: the workspace has one writer. */
    private AppContext ctx() {
        return window.context();
    }

    @Start
    void start(Stage stage) throws Exception {
        Path dir = temp.resolve("groups-" + System.nanoTime());
        TestWorkspace w = TestWorkspace.demo(dir);
        window = FxWindows.open(stage, w, executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    private TableView<GroupRow> table(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.GROUPS));
        TableView<GroupRow> t = robot.lookup("#table").queryAs(TableView.class);
        waitFor(() -> t.getItems().size() == ctx().groups().list().size());
        return t;
    }

    @Test
    void searchAndFiltersNarrowTheTable(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        int all = t.getItems().size();
        robot.clickOn("#searchField").write("瑞幸");
        waitFor(() -> t.getItems().size() == 2);
        assertThat(robot.lookup("#countLabel").queryAs(Label.class).getText()).contains("2").contains(Integer.toString(all));
        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).clear());
        ComboBox<Platform> platform = robot.lookup("#platformFilter").queryAs(ComboBox.class);
        robot.interact(() -> platform.setValue(Platform.WECOM));
        waitFor(() -> t.getItems().size() < all && !t.getItems().isEmpty());
        assertThat(t.getItems()).allSatisfy(r -> assertThat(r.group().platform()).isEqualTo(Platform.WECOM));
    }

    @Test
    void createAGroupThroughTheForm(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        int before = t.getItems().size();
        robot.clickOn("#newButton");
        robot.clickOn("#nameField").write("新品试用群");
        robot.clickOn("#externalIdField").write("88886666@chatroom");
        robot.interact(() -> robot.lookup("#memberCountField").queryAs(TextField.class).setText("42"));
        save(robot);
        waitFor(() -> t.getItems().size() == before + 1);
        Group g = ctx().groups().list().stream().filter(x -> x.name().equals("新品试用群")).findFirst().orElseThrow();
        assertThat(g.externalId()).isEqualTo("88886666@chatroom");
        assertThat(g.memberCount()).isEqualTo(42);
    }

    @Test
    void anInvalidEditShowsInlineErrorsAndChangesNothing(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        GroupRow row = t.getItems().stream().filter(r -> r.group().name().equals("好物分享福利2群")).findFirst()
                .orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(row));
        waitFor(() -> "好物分享福利2群".equals(robot.lookup("#nameField").queryAs(TextField.class).getText()));
        robot.interact(() -> robot.lookup("#memberCountField").queryAs(TextField.class).setText("900"));
        robot.interact(() -> robot.lookup("#externalIdField").queryAs(TextField.class).setText("not-an-id"));
        save(robot);
        Label members = robot.lookup("#memberCountError").queryAs(Label.class);
        Label external = robot.lookup("#externalIdError").queryAs(Label.class);
        waitFor(members::isVisible);
        assertThat(members.getText()).contains("900").contains("500");
        assertThat(external.isVisible()).isTrue();
        assertThat(external.getText()).contains("@chatroom");
        Group stored = ctx().groups().get(row.id());
        assertThat(stored.memberCount()).isEqualTo(row.group().memberCount());
        assertThat(stored.externalId()).isEqualTo(row.group().externalId());
    }

    @Test
    void savingWithAnErrorScrollsToTheFirstFieldInErrorAndOutlinesIt(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        GroupRow row = t.getItems().stream().filter(r -> r.group().name().equals("好物分享福利2群")).findFirst()
                .orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(row));
        TextField external = robot.lookup("#externalIdField").queryAs(TextField.class);
        waitFor(() -> "好物分享福利2群".equals(robot.lookup("#nameField").queryAs(TextField.class).getText()));
        ScrollPane form = robot.lookup("#formScroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            external.setText("not-an-id");
            form.setVvalue(1); // the operator is at the bottom of the form, by Save
        });
        waitFor(() -> !inView(form, external));
        save(robot);
        waitFor(() -> robot.lookup("#externalIdError").queryAs(Label.class).isVisible());
        waitFor(() -> inView(form, external));
        assertThat(external.getPseudoClassStates()).extracting(Object::toString).contains("danger");
        assertThat(external.isFocused()).isTrue();
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getPseudoClassStates())
                .extracting(Object::toString).doesNotContain("danger");
    }

    /** Whether {@code node} lies inside what the scroll pane shows. */
    private static boolean inView(ScrollPane pane, Node node) {
        javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
        javafx.geometry.Bounds at = node.localToScene(node.getLayoutBounds());
        return at.getMinY() >= view.getMinY() && at.getMaxY() <= view.getMaxY();
    }

    @Test
    void leavingWithUnsavedEditsAsksToSaveDiscardOrStay(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        GroupRow row = t.getItems().stream().filter(r -> r.group().name().equals("好物分享福利2群")).findFirst()
                .orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(row));
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        waitFor(() -> "好物分享福利2群".equals(name.getText()));
        robot.interact(() -> name.setText("好物分享福利二群"));

        answer(robot, "Stay");
        assertThat(window.controller().current()).isEqualTo(Section.GROUPS);
        assertThat(name.getText()).isEqualTo("好物分享福利二群");

        answer(robot, "Discard");
        waitFor(() -> window.controller().current() == Section.TODAY);
        assertThat(ctx().groups().get(row.id()).name()).isEqualTo("好物分享福利2群");

        robot.interact(() -> window.show(Section.GROUPS));
        robot.interact(() -> t.getSelectionModel().clearSelection());
        robot.interact(() -> t.getSelectionModel().select(t.getItems().stream()
                .filter(r -> r.id() == row.id()).findFirst().orElseThrow()));
        waitFor(() -> "好物分享福利2群".equals(name.getText()));
        robot.interact(() -> name.setText("好物分享福利二群"));
        answer(robot, "Save");
        waitFor(() -> window.controller().current() == Section.TODAY);
        assertThat(ctx().groups().get(row.id()).name()).isEqualTo("好物分享福利二群");
    }

    @Test
    void clickingAnotherRowWithUnsavedEditsAsksToSaveDiscardOrCancel(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        GroupRow a = t.getItems().get(0);
        GroupRow b = t.getItems().get(1);
        GroupRow c = t.getItems().get(2);
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);

        // nothing edited: another row just shows, no question
        robot.clickOn(cell(robot, c));
        waitFor(() -> c.group().name().equals(name.getText()));
        robot.clickOn(cell(robot, a));
        waitFor(() -> a.group().name().equals(name.getText()));
        assertThat(robot.lookup("#unsavedEditsDialog").tryQuery()).isEmpty();

        // Cancel: back on the edited group, the edits kept, nothing stored
        robot.interact(() -> name.setText(a.group().name() + " 改"));
        robot.clickOn(cell(robot, b));
        answerDialog(robot, "Stay");
        waitFor(() -> selectedIds(t).equals(java.util.List.of(a.id())));
        assertThat(name.getText()).isEqualTo(a.group().name() + " 改");
        assertThat(ctx().groups().get(a.id()).name()).isEqualTo(a.group().name());

        // Discard: moves on, nothing stored
        robot.clickOn(cell(robot, b));
        answerDialog(robot, "Discard");
        waitFor(() -> b.group().name().equals(name.getText()) && selectedIds(t).equals(java.util.List.of(b.id())));
        assertThat(ctx().groups().get(a.id()).name()).isEqualTo(a.group().name());

        // Save: stored, then moves on
        robot.interact(() -> name.setText(b.group().name() + " 改"));
        robot.clickOn(cell(robot, c));
        answerDialog(robot, "Save");
        waitFor(() -> c.group().name().equals(name.getText()) && selectedIds(t).equals(java.util.List.of(c.id())));
        assertThat(ctx().groups().get(b.id()).name()).isEqualTo(b.group().name() + " 改");
    }

    @Test
    void savingOnTheWayToAnotherRowStaysWhenAFieldIsInError(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        GroupRow a = t.getItems().get(0);
        GroupRow b = t.getItems().get(1);
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        robot.clickOn(cell(robot, a));
        waitFor(() -> a.group().name().equals(name.getText()));
        robot.interact(() -> robot.lookup("#memberCountField").queryAs(TextField.class).setText("many"));
        robot.clickOn(cell(robot, b));
        answerDialog(robot, "Save");
        waitFor(() -> robot.lookup("#memberCountError").queryAs(Label.class).isVisible());
        waitFor(() -> selectedIds(t).equals(java.util.List.of(a.id())));
        assertThat(name.getText()).isEqualTo(a.group().name());
        assertThat(robot.lookup("#memberCountField").queryAs(TextField.class).getText()).isEqualTo("many");
        assertThat(ctx().groups().get(a.id()).memberCount()).isEqualTo(a.group().memberCount());

        // New with the edits still there asks too
        robot.clickOn("#newButton");
        answerDialog(robot, "Discard");
        waitFor(() -> name.getText().isEmpty() && t.getSelectionModel().isEmpty());
        assertThat(ctx().groups().get(a.id()).memberCount()).isEqualTo(a.group().memberCount());
    }

    /** The name cell of {@code row} as the operator sees it in the table. */
    private static Node cell(FxRobot robot, GroupRow row) {
        return robot.lookup("#table .table-cell").match((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> tc
                && row.group().name().equals(tc.getText())).query();
    }

    private static java.util.List<Long> selectedIds(TableView<GroupRow> t) {
        return t.getSelectionModel().getSelectedItems().stream().map(GroupRow::id).toList();
    }

    /** Waits for the unsaved-edits question and answers it with {@code button}. */
    private static void answerDialog(FxRobot robot, String button) throws Exception {
        waitFor(() -> robot.lookup("#unsavedEditsDialog").tryQuery().isPresent());
        Button b = robot.lookup("#unsavedEditsDialog .button").match((Node n) -> n instanceof Button x
                && button.equals(x.getText())).queryButton();
        robot.interact(b::fire);
        waitFor(() -> robot.lookup("#unsavedEditsDialog").tryQuery().isEmpty());
    }

    /** Goes to Today with the form edited and answers the question with {@code button}. */
    private void answer(FxRobot robot, String button) throws Exception {
        robot.clickOn("#nav-today");
        waitFor(() -> robot.lookup("#unsavedEditsDialog").tryQuery().isPresent());
        Button b = robot.lookup("#unsavedEditsDialog .button").match((Node n) -> n instanceof Button x
                && button.equals(x.getText())).queryButton();
        robot.interact(b::fire);
        waitFor(() -> robot.lookup("#unsavedEditsDialog").tryQuery().isEmpty());
    }

    @Test
    void splitAnOversizedGroupIntoSubGroups(FxRobot robot) throws Exception {
        TableView<GroupRow> t = table(robot);
        int before = t.getItems().size();
        GroupRow row = t.getItems().stream().filter(r -> r.group().name().equals("SaaS产品经理交流群")).findFirst()
                .orElseThrow();
        robot.interact(() -> t.getSelectionModel().select(row));
        robot.clickOn("#splitButton");
        waitFor(() -> robot.lookup("#splitCount").tryQuery().isPresent());
        Spinner<Integer> count = robot.lookup("#splitCount").queryAs(Spinner.class);
        robot.interact(() -> count.getValueFactory().setValue(3));
        Button ok = robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b
                && "Split".equals(b.getText())).queryButton();
        robot.clickOn(ok);
        waitFor(() -> t.getItems().size() == before + 3);
        assertThat(ctx().groups().list()).filteredOn(g -> row.id() == (g.parentId() == null ? -1 : g.parentId()))
                .extracting(Group::name)
                .contains("SaaS产品经理交流群-1", "SaaS产品经理交流群-2", "SaaS产品经理交流群-3");
    }

    /** The form is taller than the test screen: Save is pressed the way Enter presses the default button. */
    private static void save(FxRobot robot) {
        Button save = robot.lookup("#saveButton").queryButton();
        robot.interact(save::fire);
    }

}
