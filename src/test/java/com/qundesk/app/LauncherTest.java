package com.qundesk.app;

import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which arguments open the window and which run the command line. */
class LauncherTest {

    @Test
    void workspaceAndImportOptionsOpenTheWindow() {
        assertThat(Launcher.isCli(new String[]{})).isFalse();
        assertThat(Launcher.isCli(new String[]{"--workspace", "w.qundesk"})).isFalse();
        assertThat(Launcher.isCli(new String[]{"--workspace", "w.qundesk", "--import", "exports", "--import=a.csv"}))
                .isFalse();
        assertThat(Launcher.importArgs(List.of("--workspace", "w", "--import", "exports", "--import=a.csv")))
                .containsExactly("exports", "a.csv");
        assertThat(Launcher.workspaceArg(List.of("--import", "x", "--workspace", "w"))).isEqualTo("w");
    }

    @Test
    void theWindowOpensAServerAddressGivenOrRememberedAndFallsBackToTheDefaultFile(@TempDir Path dir) {
        AppPaths paths = new AppPaths(dir);
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        String[] args = {"--workspace", "postgresql://lin@db.example.com:5433/qundesk?sslmode=require"};
        assertThat(Launcher.isCli(args)).isFalse();
        WorkspaceLocation given = QunDeskApp.location(Launcher.workspaceArg(List.of(args)), prefs, paths);
        assertThat(given).isEqualTo(new WorkspaceLocation.Server(new ServerAddress("db.example.com", 5433, "qundesk",
                "lin", Map.of("sslmode", "require"))));
        assertThat(QunDeskApp.location("jdbc:postgresql://lin@db.example.com/qundesk", prefs, paths))
                .isInstanceOf(WorkspaceLocation.Server.class);

        assertThat(QunDeskApp.location(null, prefs, paths)).isEqualTo(new WorkspaceLocation.LocalFile(
                paths.defaultWorkspace()));
        prefs.put(UserPrefs.LAST_WORKSPACE, "postgresql://mei@db.example.com/team");
        assertThat(QunDeskApp.location(null, prefs, paths).display()).isEqualTo("postgresql://mei@db.example.com/team");
        prefs.put(UserPrefs.LAST_WORKSPACE, "postgresql://mei:secret@db.example.com/team");
        assertThat(QunDeskApp.location(null, prefs, paths)).as("a password in the address is refused")
                .isEqualTo(new WorkspaceLocation.LocalFile(paths.defaultWorkspace()));
    }

    @Test
    void aSubcommandOrHelpRunsTheCommandLine() {
        assertThat(Launcher.isCli(new String[]{"groups", "list"})).isTrue();
        assertThat(Launcher.isCli(new String[]{"--workspace", "w", "import", "chat", "f.csv"})).isTrue();
        assertThat(Launcher.isCli(new String[]{"--help"})).isTrue();
    }
}
