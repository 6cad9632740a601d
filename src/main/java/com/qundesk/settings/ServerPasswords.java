package com.qundesk.settings;

import com.qundesk.db.PgPassword;
import com.qundesk.db.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the app finds the password of a team workspace, in this order: one the operator typed in this session (the
 * latest word); {@code PGPASSWORD} and the password file, as psql does ({@link PgPassword}); the operating system's
 * credential store, which on Linux is the Secret Service reached through {@code secret-tool} (libsecret-tools) when it
 * is installed. Without a credential
 * store a typed password is kept for the session only. A password is never written to the settings file or a log,
 * and never passed on a command line (secret-tool reads it from its standard input).
 */
public final class ServerPasswords {
    private static final Logger log = LoggerFactory.getLogger(ServerPasswords.class);
    private static final String SERVICE = "qundesk";
    private static final long TOOL_TIMEOUT_SECONDS = 5;

    private final PgPassword pgPassword;
    private final Optional<Path> secretTool;
    private final Map<String, String> session = new ConcurrentHashMap<>();

    public ServerPasswords(PgPassword pgPassword, Optional<Path> secretTool) {
        this.pgPassword = pgPassword;
        this.secretTool = secretTool;
    }

    /** psql's sources and, on Linux, {@code secret-tool} when it is on the PATH. */
    public static ServerPasswords system() {
        return new ServerPasswords(PgPassword.system(), onPath("secret-tool"));
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null || System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win")) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True when a password can be kept beyond this session (an OS credential store is there). */
    public boolean canRemember() {
        return secretTool.isPresent();
    }

    /** The password for {@code address}, or empty when none is configured, typed or stored. */
    public Optional<String> find(ServerAddress address) {
        String typed = session.get(key(address));
        if (typed != null) {
            return Optional.of(typed);
        }
        return pgPassword.lookup(address).or(() -> secretTool.flatMap(tool -> lookup(tool, address)));
    }

    /**
     * Keeps a password the operator typed: for this session, and in the OS credential store when {@code remember}
     * and there is one. Returns true when it went into the credential store.
     */
    public boolean keep(ServerAddress address, String password, boolean remember) {
        session.put(key(address), password);
        return remember && secretTool.map(tool -> store(tool, address, password)).orElse(false);
    }

    /** Forgets a password typed this session (the server refused it). */
    public void forget(ServerAddress address) {
        session.remove(key(address));
    }

    private static String key(ServerAddress address) {
        return address.display();
    }

    private static Optional<String> lookup(Path tool, ServerAddress address) {
        try {
            Process p = new ProcessBuilder(List.of(tool.toString(), "lookup", "service", SERVICE, "server",
                    key(address))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.strip()) : Optional.empty();
        } catch (IOException e) {
            log.warn("The credential store could not be asked for the password of {}", key(address), e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean store(Path tool, ServerAddress address, String password) {
        try {
            Process p = new ProcessBuilder(List.of(tool.toString(), "store", "--label=QunDesk " + key(address),
                    "service", SERVICE, "server", key(address)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(password.getBytes(StandardCharsets.UTF_8));
            }
            boolean done = p.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            boolean stored = done && p.exitValue() == 0;
            if (!stored) {
                log.warn("The credential store did not keep the password of {}; it is kept for this session only",
                        key(address));
            }
            return stored;
        } catch (IOException e) {
            log.warn("The credential store could not keep the password of {}", key(address), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
