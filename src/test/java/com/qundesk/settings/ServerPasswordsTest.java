package com.qundesk.settings;

import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a team workspace's password comes from, in order, without a credential store on the machine. */
class ServerPasswordsTest {

    @TempDir
    Path home;

    private final ServerAddress lin = new ServerAddress("db.example.com", 5432, "qundesk", "lin", Map.of());
    private final ServerAddress mei = new ServerAddress("db.example.com", 5432, "qundesk", "mei", Map.of());

    private ServerPasswords passwords(Map<String, String> env) {
        return new ServerPasswords(new PgPassword(env, home), Optional.empty());
    }

    @Test
    void nothingConfiguredNothingTypedIsNoPassword() {
        assertThat(passwords(Map.of()).find(lin)).isEmpty();
    }

    @Test
    void thePasswordFileIsReadForItsServerDatabaseAndUser() throws Exception {
        Files.writeString(home.resolve(".pgpass"), "db.example.com:5432:qundesk:lin:from-pgpass\n");
        ServerPasswords p = passwords(Map.of());
        assertThat(p.find(lin)).contains("from-pgpass");
        assertThat(p.find(mei)).isEmpty();
    }

    @Test
    void pgpasswordComesBeforeThePasswordFile() throws Exception {
        Files.writeString(home.resolve(".pgpass"), "*:*:*:*:from-pgpass\n");
        assertThat(passwords(Map.of("PGPASSWORD", "from-env")).find(lin)).contains("from-env");
    }

    @Test
    void aPasswordTypedThisSessionIsTheLatestWordUntilTheServerRefusesIt() {
        ServerPasswords p = passwords(Map.of("PGPASSWORD", "from-env"));
        boolean stored = p.keep(lin, "typed", true);
        assertThat(stored).as("no credential store: kept for the session only").isFalse();
        assertThat(p.canRemember()).isFalse();
        assertThat(p.find(lin)).contains("typed");
        assertThat(p.find(mei)).as("only for the address it was typed for").contains("from-env");
        p.forget(lin);
        assertThat(p.find(lin)).contains("from-env");
    }

    @Test
    void aNewInstanceKnowsNothingTypedBefore() {
        passwords(Map.of()).keep(lin, "typed", false);
        assertThat(passwords(Map.of()).find(lin)).isEmpty();
    }
}
