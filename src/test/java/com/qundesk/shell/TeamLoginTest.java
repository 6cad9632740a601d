package com.qundesk.shell;

import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the window remembers of a workspace, and which refusals a password may answer. */
class TeamLoginTest {

    @Test
    void theRememberedWorkspaceReadsBackWithItsSslmodeAndNoPassword() {
        WorkspaceLocation server = new WorkspaceLocation.Server(new ServerAddress("db.example.com", 5433, "qundesk",
                "lin", Map.of("sslmode", "verify-full")));
        String kept = TeamLogin.remembered(server);
        assertThat(kept).isEqualTo("postgresql://lin@db.example.com:5433/qundesk?sslmode=verify-full");
        assertThat(WorkspaceLocation.of(kept)).isEqualTo(server);
        Path file = Path.of("work", "my.qundesk");
        assertThat(WorkspaceLocation.of(TeamLogin.remembered(WorkspaceLocation.of(file))))
                .isEqualTo(WorkspaceLocation.of(file.toAbsolutePath()));
    }

    @Test
    void aLoginRefusalOrAMissingPasswordMayBeAnsweredWithAPasswordAnUnreachableServerNot() {
        assertThat(TeamLogin.needsPassword(new WorkspaceException("workspace.error.serverLogin", null, "a", "lin")))
                .isTrue();
        SQLException noPassword = new SQLException(
                "The server requested SCRAM-based authentication, but no password was provided.", "08004");
        assertThat(TeamLogin.needsPassword(new WorkspaceException("workspace.error.serverUnreachable", noPassword,
                "a", noPassword.getMessage()))).isTrue();
        SQLException refused = new SQLException("Connection to 127.0.0.1:1 refused.", "08001");
        assertThat(TeamLogin.needsPassword(new WorkspaceException("workspace.error.serverUnreachable", refused,
                "a", refused.getMessage()))).isFalse();
        assertThat(TeamLogin.needsPassword(new WorkspaceException("workspace.error.serverNoDatabase", null, "a", "q")))
                .isFalse();
    }
}
