package com.qundesk.group.ui;

import com.qundesk.group.Group;
import com.qundesk.group.Purpose;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.TestWorkspace;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry import dialog on a sheet without a purpose column: Import stays disabled until the operator says what
 * the groups are for, then every group gets that purpose and the sheet's creation date.
 */
@ExtendWith(ApplicationExtension.class)
class RegistryImportDialogUiTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private Stage stage;
    @org.junit.jupiter.api.io.TempDir
    static Path temp;

    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createDirectories(temp.resolve("qundesk-registry-ui-" + System.nanoTime()));
        window = FxWindows.openOnEmptyWorkspace(stage, executor, dir.resolve("ws"));
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void aSheetWithoutPurposesAsksForOneAndKeepsItsCreationDates(FxRobot robot) throws Exception {
        Path sheet = dir.resolve("老表格.csv");
        Files.writeString(sheet, "群名称,群人数,建群时间\n老客户一群,420,2024-05-20\n老客户二群,380,2024-06-01\n");
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.GROUPS));
        RegistryImportDialog dialog = new RegistryImportDialog(window.view(), window.context().registryImporter(),
                window.context().registryExporter());
        robot.interact(() -> dialog.importFile(stage, sheet, () -> { }));
        waitFor(() -> robot.lookup("#registryImportOk").tryQuery().isPresent());
        Node ok = robot.lookup("#registryImportOk").query();
        assertThat(ok.isDisabled()).as("no purpose chosen yet").isTrue();

        ComboBox<Purpose> purpose = robot.lookup("#registryDefaultPurpose").queryAs(ComboBox.class);
        robot.interact(() -> purpose.setValue(Purpose.SERVICE));
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);

        waitFor(() -> window.context().groups().list().size() == 2);
        for (Group g : window.context().groups().list()) {
            assertThat(g.purpose()).isEqualTo(Purpose.SERVICE);
        }
        Group first = window.context().groups().list().stream().filter(g -> g.name().equals("老客户一群"))
                .findFirst().orElseThrow();
        assertThat(first.createdAt().atZone(TestWorkspace.ZONE).toLocalDate()).isEqualTo(LocalDate.of(2024, 5, 20));
    }
}
