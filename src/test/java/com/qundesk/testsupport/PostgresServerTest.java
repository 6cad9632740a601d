package com.qundesk.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL server the tests start themselves, and the pieces the team workspace needs of it: a database per
 * test class, {@code COPY} through the driver's {@code CopyManager}, {@code LISTEN/NOTIFY} between two connections,
 * and no server left running after the JVM that started it exits.
 */
class PostgresServerTest {

    private static PostgresServer.Database db;

    /** Per test, not in {@code @BeforeAll}: with the opt-out each test is then reported as skipped, with the reason. */
    @BeforeEach
    void startServer() {
        if (db == null) {
            db = PostgresServer.database(PostgresServerTest.class);
        }
    }

    @Test
    void copyInThroughTheCopyManagerStoresEveryRowAsSentAndCopiesThemBackOut() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 2_000; i++) {
            csv.append(i).append(",wxid_").append(i % 37).append(",\"第").append(i).append("条, \"\"引用\"\"\"\n");
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE messages (id bigint PRIMARY KEY, sender text NOT NULL, body text NOT NULL)");
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = copy.copyIn("COPY messages (id, sender, body) FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            assertThat(rows).isEqualTo(2_000);
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT sender), max(id), "
                    + "(SELECT body FROM messages WHERE id = 7) FROM messages")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(37);
                assertThat(rs.getLong(2)).isEqualTo(2_000);
                assertThat(rs.getString(3)).isEqualTo("第7条, \"引用\"");
            }
            StringWriter out = new StringWriter();
            copy.copyOut("COPY (SELECT id, sender, body FROM messages ORDER BY id) TO STDOUT (FORMAT csv)", out);
            assertThat(out.toString()).isEqualTo(csv.toString());
        }
    }

    @Test
    void aNotifyOnOneConnectionReachesTheListenerOnAnotherOnlyOnceCommitted() throws Exception {
        try (Connection listener = db.connect(); Connection sender = db.connect();
             Statement listen = listener.createStatement(); Statement notify = sender.createStatement()) {
            listen.execute("LISTEN group_changed");
            PGConnection pg = listener.unwrap(PGConnection.class);

            sender.setAutoCommit(false);
            notify.execute("SELECT pg_notify('group_changed', '42')");
            assertThat(pg.getNotifications(300)).as("not delivered before the sender commits").isEmpty();
            sender.commit();

            PGNotification[] got = pg.getNotifications(5_000);
            assertThat(got).hasSize(1);
            assertThat(got[0].getName()).isEqualTo("group_changed");
            assertThat(got[0].getParameter()).isEqualTo("42");
            assertThat(got[0].getPID()).isNotEqualTo(pg.getBackendPID());
        }
    }

    @Test
    void eachTestClassGetsAFreshDatabaseOfItsOwn() throws Exception {
        PostgresServer.Database other = PostgresServer.database(PostgresServerTest.class);
        assertThat(other.name()).isNotEqualTo(db.name());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE only_here (x int)");
        }
        try (Connection c = other.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theServerRunsOnLoopbackAsAnUnprivilegedUserAndIsGoneWhenItsJvmExits(@TempDir Path home) throws Exception {
        ChildJvm.Result r = ChildJvm.run(home, Child.class.getName());
        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = SERVER_LINE.matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        long pid = Long.parseLong(m.group(1));
        assertThat(m.group(3)).isNotEqualTo("root");
        assertThat(awaitGone(pid)).as("postgres %d still running after its JVM exited", pid).isTrue();
        assertThat(Files.exists(Path.of(m.group(2)))).as("data folder removed").isFalse();
    }

    @Test
    void aServerThatCannotStartFailsTheTestsWithTheReasonInsteadOfSkippingThem(@TempDir Path home) throws Exception {
        Path notAFolder = Files.writeString(home.resolve("not-a-folder"), "x");
        ChildJvm.Result r = ChildJvm.run(home, List.of("-Djava.io.tmpdir=" + notAFolder), Child.class.getName());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("The PostgreSQL test server could not start: ", notAFolder.toString(),
                "-D" + PostgresServer.OPT_OUT_PROPERTY + "=skip");
    }

    @Test
    void aServerLeftBehindByAKilledJvmIsStoppedWhenTheNextServerStarts(@TempDir Path home) throws Exception {
        Process killed = ChildJvm.builder(home, Child.class.getName(), "hold")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long leftover = -1;
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(killed.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            Matcher m = SERVER_LINE.matcher(String.valueOf(line));
            assertThat(m.find()).as(line).isTrue();
            leftover = Long.parseLong(m.group(1));
            killed.destroyForcibly().waitFor();
            assertThat(alive(leftover)).as("a JVM killed outright cannot run its shutdown hook").isTrue();

            ChildJvm.Result next = ChildJvm.run(home, Child.class.getName());
            assertThat(next.code()).as(next.err()).isZero();
            assertThat(awaitGone(leftover)).as("leftover postgres %d stopped by the next start", leftover).isTrue();
            assertThat(Files.exists(Path.of(m.group(2)))).as("its folder removed").isFalse();
        } finally {
            killed.destroyForcibly();
            if (leftover > 0) {
                ProcessHandle.of(leftover).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void theOptOutSkipsOnADevelopersMachineAndIsIgnoredInCi(@TempDir Path home) throws Exception {
        List<String> optOut = List.of("-D" + PostgresServer.OPT_OUT_PROPERTY + "=skip");
        ProcessBuilder developer = ChildJvm.builder(home, optOut, Child.class.getName());
        developer.environment().remove("CI");
        Process p = developer.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out).contains("TestAbortedException", "PostgreSQL tests skipped: -D" + PostgresServer.OPT_OUT_PROPERTY);

        ProcessBuilder ci = ChildJvm.builder(home, optOut, Child.class.getName());
        ci.environment().put("CI", "true");
        Process q = ci.redirectErrorStream(true).start();
        String ciOut = new String(q.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(q.waitFor()).as(ciOut).isZero();
        assertThat(SERVER_LINE.matcher(ciOut).find()).as(ciOut).isTrue();
    }

    private static final Pattern SERVER_LINE = Pattern.compile("pid=(\\d+) data=(\\S+) user=(\\S+) startup=(\\d+)ms");

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !alive(pid);
    }

    /** Starts the server in a JVM of its own, says where it runs, and exits (the shutdown hook stops it). */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            PostgresServer server;
            try {
                server = PostgresServer.get();
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(1);
                return;
            }
            try (Connection c = PostgresServer.database(Child.class).connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('listen_addresses'), "
                         + "(SELECT usename FROM pg_user WHERE usesysid = 10)")) {
                rs.next();
                if (!"127.0.0.1".equals(rs.getString(1))) {
                    System.exit(3);
                }
            }
            String owner = Files.getOwner(server.dataDir()).getName();
            System.out.println("pid=" + server.postmasterPid() + " data=" + server.dataDir() + " user=" + owner
                    + " startup=" + server.startup().toMillis() + "ms");
            if (args.length > 0 && "hold".equals(args[0])) {
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }
}
