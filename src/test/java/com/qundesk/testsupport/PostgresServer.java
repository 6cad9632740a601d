package com.qundesk.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started by the tests themselves so that {@code ./mvnw verify} needs nothing
 * installed: the binaries come from Maven Central ({@link PostgresServerBinaries}). One server per test JVM, started
 * on first use on a free loopback port, a fresh database per test class ({@link #database(Class)}), stopped by a
 * shutdown hook at JVM exit with its folder removed.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then {@code initdb} and the server run as the
 * unprivileged user {@code nobody} through {@code runuser -u nobody --} (util-linux), on a data folder owned by it.
 *
 * <p>When the server cannot start, every test that asks for it fails with the reason. A developer on a machine that
 * really cannot run it may pass {@code -Dqundesk.test.postgres=skip}: those tests are then skipped, with the reason.
 * CI never sets it, and with {@code CI=true} in the environment it is ignored.
 */
public final class PostgresServer {

    /** The opt-out: {@code -Dqundesk.test.postgres=skip}. */
    public static final String OPT_OUT_PROPERTY = "qundesk.test.postgres";
    public static final String SUPERUSER = "postgres";
    private static final String UNPRIVILEGED_USER = "nobody";
    /** In each server's folder: the process id of the JVM that started it. */
    private static final String OWNER_FILE = "jvm.pid";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static PostgresServer running;
    private static Exception failure;

    private final Path bin;
    private final Path root;
    private final Path dataDir;
    private final List<String> asUser;
    private final int port;
    private final Process process;
    private Duration startup;
    private final AtomicInteger databases = new AtomicInteger();
    /** A database migrated to the newest schema once per server; each workspace database is a copy of it. */
    private boolean workspaceTemplate;
    private static final String WORKSPACE_TEMPLATE = "qundesk_workspace_template";

    /** A database of its own on the running server. */
    public record Database(String name, String url, String user, int port) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        /** The address QunDesk opens it by, as an operator would write it. */
        public com.qundesk.db.ServerAddress address() {
            return new com.qundesk.db.ServerAddress("127.0.0.1", port, name, user, java.util.Map.of());
        }
    }

    private PostgresServer(Path bin, Path root, List<String> asUser, int port, Process process) {
        this.bin = bin;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.asUser = asUser;
        this.port = port;
        this.process = process;
    }

    /**
     * A fresh, empty database for one test class on the JVM's server (started on the first call). Ask for it from a
     * {@code @BeforeEach} (once, kept in a static field): with the opt-out, tests skipped there are counted as
     * skipped, while Surefire reports a class skipped in {@code @BeforeAll} as no test at all.
     */
    public static Database database(Class<?> testClass) {
        return get().createDatabase(testClass.getSimpleName());
    }

    /**
     * A fresh team workspace for one test: a database already at the newest schema (a copy of one migrated per
     * server, so a test pays tens of milliseconds for it, not a migration), empty as a new workspace is.
     */
    public static Database workspace(Class<?> testClass) {
        PostgresServer server = get();
        synchronized (server) {
            if (!server.workspaceTemplate) {
                Database template = server.createDatabase(WORKSPACE_TEMPLATE, "template0", false);
                com.qundesk.db.Database.open(template.address(), java.util.Optional.empty()).close();
                server.workspaceTemplate = true;
            }
        }
        return server.createDatabase(testClass.getSimpleName(), WORKSPACE_TEMPLATE, true);
    }

    /** The JVM's server: started on the first call; the reason of a failed start again on every later call. */
    public static synchronized PostgresServer get() {
        if (optedOut()) {
            Assumptions.abort("PostgreSQL tests skipped: -D" + OPT_OUT_PROPERTY + "=skip was given");
        }
        if (running == null && failure == null) {
            try {
                running = start();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("The PostgreSQL test server could not start: " + failure.getMessage()
                    + " (a developer whose machine cannot run it may pass -D" + OPT_OUT_PROPERTY + "=skip; CI never does)",
                    failure);
        }
        return running;
    }

    static boolean optedOut() {
        return "skip".equalsIgnoreCase(System.getProperty(OPT_OUT_PROPERTY, ""))
                && !"true".equalsIgnoreCase(System.getenv("CI"));
    }

    public int port() {
        return port;
    }

    /** How long extracting the binaries, {@code initdb} and the start took in this JVM. */
    public Duration startup() {
        return startup;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server's (postmaster's) process id, from {@code postmaster.pid}. */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private Database createDatabase(String hint) {
        return createDatabase(hint, "template0", true);
    }

    private synchronized Database createDatabase(String hint, String template, boolean numbered) {
        String name = numbered ? "t_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_"
                + databases.incrementAndGet() : hint;
        name = name.length() > 60 ? name.substring(name.length() - 60) : name;
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name + ": " + e.getMessage(), e);
        }
        return new Database(name, url(name), SUPERUSER, port);
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path bin = PostgresServerBinaries.unpacked().resolve("bin");
        List<String> asUser = runningAsRoot() ? runuser() : List.of();
        stopLeftovers(bin, asUser);
        Path root = Files.createTempDirectory("qundesk-pg-");
        boolean ok = false;
        try {
            Files.writeString(root.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
            Path data = root.resolve("data");
            if (asUser.isEmpty()) {
                Files.createDirectories(data);
            } else {
                prepareForUnprivilegedUser(root, asUser);
            }
            run(root, command(asUser, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), "initdb");
            int port = freePort();
            Process server = new ProcessBuilder(command(asUser, bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"))
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("postgres.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            PostgresServer s = new PostgresServer(bin, root, asUser, port, server);
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-test-server-stop"));
            s.awaitReady();
            s.startup = Duration.ofNanos(System.nanoTime() - t0);
            ok = true;
            return s;
        } finally {
            if (!ok) {
                deleteTree(root);
            }
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with code " + process.exitValue() + ": " + logTail());
            }
            try (Connection ignored = DriverManager.getConnection(url("postgres"), SUPERUSER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        stop();
        throw new IOException("postgres did not accept connections on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s (" + (last == null ? "" : last.getMessage()) + "): " + logTail());
    }

    /** Fast shutdown through {@code pg_ctl stop}, then the folder is removed; safe to call twice. */
    void stop() {
        try {
            if (process.isAlive()) {
                new ProcessBuilder(command(asUser, bin.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast",
                        "-w", "-t", "20"))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(25, TimeUnit.SECONDS);
                if (!process.waitFor(25, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (IOException | InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } finally {
            deleteTree(root);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(root.resolve("postgres.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Servers whose test JVM died without its shutdown hook (killed, or a crashed fork): stopped and their folders
     * removed before a new one starts, so no postgres process outlives a test run for long.
     */
    private static void stopLeftovers(Path bin, List<String> asUser) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.newDirectoryStream(tmp, "qundesk-pg-[0-9]*")) {
            for (Path dir : dirs) {
                Path owner = dir.resolve(OWNER_FILE);
                if (!Files.isRegularFile(owner)
                        || ProcessHandle.of(Long.parseLong(Files.readString(owner).trim())).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                    try {
                        run(dir, command(asUser, bin.resolve("pg_ctl").toString(), "stop", "-D",
                                dir.resolve("data").toString(), "-m", "immediate", "-w", "-t", "20"), "stop leftover");
                    } catch (IOException e) {
                        // not running any more: only the folder is left
                    }
                }
                deleteTree(dir);
            }
        } catch (IOException | NumberFormatException e) {
            // nothing to clean up, or not ours to read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As root: {@code runuser -u nobody --}; fails naming what is missing. */
    private static List<String> runuser() throws IOException {
        Path runuser = List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException("this JVM runs as root, PostgreSQL refuses to, and runuser (util-linux)"
                        + " to start it as '" + UNPRIVILEGED_USER + "' is not installed: apt-get install util-linux"));
        return List.of(runuser.toString(), "-u", UNPRIVILEGED_USER, "--");
    }

    /** The server's folder reachable by the unprivileged user and its data folder owned by it. */
    private static void prepareForUnprivilegedUser(Path root, List<String> asUser) throws IOException, InterruptedException {
        var users = root.getFileSystem().getUserPrincipalLookupService();
        java.nio.file.attribute.UserPrincipal user;
        try {
            user = users.lookupPrincipalByName(UNPRIVILEGED_USER);
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            throw new IOException("this JVM runs as root, PostgreSQL refuses to, and the user '" + UNPRIVILEGED_USER
                    + "' to start it as does not exist: add it (Debian's base-passwd has it)", e);
        }
        for (Path p = root.getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as '" + UNPRIVILEGED_USER + "' under root, and " + p
                        + " is not reachable by that user: give it o+x or point java.io.tmpdir elsewhere");
            }
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectory(root.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setOwner(data, user);
        run(root, command(asUser, "true"), "runuser -u " + UNPRIVILEGED_USER);
    }

    private static List<String> command(List<String> asUser, String... cmd) {
        List<String> all = new ArrayList<>(asUser);
        all.addAll(List.of(cmd));
        return all;
    }

    private static void run(Path root, List<String> cmd, String what) throws IOException, InterruptedException {
        Path log = root.resolve(what.replaceAll("[^a-z]+", "-") + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(what + " did not finish within 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a folder in java.io.tmpdir
        }
    }
}
