package com.qundesk.settings;

import com.qundesk.db.ServerAddress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The operating system's credential store, where a team workspace's password is kept when the operator ticks
 * "remember": the Secret Service through {@code secret-tool} on Linux, the login keychain through {@code security} on
 * macOS, the Credential Manager on Windows. A password goes to it and comes from it only: never on a command line,
 * into a log, a setting or an exception message.
 */
public interface CredentialStore {

    /** The service name the passwords are filed under. */
    String SERVICE = "QunDesk";

    /** The password kept for {@code account}, or empty when none is (or the store could not be asked). */
    Optional<String> read(String account);

    /** Keeps {@code password} for {@code account}, replacing one kept before; false when the store refused it. */
    boolean write(String account, String password);

    /** Removes what is kept for {@code account} (nothing kept is no error); false when the store could not be asked. */
    boolean delete(String account);

    /** The account a server's password is kept under: {@code user@host:port/database}. */
    static String account(ServerAddress address) {
        return address.user() + "@" + address.host() + ":" + address.port() + "/" + address.database();
    }

    /**
     * This system's store, chosen by {@code os.name}: Windows' Credential Manager, macOS's {@code /usr/bin/security},
     * else {@code secret-tool} when it is on the PATH (libsecret-tools); empty when there is none.
     */
    static Optional<CredentialStore> system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("win")) {
            return Optional.of(new WindowsCredentials());
        }
        if (os.startsWith("mac")) {
            Path security = Path.of("/usr/bin/security");
            return Files.isExecutable(security) ? Optional.of(new MacKeychain(security)) : Optional.empty();
        }
        return SecretTool.onPath(System.getenv("PATH")).map(SecretTool::new);
    }
}
