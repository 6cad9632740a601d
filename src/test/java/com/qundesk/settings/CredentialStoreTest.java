package com.qundesk.settings;

import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team workspace's password remembered in the OS's credential store on Linux, through the app's own code: stored,
 * read back by a later start, forgotten when the server refuses it. When {@code secret-tool}, {@code dbus-daemon} and
 * {@code gnome-keyring-daemon} are installed the test runs against a REAL Secret Service: a private session bus and a
 * fresh, unlocked keyring in a temporary home (the machine's own keyring is not touched). Otherwise (CI) a script on a
 * temporary PATH stands in for {@code secret-tool} and checks the command contract: the password on standard input,
 * never in the arguments ({@code -Dqundesk.test.secretService=stand-in} asks for it where the real one is there). It
 * says which it ran on standard output. macOS's {@code security} and Windows' Credential
 * Manager cannot run here; the layout of Windows' CREDENTIALW is checked against Microsoft's documented offsets.
 */
class CredentialStoreTest {

    @TempDir
    Path dir;

    private final ServerAddress lin = new ServerAddress("db.example.com", 5432, "qundesk", "lin", Map.of());
    private final ServerAddress wang = new ServerAddress("db.example.com", 5432, "qundesk", "wang", Map.of());
    private final List<Process> started = new ArrayList<>();
    private Path tool;
    private boolean real;

    @BeforeEach
    void aSecretTool() throws Exception {
        Optional<Path> secretTool = SecretTool.onPath(System.getenv("PATH"));
        Optional<Path> dbus = onPath("dbus-daemon");
        Optional<Path> keyring = onPath("gnome-keyring-daemon");
        boolean standInAsked = "stand-in".equals(System.getProperty("qundesk.test.secretService"));
        if (secretTool.isPresent() && dbus.isPresent() && keyring.isPresent() && !standInAsked) {
            tool = realSecretService(secretTool.get(), dbus.get(), keyring.get());
            real = true;
            System.out.println("CredentialStoreTest: ran against a real Secret Service (gnome-keyring on a private bus)");
        } else {
            tool = standIn();
            System.out.println("CredentialStoreTest: ran against a stand-in script for secret-tool (the command contract "
                    + "only; " + (standInAsked ? "asked for" : "no secret-tool, dbus-daemon and gnome-keyring-daemon here")
                    + ")");
        }
    }

    @AfterEach
    void stopTheBus() throws InterruptedException {
        // and wait until they are gone: a keyring still shutting down wrote into the temporary home while JUnit was
        // deleting it ("Failed to delete temp directory … home/run", seen once in a full run)
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private ServerPasswords passwords() {
        return new ServerPasswords(new PgPassword(Map.of(), dir.resolve("no-home")), Optional.of(new SecretTool(tool)));
    }

    @Test
    void aRememberedPasswordIsStoredReadBackByTheNextStartAndForgottenWhenRefused() throws Exception {
        String password = "密码 with spaces, \"quotes\" and a trailing space ";
        assertThat(passwords().canRemember()).isTrue();
        assertThat(passwords().keep(lin, password, true)).as("went into the credential store").isTrue();

        ServerPasswords nextStart = passwords();
        assertThat(nextStart.find(lin)).as("read back exactly, by a new instance").contains(password);
        assertThat(nextStart.find(wang)).as("kept for its own address only").isEmpty();

        nextStart.forget(lin); // the server could not be reached: a remembered password stays
        assertThat(passwords().find(lin)).contains(password);
        nextStart.refused(lin);
        assertThat(passwords().find(lin)).as("refused by the server: forgotten in the store too").isEmpty();
        nextStart.refused(lin); // nothing kept: no error
        assertThat(new SecretTool(tool).delete(CredentialStore.account(lin))).isTrue();

        assertThat(passwords().keep(wang, "not remembered", false)).isFalse();
        assertThat(passwords().find(wang)).as("not ticked: this session only").isEmpty();
        if (!real) {
            String argv = Files.readString(dir.resolve("store/argv"));
            assertThat(argv).as("the arguments the stand-in got").contains("store --label=QunDesk lin@db.example.com:5432/qundesk "
                    + "service QunDesk account lin@db.example.com:5432/qundesk").contains("lookup service QunDesk account")
                    .contains("clear service QunDesk account").doesNotContain("密码").doesNotContain("not remembered");
        }
    }

    @Test
    void aStoreThatCannotBeAskedGivesNoPasswordAndKeepsNone() throws Exception {
        Path broken = Files.writeString(dir.resolve("secret-tool"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        ServerPasswords p = new ServerPasswords(new PgPassword(Map.of(), dir), Optional.of(new SecretTool(broken)));
        assertThat(p.keep(lin, "pw", true)).isFalse();
        assertThat(p.find(lin)).as("the session still has it").contains("pw");
        assertThat(new ServerPasswords(new PgPassword(Map.of(), dir), Optional.of(new SecretTool(broken))).find(lin))
                .isEmpty();
    }

    @Test
    void windowsCredentialLayoutIsTheDocumentedOne() {
        // wincred.h on 64-bit Windows: CREDENTIALW is 80 bytes; the blob pointer after a DWORD size and 4 bytes of padding
        assertThat(WindowsCredentials.CREDENTIAL.byteSize()).isEqualTo(80);
        assertThat(offset("TargetName")).isEqualTo(8);
        assertThat(offset("CredentialBlobSize")).isEqualTo(32);
        assertThat(offset("CredentialBlob")).isEqualTo(40);
        assertThat(offset("Persist")).isEqualTo(48);
        assertThat(offset("UserName")).isEqualTo(72);
        assertThat(WindowsCredentials.target(CredentialStore.account(lin))).isEqualTo("QunDesk:lin@db.example.com:5432/qundesk");
    }

    private static long offset(String field) {
        return WindowsCredentials.CREDENTIAL.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    private static Optional<Path> onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Optional.of(Path.of(d, name));
            }
        }
        return Optional.empty();
    }

    /** A script that keeps secrets in files, as secret-tool's store, lookup and clear behave, logging its arguments. */
    private Path standIn() throws IOException {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path script = Files.writeString(dir.resolve("secret-tool"), """
                #!/bin/sh
                # stands in for libsecret's secret-tool: store (secret on stdin), lookup, clear
                echo "$@" >> '%1$s/argv'
                verb=$1; shift
                [ "$verb" = store ] && shift
                key='%1$s/'$(printf '%%s' "$*" | tr -c 'A-Za-z0-9' '_')
                case $verb in
                  store) cat > "$key" ;;
                  lookup) [ -f "$key" ] && cat "$key" || exit 1 ;;
                  clear) [ -f "$key" ] || exit 1; rm -f "$key" ;;
                  *) exit 2 ;;
                esac
                """.formatted(store));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /**
     * A private session bus and gnome-keyring's Secret Service on it with a new keyring unlocked by a throwaway
     * password, in a temporary home; the returned script runs the real secret-tool on that bus.
     */
    private Path realSecretService(Path secretTool, Path dbusDaemon, Path keyringDaemon) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(home.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder bus = new ProcessBuilder(dbusDaemon.toString(), "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // what the bus starts on demand (the keyring, were it not yet up) lives in the temporary home too
        bus.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        bus.environment().put("HOME", home.toString());
        bus.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        Process busProcess = bus.start();
        started.add(busProcess);
        String address = new java.io.BufferedReader(new java.io.InputStreamReader(busProcess.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        assertThat(address).as("the private bus's address").isNotBlank();

        ProcessBuilder keyring = new ProcessBuilder(keyringDaemon.toString(), "--foreground", "--unlock",
                "--components=secrets").redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = keyring.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        Process keyringProcess = keyring.start();
        started.addFirst(keyringProcess);
        try (var in = keyringProcess.getOutputStream()) {
            in.write("throwaway".getBytes(StandardCharsets.UTF_8));
        }
        Path script = Files.writeString(dir.resolve("secret-tool"), """
                #!/bin/sh
                DBUS_SESSION_BUS_ADDRESS='%s' exec '%s' "$@"
                """.formatted(address, secretTool));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        // the keyring is ready once a lookup is answered (not found) rather than failing to reach the service
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Process probe = new ProcessBuilder(script.toString(), "search", "service", "QunDesk")
                    .redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0 && !said.contains("rror")) {
                return script;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gnome-keyring did not come up on the private bus");
    }
}
