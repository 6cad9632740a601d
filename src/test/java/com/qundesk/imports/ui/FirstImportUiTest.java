package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.imports.chat.RealExports;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.stats.DailyStat;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import view's path for a new user: every exporter's file (each of its own chat) dropped into an empty
 * workspace, "create a group for chats that match none" ticked, Start. Each file ends DONE, each chat gets one group,
 * and each group's daily stats match the count made from the events by the daily-stats definition.
 */
@ExtendWith(ApplicationExtension.class)
class FirstImportUiTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    @org.junit.jupiter.api.io.TempDir
    static Path temp;

    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createDirectories(temp.resolve("qundesk-first-import-ui-" + System.nanoTime()));
        window = FxWindows.openOnEmptyWorkspace(stage, executor, dir.resolve("ws"));
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void everyExporterImportsIntoAnEmptyWorkspaceWithCreateGroups(FxRobot robot) throws Exception {
        Map<RealExports.Exporter, RealExports.Chat> chats = new LinkedHashMap<>();
        List<Path> exports = new ArrayList<>();
        for (RealExports.Exporter e : RealExports.Exporter.values()) {
            RealExports.Chat chat = new RealExports.Chat("55667788" + e.ordinal() + "@chatroom",
                    RealExports.NAME + (e.ordinal() + 1) + "群");
            chats.put(e, chat);
            exports.add(e.write(dir.resolve(e.name()), chat));
        }
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.IMPORT));
        ImportController c = window.controller().importer().orElseThrow();
        assertThat(window.context().groups().list()).isEmpty();
        robot.interact(() -> c.add(exports));

        TableView<PendingFile> files = robot.lookup("#fileTable").queryAs(TableView.class);
        waitFor(() -> files.getItems().size() == exports.size() && files.getItems().stream()
                .noneMatch(f -> f.state() == PendingFile.State.READING));
        CheckBox create = robot.lookup("#createGroupsBox").queryAs(CheckBox.class);
        robot.interact(() -> create.setSelected(true));
        robot.clickOn("#startButton");
        waitFor(() -> files.getItems().stream().allMatch(f -> f.state() == PendingFile.State.DONE
                || f.state() == PendingFile.State.FAILED || f.state() == PendingFile.State.PARTIAL));
        assertThat(files.getItems()).allSatisfy(f -> assertThat(f.state()).as(f.path() + ": "
                + f.statusProperty().get()).isEqualTo(PendingFile.State.DONE));

        List<Group> groups = window.context().groups().list();
        assertThat(groups).hasSize(chats.size());
        for (var e : chats.entrySet()) {
            Group g = groups.stream().filter(x -> e.getValue().id().equals(x.externalId())).findFirst().orElseThrow();
            assertThat(g.name()).isEqualTo(e.getValue().name());
            Map<LocalDate, RealExports.Day> days = new TreeMap<>();
            for (DailyStat s : window.context().ledger().stats(g.id(), LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 11, 30))) {
                if (s.messages() > 0 || s.joins() > 0) {
                    days.put(s.day(), new RealExports.Day(s.messages(), s.speakers(), s.ownerMessages(), s.joins()));
                }
            }
            assertThat(days).as(e.getKey().name())
                    .isEqualTo(RealExports.expected(RealExports.events(), e.getKey().knowsOwner));
        }
    }
}
