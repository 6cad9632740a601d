package com.qundesk.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Secret Service (GNOME Keyring, KWallet) through libsecret's {@code secret-tool}: {@code store} reads the
 * password from its standard input, {@code lookup} prints it with no newline added when its output is not a terminal,
 * {@code clear} removes it. Items carry the attributes {@code service QunDesk account user@host:port/database}.
 */
final class SecretTool implements CredentialStore {

    private final Path tool;

    SecretTool(Path tool) {
        this.tool = tool;
    }

    /** {@code secret-tool} in one of {@code path}'s folders, if it is there. */
    static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "secret-tool");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> read(String account) {
        return StoreCommand.run(command("lookup", account), new byte[0])
                .filter(r -> r.ok() && r.out().length > 0)
                .map(r -> new String(r.out(), StandardCharsets.UTF_8));
    }

    @Override
    public boolean write(String account, String password) {
        return StoreCommand.run(command("store", account), password.getBytes(StandardCharsets.UTF_8))
                .map(StoreCommand.Result::ok).orElse(false);
    }

    @Override
    public boolean delete(String account) {
        // exit 1 and nothing said: nothing was kept (a store out of reach says why)
        return StoreCommand.run(command("clear", account), new byte[0])
                .map(r -> r.ok() || r.code() == 1 && r.err().length == 0).orElse(false);
    }

    private List<String> command(String verb, String account) {
        return verb.equals("store")
                ? List.of(tool.toString(), verb, "--label=" + SERVICE + " " + account, "service", SERVICE, "account",
                        account)
                : List.of(tool.toString(), verb, "service", SERVICE, "account", account);
    }
}
