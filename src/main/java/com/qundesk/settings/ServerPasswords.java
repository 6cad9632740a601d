package com.qundesk.settings;

import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the app finds the password of a team workspace, in this order: one the operator typed in this session (the
 * latest word); {@code PGPASSWORD} and the password file, as psql does ({@link PgPassword}); the operating system's
 * credential store ({@link CredentialStore#system()}: the Secret Service through {@code secret-tool} on Linux, the
 * keychain on macOS, the Credential Manager on Windows). Without a credential store a typed password is kept for the
 * session only. A password is never written to the settings file or a log, and never passed on a command line.
 */
public final class ServerPasswords {
    private static final Logger log = LoggerFactory.getLogger(ServerPasswords.class);

    private final PgPassword pgPassword;
    private final Optional<CredentialStore> store;
    private final Map<String, String> session = new ConcurrentHashMap<>();

    public ServerPasswords(PgPassword pgPassword, Optional<CredentialStore> store) {
        this.pgPassword = pgPassword;
        this.store = store;
    }

    /** psql's sources and this system's credential store, when it has one. */
    public static ServerPasswords system() {
        return new ServerPasswords(PgPassword.system(), CredentialStore.system());
    }

    /** True when a password can be kept beyond this session (an OS credential store is there). */
    public boolean canRemember() {
        return store.isPresent();
    }

    /** The password for {@code address}, or empty when none is configured, typed or stored. */
    public Optional<String> find(ServerAddress address) {
        String typed = session.get(CredentialStore.account(address));
        if (typed != null) {
            return Optional.of(typed);
        }
        return pgPassword.lookup(address).or(() -> store.flatMap(s -> s.read(CredentialStore.account(address))));
    }

    /**
     * Keeps a password the operator typed: for this session, and in the OS credential store when {@code remember}
     * and there is one. Returns true when it went into the credential store.
     */
    public boolean keep(ServerAddress address, String password, boolean remember) {
        String account = CredentialStore.account(address);
        session.put(account, password);
        boolean stored = remember && store.map(s -> s.write(account, password)).orElse(false);
        if (remember && store.isPresent() && !stored) {
            log.warn("The credential store did not keep the password of {}; it is kept for this session only",
                    account);
        }
        return stored;
    }

    /** Forgets a password typed this session (the workspace could not be opened with it). */
    public void forget(ServerAddress address) {
        session.remove(CredentialStore.account(address));
    }

    /**
     * The server refused the login: forgets the password typed this session and the one kept in the credential store,
     * so that the operator is asked again instead of being refused at every start. (A server out of reach is no
     * reason to forget a password: that is {@link #forget}.)
     */
    public void refused(ServerAddress address) {
        String account = CredentialStore.account(address);
        session.remove(account);
        store.ifPresent(s -> {
            if (!s.delete(account)) {
                log.warn("The credential store could not forget the password of {}", account);
            }
        });
    }
}
