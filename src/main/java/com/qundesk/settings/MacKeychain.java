package com.qundesk.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The macOS login keychain through {@code /usr/bin/security}, a generic password of service {@code QunDesk} and
 * account {@code user@host:port/database}. {@code add-generic-password} takes the password only as an argument
 * ({@code -w}, or {@code -X} in hexadecimal), so it is given through {@code security -i}, which reads the command
 * line from its standard input: the password is never in a process's arguments. Written against Apple's
 * {@code security(1)}; not run on a Mac (docs/team.md says so).
 */
final class MacKeychain implements CredentialStore {

    /** {@code security -i} reads one line of a limited length: longer passwords are kept for the session only. */
    private static final int MAX_LINE = 2_000;

    private final Path security;

    MacKeychain(Path security) {
        this.security = security;
    }

    @Override
    public Optional<String> read(String account) {
        if (!quotable(account)) {
            return Optional.empty();
        }
        // -w prints the password alone, followed by a newline
        return StoreCommand.run(List.of(security.toString(), "find-generic-password", "-s", SERVICE, "-a", account,
                        "-w"), new byte[0])
                .filter(r -> r.ok() && r.out().length > 0)
                .map(r -> new String(r.out(), StandardCharsets.UTF_8))
                .map(s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
    }

    @Override
    public boolean write(String account, String password) {
        String line = "add-generic-password -U -s \"" + SERVICE + "\" -a \"" + account + "\" -l \"" + SERVICE + " "
                + account + "\" -X " + HexFormat.of().formatHex(password.getBytes(StandardCharsets.UTF_8)) + "\n";
        if (!quotable(account) || line.length() > MAX_LINE) {
            return false;
        }
        // security -i may exit 0 whatever its command did: the keychain is asked what it now holds
        return StoreCommand.run(List.of(security.toString(), "-i"), line.getBytes(StandardCharsets.UTF_8))
                .map(StoreCommand.Result::ok).orElse(false) && read(account).filter(password::equals).isPresent();
    }

    @Override
    public boolean delete(String account) {
        if (!quotable(account)) {
            return false;
        }
        // exit code 44: no such item, which is what was wanted
        return StoreCommand.run(List.of(security.toString(), "delete-generic-password", "-s", SERVICE, "-a", account),
                new byte[0]).map(r -> r.ok() || r.code() == 44).orElse(false);
    }

    /** An account {@code security -i} can take between double quotes. */
    private static boolean quotable(String account) {
        return account.chars().noneMatch(c -> c == '"' || c == '\\' || c < ' ');
    }
}
