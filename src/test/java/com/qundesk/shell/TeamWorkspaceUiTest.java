package com.qundesk.shell;

import com.qundesk.app.ViewFactory;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.settings.ServerPasswords;
import com.qundesk.testsupport.CapturedLog;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.OpenDialogs;
import com.qundesk.testsupport.PostgresServer;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.testsupport.TextAudit;
import com.qundesk.ui.Theme;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window on a team workspace, headless, against the tests' own PostgreSQL server: the title and the status bar
 * say which workspace and which operator, Backups is disabled with its reason, a refused server leaves the window on
 * the workspace it had, and the connect dialog tests and opens a server's workspace.
 */
@ExtendWith(ApplicationExtension.class)
class TeamWorkspaceUiTest {

    @TempDir
    static Path temp;

    private static PostgresServer.Database team;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private Stage stage;
    private Theme theme;
    private MainWindow window;
    private TestWorkspace w;

    @Start
    void start(Stage stage) {
        this.stage = FxWindows.fresh(stage);
        theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
    }

    @BeforeEach
    void workspaces() {
        if (team == null) {
            team = PostgresServer.workspace(TeamWorkspaceUiTest.class);
        }
        w = new TestWorkspace(temp.resolve("team-" + System.nanoTime()));
        w.close();
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
        if (window.context() != null) {
            window.context().close();
        }
    }

    /** The window with psql's password sources empty (no PGPASSWORD, no ~/.pgpass) and no credential store. */
    private MainWindow window(ServerPasswords passwords) {
        return new MainWindow(stage, w.paths, w.prefs, theme, executor, w.clock, ViewFactory::new, passwords);
    }

    private ServerPasswords noPasswords() {
        return new ServerPasswords(new PgPassword(Map.of(), w.dir.resolve("no-home")), Optional.empty());
    }

    @Test
    void aTeamWorkspaceSaysWhereAndWhoAndItsBackupsAreTheServers(FxRobot robot) throws Exception {
        window = window(noPasswords());
        WorkspaceLocation server = new WorkspaceLocation.Server(team.address());
        robot.interact(() -> window.openWorkspace(server, false));
        waitFor(() -> window.controller() != null);

        String where = team.name() + "@127.0.0.1";
        assertThat(stage.getTitle()).isEqualTo("QunDesk — " + where + " · postgres");
        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText())
                .isEqualTo("Team workspace " + where + " · operator postgres");
        assertThat(w.prefs.get(UserPrefs.LAST_WORKSPACE)).contains(team.address().display());

        robot.interact(() -> window.show(Section.SETTINGS));
        waitFor(() -> robot.lookup("#backupNowButton").tryQuery().isPresent());
        for (String id : new String[] {"#backupNowButton", "#restoreFileButton", "#restoreButton", "#saveKeepButton"}) {
            assertThat(robot.lookup(id).queryButton().isDisabled()).as(id).isTrue();
        }
        assertThat(robot.lookup("#hint").queryAs(Label.class).getText())
                .startsWith("A team workspace is backed up by its server");
        assertThat(robot.lookup("#workspacePath").queryAs(Label.class).getText()).isEqualTo(team.address().display());

        // the status bar says it whole in a laptop's 1280 px window, in both languages (the test JVM's one stage may
        // be wider, left so by another test: the text's own width is what is measured)
        for (String language : new String[] {"en", "zh"}) {
            w.prefs.put(UserPrefs.LANGUAGE, language);
            robot.interact(window::reloadUi);
            waitFor(() -> robot.lookup("#workspaceLabel").tryQuery().isPresent());
            TextAudit audit = new TextAudit("zh".equals(language), List.of(where, "postgres"));
            Parent statusBar = robot.lookup(".status-bar").query();
            robot.interact(() -> audit.audit("status bar", statusBar));
            assertThat(audit.findings()).as(language).isEmpty();
            assertThat(statusBar.prefWidth(-1)).as(language)
                    .isLessThanOrEqualTo(Math.min(1280, statusBar.getLayoutBounds().getWidth()));
        }
        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText())
                .isEqualTo("团队工作区 " + where + " · 操作员 postgres");
        assertThat(stage.getTitle()).isEqualTo("群台 QunDesk — " + where + " · postgres");
    }

    @Test
    void aServerThatCannotBeReachedIsSaidAndTheWindowStaysOnItsWorkspace(FxRobot robot) throws Exception {
        window = window(noPasswords());
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> window.controller() != null);
        var before = window.context();
        String title = stage.getTitle();

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServerAddress nowhere = new ServerAddress("127.0.0.1", closedPort, "qundesk", "lin", Map.of());
        DialogPane error = OpenDialogs.open(() -> window.openWorkspace(new WorkspaceLocation.Server(nowhere), false));

        assertThat(error.getContentText()).startsWith("Cannot reach the team workspace " + nowhere.display())
                .contains("Check the network connection and the address");
        OpenDialogs.cancel(error);
        assertThat(window.context()).isSameAs(before);
        assertThat(before.database().isClosed()).isFalse();
        assertThat(stage.getTitle()).isEqualTo(title);
        assertThat(robot.lookup("#workspaceLabel").queryAs(Label.class).getText())
                .isEqualTo("Workspace: " + w.file.toAbsolutePath());
        assertThat(w.prefs.get(UserPrefs.LAST_WORKSPACE)).contains(w.file.toAbsolutePath().toString());
    }

    @Test
    void startedOnAServerOutOfReachTheWindowOffersTheFileOnThisPcAndTheConnectDialog(FxRobot robot) throws Exception {
        window = window(noPasswords());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ServerAddress nowhere = new ServerAddress("127.0.0.1", closedPort, "qundesk", "lin", Map.of());
        DialogPane error = OpenDialogs.open(() -> window.openWorkspace(new WorkspaceLocation.Server(nowhere), false));
        OpenDialogs.cancel(error);
        assertThat(window.context()).isNull();
        Button connect = robot.lookup("#connectServerButton").queryButton();
        DialogPane dialog = OpenDialogs.open(connect::fire);
        assertThat(field(dialog, "#portField").getText()).isEqualTo("5432");
        OpenDialogs.cancel(dialog);

        robot.interact(() -> robot.lookup("#openDefaultWorkspaceButton").queryButton().fire());
        waitFor(() -> window.controller() != null);
        assertThat(window.context().location()).isEqualTo(WorkspaceLocation.of(w.paths.defaultWorkspace()));
    }

    @Test
    void theConnectDialogTestsTheServerAndConnects(FxRobot robot) throws Exception {
        window = window(noPasswords());
        robot.interact(() -> window.open(w.file, false));
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.SETTINGS));
        Button connect = robot.lookup("#connectServerButton").queryButton();
        DialogPane dialog = OpenDialogs.open(connect::fire);

        robot.interact(() -> {
            field(dialog, "#hostField").setText("127.0.0.1");
            field(dialog, "#portField").setText("not a port");
            field(dialog, "#databaseField").setText(team.name());
            field(dialog, "#userField").setText("postgres");
            ((Button) dialog.lookup("#testButton")).fire();
        });
        Label result = (Label) dialog.lookup("#testResult");
        assertThat(result.getText()).startsWith("The port is a number from 1 to 65535");

        robot.interact(() -> {
            field(dialog, "#portField").setText(Integer.toString(team.port()));
            ((Button) dialog.lookup("#testButton")).fire();
        });
        waitFor(() -> result.getText().startsWith("Connected"));
        assertThat(result.getText()).isEqualTo("Connected as postgres, schema version " + com.qundesk.db.Database.latestSchemaVersion() + ".");
        assertThat(window.context().location()).isInstanceOf(WorkspaceLocation.LocalFile.class);

        robot.interact(() -> ((Button) dialog.lookupButton(
                OpenDialogs.type(dialog, ButtonBar.ButtonData.OK_DONE, 0))).fire());
        waitFor(() -> window.context().location() instanceof WorkspaceLocation.Server);
        assertThat(window.context().location().display()).isEqualTo(team.address().display());
        assertThat(window.context().operator()).isEqualTo("postgres");
    }

    @Test
    void theFirstConnectAsksTheOperatorsNameOnceAndTheStatusBarShowsIt(FxRobot robot) throws Exception {
        String role = "qd_zhou_" + System.nanoTime();
        try (Connection c = team.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN SUPERUSER");
        }
        window = window(noPasswords());
        ServerAddress address = new ServerAddress("127.0.0.1", team.port(), team.name(), role, Map.of());
        DialogPane ask = OpenDialogs.open(() -> window.openWorkspace(new WorkspaceLocation.Server(address), false));
        TextField name = (TextField) ask.lookup("#teamNameField");
        assertThat(name.getText()).as("prefilled with the login").isEqualTo(role);
        robot.interact(() -> name.setText("周舟"));
        robot.interact(() -> ((Button) ask.lookupButton(OpenDialogs.type(ask, ButtonBar.ButtonData.OK_DONE, 0)))
                .fire());

        waitFor(() -> "周舟".equals(window.context().operators().displayNames().get(role)));
        Label status = robot.lookup("#workspaceLabel").queryAs(Label.class);
        waitFor(() -> status.getText().endsWith("operator 周舟"));
        waitFor(() -> stage.getTitle().endsWith(" · 周舟"));
        assertThat(TeamLogin.shouldAskName(w.prefs, window.context())).as("asked once").isFalse();
        assertThat(w.prefs.get("askedName." + address.display())).isPresent();
    }

    @Test
    void aPasswordNoneOfPsqlsSourcesHasIsAskedAndNeverWrittenToTheSettingsOrTheLog(FxRobot robot) throws Exception {
        String role = "qd_lin_" + System.nanoTime();
        String secret = "Tr0ub4dor-" + System.nanoTime();
        try (Connection c = team.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + secret + "'");
            // the test server trusts every local login: this role alone must give its password
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            st.execute("SELECT pg_reload_conf()");
        }
        Path log = w.dir.resolve("qundesk.log");
        try (CapturedLog captured = CapturedLog.to(log)) {
            window = window(noPasswords());
            ServerAddress address = new ServerAddress("127.0.0.1", team.port(), team.name(), role, Map.of());
            DialogPane ask = OpenDialogs.open(() -> window.openWorkspace(new WorkspaceLocation.Server(address), false));
            assertThat(((Label) ask.lookup("#connectNote")).getText()).isEqualTo("The server " + address.display()
                    + " asks for a password that neither PGPASSWORD nor ~/.pgpass has. Type it below.");
            assertThat(field(ask, "#userField").getText()).isEqualTo(role);
            assertThat(field(ask, "#databaseField").getText()).isEqualTo(team.name());

            // a wrong password: the server's refusal is said, and not asked again in a loop
            robot.interact(() -> password(ask).setText("wrong-" + secret));
            DialogPane refused = OpenDialogs.pressAndOpen(ask, OpenDialogs.type(ask, ButtonBar.ButtonData.OK_DONE, 0));
            assertThat(refused.getContentText()).startsWith("The server at " + address.display()
                    + " refused the login of " + role);
            OpenDialogs.cancel(refused);
            assertThat(window.context()).isNull();

            DialogPane again = OpenDialogs.open(() -> window.openWorkspace(new WorkspaceLocation.Server(address), false));
            robot.interact(() -> password(again).setText(secret));
            robot.interact(() -> ((Button) again.lookupButton(
                    OpenDialogs.type(again, ButtonBar.ButtonData.OK_DONE, 0))).fire());
            waitFor(() -> window.controller() != null);
            assertThat(window.context().operator()).isEqualTo(role);
            assertThat(stage.getTitle()).endsWith(" · " + role);
            robot.interact(() -> window.saveState());
        }
        assertThat(new UserPrefs(w.paths.prefsFile()).get(UserPrefs.LAST_WORKSPACE)).contains(address(role));
        assertThat(Files.readString(w.paths.prefsFile())).doesNotContain(secret);
        String logged = Files.readString(log);
        assertThat(logged).as("the log was written").contains(role);
        assertThat(logged).doesNotContain(secret);
    }

    private static String address(String role) {
        return new ServerAddress("127.0.0.1", team.port(), team.name(), role, Map.of()).display();
    }

    static TextField field(DialogPane pane, String id) {
        return (TextField) pane.lookup(id);
    }

    static PasswordField password(DialogPane pane) {
        return (PasswordField) pane.lookup("#passwordField");
    }
}
