package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.db.Dialect;
import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.settings.ServerPasswords;
import com.qundesk.testsupport.CapturedLog;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.PostgresServer;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.ui.Theme;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's window on a team workspace with due reminders, logged in as a role that may only read (SELECT on every
 * table, as docs/team-grants.sql gives {@code qundesk_viewer}): it opens, shows Today and the dashboard, and its
 * notification center claims nothing (a claim is a write: before, the reminders' poll was refused at open).
 */
@ExtendWith(ApplicationExtension.class)
class ViewerWindowUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = FxWindows.fresh(stage);
    }

    @AfterEach
    void stop() throws Exception {
        if (window != null) {
            FxWindows.close(window, executor);
            if (window.context() != null) {
                window.context().close();
            }
        }
    }

    @Test
    void aViewersWindowOpensADemoTeamWorkspaceAndClaimsNoReminder(FxRobot robot) throws Exception {
        TestWorkspace w = TestWorkspace.demo(Dialect.POSTGRESQL, temp.resolve("viewer-" + System.nanoTime()));
        ServerAddress owner = ((WorkspaceLocation.Server) w.location).address();
        w.close();
        String role = "viewer_ui_" + owner.database().replaceAll("[^a-z0-9_]", "");
        try (Connection c = DriverManager.getConnection(PostgresServer.get().url(owner.database()),
                PostgresServer.SUPERUSER, ""); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN");
            st.execute("GRANT CONNECT ON DATABASE " + owner.database() + " TO " + role);
            st.execute("GRANT USAGE ON SCHEMA public TO " + role);
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        }
        ServerAddress viewer = new ServerAddress(owner.host(), owner.port(), owner.database(), role, Map.of());
        Path log = w.dir.resolve("qundesk.log");
        try (CapturedLog captured = CapturedLog.to(log)) {
            ServerPasswords none = new ServerPasswords(new PgPassword(Map.of(), w.dir.resolve("no-home")),
                    Optional.empty());
            robot.interact(() -> {
                Theme theme = new Theme();
                theme.apply(Theme.Mode.LIGHT);
                window = new MainWindow(stage, w.paths, w.prefs, theme, executor, w.clock, ViewFactory::new, none);
                window.openWorkspace(new WorkspaceLocation.Server(viewer), false);
            });
            waitFor(() -> window.controller() != null);
            assertThat(window.context().readOnly()).isTrue();
            robot.interact(() -> window.show(Section.DASHBOARD));
            WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS); // the notification center polls at once when it polls
            WaitForAsyncUtils.waitForFxEvents();
            // a refused write is said in an error dialog (a workspace error is not logged): none may be open
            List<String> dialogs = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(win -> win != stage && win.isShowing() && win.getScene() != null)
                    .map(win -> win.getScene().getRoot() instanceof DialogPane d ? d.getContentText() : "a window")
                    .toList()).get(5, TimeUnit.SECONDS);
            assertThat(dialogs).as("dialogs the viewer was shown").isEmpty();
        }
        String logged = Files.readString(log);
        assertThat(logged).as("the log was written").contains(role);
        assertThat(logged).doesNotContain("permission denied").doesNotContain("Operation failed");
        try (var ctx = com.qundesk.workspace.AppContext.open(w.paths, w.prefs, w.location, w.clock)) {
            assertThat(ctx.scheduler().poll()).as("the reminders are still the operators' to have").isNotEmpty();
        }
    }
}
