package com.qundesk.backup.ui;

import com.qundesk.app.ViewFactory;
import com.qundesk.workspace.AppContext;
import com.qundesk.backup.BackupInfo;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.ui.Theme;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import com.qundesk.testsupport.FxWindows;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Settings › Backups, the About box, and a window refused because another QunDesk has the workspace — headless. */
@ExtendWith(ApplicationExtension.class)
class BackupsUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private MainWindow window;
    private TestWorkspace w;

    @Start
    void start(Stage stage) throws Exception {
        w = new TestWorkspace(temp.resolve("backups-" + System.nanoTime()));
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(com.qundesk.testsupport.FxWindows.fresh(stage), w.paths, w.prefs,
                theme, executor, w.clock, ViewFactory::new);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    void backUpNowAddsARowAndAboutStatesThePrivacyPromises(FxRobot robot) throws Exception {
        w.close();
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> window.controller() != null);
        // the backup taken when the workspace opened
        waitFor(() -> window.context().backups().list().size() == 1);
        robot.interact(() -> window.show(Section.SETTINGS));
        TableView<BackupInfo> table = robot.lookup("#backupTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);

        // the Backups section is at the bottom of Settings: scroll down to it, as the operator does
        robot.interact(() -> robot.lookup(".settings-view").queryAs(ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#backupNowButton");

        waitFor(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(BackupInfo::file)
                .containsExactlyElementsOf(window.context().backups().list().stream().map(BackupInfo::file).toList());
        assertThat(robot.lookup("#backupMessage").queryLabeled().getText()).startsWith("Backup taken: workspace-");
        assertThat(robot.lookup("#keepField").queryTextInputControl().getText()).isEqualTo("10");

        robot.clickOn("#aboutLink");
        waitFor(() -> robot.lookup("#aboutPrivacy").tryQuery().isPresent());
        String privacy = robot.lookup("#aboutPrivacy").queryLabeled().getText();
        assertThat(privacy).contains("stays on this PC").contains("no network connections")
                .contains("never the contents of messages").contains("can be read only by you");
        assertThat(robot.lookup("#aboutWorkspace").queryTextInputControl().getText())
                .isEqualTo(w.file.toAbsolutePath().toString());
        assertThat(robot.lookup("#aboutDataFolder").queryTextInputControl().getText())
                .isEqualTo(w.paths.dataDir().toAbsolutePath().toString());
        robot.interact(() -> robot.lookup("#aboutPrivacy").query().getScene().getWindow().hide());
    }

    @Test
    void restoringTheSelectedBackupAsksFirstThenReopensTheWorkspaceOnIt(FxRobot robot) throws Exception {
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "A", Purpose.FAN, GroupKind.LONG_TERM));
        w.close();
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> window.controller() != null);
        waitFor(() -> window.context().backups().list().size() == 1);
        AppContext before = window.context();
        before.groups().create(Group.draft(Platform.WECHAT, "B", Purpose.FAN, GroupKind.LONG_TERM));
        robot.interact(() -> window.show(Section.SETTINGS));
        robot.interact(() -> robot.lookup(".settings-view").queryAs(ScrollPane.class).setVvalue(1.0));
        TableView<BackupInfo> table = robot.lookup("#backupTable").queryTableView();
        waitFor(() -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));

        robot.clickOn("#restoreButton");
        waitFor(() -> dialogText(robot).isPresent());
        assertThat(dialogText(robot).orElseThrow()).contains(w.file.toAbsolutePath().toString())
                .contains(table.getItems().getFirst().file().toString());
        robot.clickOn("Replace with the backup");

        waitFor(() -> window.view() != null && window.context() != before && window.controller() != null);
        assertThat(before.database().isClosed()).isTrue();
        assertThat(window.context().groups().list()).extracting(Group::name).containsExactly("A");
        assertThat(window.context().backups().list()).extracting(BackupInfo::kind)
                .contains(BackupInfo.Kind.BEFORE_RESTORE);
        robot.interact(() -> robot.lookup(".dialog-pane").queryAll().forEach(n -> n.getScene().getWindow().hide()));
    }

    @Test
    void aWindowOnAWorkspaceAnotherQunDeskHoldsSaysSoInADialog(FxRobot robot) throws Exception {
        // w.ctx stays open: it is "the other QunDesk"
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> dialogText(robot).isPresent());
        assertThat(dialogText(robot).orElseThrow()).isEqualTo(w.file.toAbsolutePath()
                + " is open in another QunDesk window (PID " + ProcessHandle.current().pid()
                + "). Close it first, or open a copy.");
        assertThat(window.controller()).isNull();
        assertThat(w.ctx.groups().list()).isEmpty();
        robot.interact(() -> robot.lookup(".dialog-pane").query().getScene().getWindow().hide());
    }

    @Test
    void aDamagedWorkspaceIsSaidSoWithOneButtonThatRestoresTheNewestIntactBackup(FxRobot robot) throws Exception {
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "A", Purpose.FAN, GroupKind.LONG_TERM));
        w.ctx.backups().backupNow();
        w.ctx.database().withConnection(c -> {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
        w.close();
        try (FileChannel ch = FileChannel.open(w.file, StandardOpenOption.WRITE)) {
            byte[] junk = new byte[4096 * 4];
            new Random(13).nextBytes(junk);
            ch.write(ByteBuffer.wrap(junk), 4096 * 2);
        }

        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> dialogText(robot).isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("This workspace is damaged");
        assertThat(dialogText(robot).orElseThrow()).contains("is damaged: SQLite\u2019s quick check found broken pages")
                .contains("The newest intact backup is workspace-");
        // nothing cut off, nothing in the other language (the file names are data)
        com.qundesk.testsupport.TextAudit audit = new com.qundesk.testsupport.TextAudit(false, List.of());
        audit.audit("damaged workspace dialog", robot.lookup(".dialog-pane").queryAs(DialogPane.class));
        assertThat(audit.findings()).isEmpty();
        robot.clickOn("Restore");

        waitFor(() -> window.controller() != null && window.view() != null);
        assertThat(window.context().groups().list()).extracting(Group::name).containsExactly("A");
        assertThat(window.context().backups().list()).extracting(BackupInfo::kind)
                .contains(BackupInfo.Kind.BEFORE_RESTORE);
    }

    private static Optional<String> dialogText(FxRobot robot) {
        return robot.lookup(".dialog-pane").tryQuery().map(n -> ((DialogPane) n).getContentText());
    }

}
