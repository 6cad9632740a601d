package com.qundesk.app;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void aSubcommandOrHelpRunsTheCommandLine() {
        assertThat(Launcher.isCli(new String[]{"groups", "list"})).isTrue();
        assertThat(Launcher.isCli(new String[]{"--workspace", "w", "import", "chat", "f.csv"})).isTrue();
        assertThat(Launcher.isCli(new String[]{"--help"})).isTrue();
    }
}
