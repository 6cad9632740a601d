package com.qundesk.template.ui;

import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.template.Template;
import com.qundesk.testsupport.TestWorkspace;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
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

@ExtendWith(ApplicationExtension.class)
class TemplatesUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private TestWorkspace w;

    @Start
    void start(Stage stage) throws Exception {
        w = TestWorkspace.demo(temp.resolve("templates-" + System.nanoTime()));
        window = FxWindows.open(stage, w, executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void editingSavesANewVersionAndCopyFillsTheGroupsName(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.TEMPLATES));
        ListView<Template> list = robot.lookup("#templateList").queryAs(ListView.class);
        waitFor(() -> list.getItems().size() == 5 && list.getSelectionModel().getSelectedItem() != null);
        Template first = list.getSelectionModel().getSelectedItem();
        TextArea body = robot.lookup("#bodyArea").queryAs(TextArea.class);
        robot.interact(() -> body.setText("欢迎 {group}，群主 {owner}"));
        robot.clickOn("#saveButton");
        waitFor(() -> window.context().templates().list().stream().anyMatch(t -> t.id() == first.id() && t.version() == 2));

        ComboBox<com.qundesk.group.Group> group = robot.lookup("#fillGroup").queryAs(ComboBox.class);
        com.qundesk.group.Group g = group.getItems().stream().filter(x -> x != null && x.owner() != null)
                .findFirst().orElseThrow();
        robot.interact(() -> group.setValue(g));
        robot.clickOn("#copyButton");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo("欢迎 " + g.name() + "，群主 " + g.owner());
    }

    @Test
    void thePlanTemplatesOpenBesideTheMessageTexts(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.TEMPLATES));
        waitFor(() -> robot.lookup("#planTemplatesButton").tryQuery().isPresent());
        javafx.scene.control.Button open = robot.lookup("#planTemplatesButton").queryAs(javafx.scene.control.Button.class);
        javafx.scene.control.DialogPane dialog = com.qundesk.testsupport.OpenDialogs.open(open::fire);
        ListView<?> list = (ListView<?>) dialog.lookup("#templateList");
        waitFor(() -> !list.getItems().isEmpty());
        assertThat(list.getItems().toString()).contains("门店福利群节奏");
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    }
}
