package com.qundesk.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerAddressTest {

    @Test
    void readsTheFormsAnOperatorWrites() {
        ServerAddress a = ServerAddress.parse("postgresql://lin@db.example.com/qundesk");
        assertThat(a).isEqualTo(new ServerAddress("db.example.com", 5432, "qundesk", "lin", Map.of()));
        assertThat(ServerAddress.parse("jdbc:postgresql://lin@10.0.0.5:6543/team?sslmode=verify-full"))
                .isEqualTo(new ServerAddress("10.0.0.5", 6543, "team", "lin", Map.of("sslmode", "verify-full")));
        assertThat(ServerAddress.parse("postgres://db/team?user=wang").user()).isEqualTo("wang");
        assertThat(ServerAddress.parse("postgresql://%E6%9E%97@db/%E7%BE%A4").user()).isEqualTo("林");
    }

    @Test
    void jdbcUrlAndDisplayCarryNoPassword() {
        ServerAddress a = ServerAddress.parse("postgresql://lin@db:6543/team?sslmode=require");
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/team?sslmode=require");
        assertThat(a.display()).isEqualTo("postgresql://lin@db:6543/team");
        assertThat(ServerAddress.parse("postgresql://lin@db/team").display()).isEqualTo("postgresql://lin@db/team");
    }

    @Test
    void aPasswordInTheAddressIsRefusedSoItNeverReachesAHistoryOrALog() {
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://lin:secret@db/team"))
                .isInstanceOf(WorkspaceException.class).hasMessageNotContaining("secret")
                .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.passwordInAddress");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://lin@db/team?password=secret"))
                .isInstanceOf(WorkspaceException.class).hasMessageNotContaining("secret");
    }

    @Test
    void malformedAddressesAndUnknownParametersAreSaidAsSuch() {
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://db"))
                .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverAddress");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://db:99999/x"))
                .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverAddress");
        assertThatThrownBy(() -> ServerAddress.parse("postgresql://db/x?socketFactory=evil"))
                .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverParameter");
    }

    @Test
    void aLocationIsAServerOnlyWhenItSaysSo() {
        assertThat(WorkspaceLocation.of("postgresql://lin@db/team")).isInstanceOf(WorkspaceLocation.Server.class);
        assertThat(WorkspaceLocation.of("JDBC:PostgreSQL://lin@db/team")).isInstanceOf(WorkspaceLocation.Server.class);
        assertThat(WorkspaceLocation.of("群/postgresql.qundesk")).isInstanceOf(WorkspaceLocation.LocalFile.class);
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrThePasswordFileAsPsqlFindsIt(@TempDir Path home) throws Exception {
        ServerAddress a = ServerAddress.parse("postgresql://lin@db.example.com/team");
        assertThat(new PgPassword(Map.of("PGPASSWORD", "env"), home).lookup(a)).contains("env");
        assertThat(new PgPassword(Map.of(), home).lookup(a)).isEmpty();
        Files.writeString(home.resolve(".pgpass"), """
                # host:port:database:user:password
                other:5432:*:lin:no
                db.example.com:5432:team:wang:no
                db.example.com:*:team:lin:pa\\:ss\\\\word
                *:*:*:*:fallback
                """);
        assertThat(new PgPassword(Map.of(), home).lookup(a)).contains("pa:ss\\word");
        assertThat(new PgPassword(Map.of(), home).lookup(ServerAddress.parse("postgresql://zhao@x/y"))).contains("fallback");
        Path elsewhere = home.resolve("team.pgpass");
        Files.writeString(elsewhere, "*:*:team:lin:fromfile\n");
        assertThat(new PgPassword(Map.of("PGPASSFILE", elsewhere.toString()), home).lookup(a)).contains("fromfile");
    }
}
