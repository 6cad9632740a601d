package com.qundesk.db;

import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live views in a team: two copies of the app on one PostgreSQL workspace (the tests' own server), each hearing what
 * the other commits through LISTEN/NOTIFY — fast, once, folded in bursts, again after its connection was cut, and
 * nothing left behind at close.
 */
class LiveChangesTest {

    @TempDir
    Path dir;

    private TestWorkspace first;
    private AppContext second;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void twoCopies() throws Exception {
        first = TestWorkspace.on(Dialect.POSTGRESQL, dir.resolve("a"));
        second = AppContext.open(first.paths, first.prefs, first.location, first.clock);
        toClose.add(second);
        toClose.add(first.ctx);
        // as the window does: a copy that shows views follows the workspace
        AtomicInteger told = new AtomicInteger();
        first.ctx.changes().listen(v -> told.incrementAndGet());
        second.changes().listen(v -> told.incrementAndGet());
        // each starts listening on its own thread and then says one change (what came before was not heard)
        long until = System.currentTimeMillis() + 10_000;
        while (told.get() < 2 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(told).as("a change said by each copy once it listens").hasValue(2);
        Thread.sleep(ServerChangeFeed.MIN_GAP_MS);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private static Group group(AppContext ctx, String name) {
        return ctx.groups().create(Group.draft(Platform.WECHAT, name, Purpose.FAN, GroupKind.LONG_TERM).toBuilder()
                .memberCount(10).createdAt(TestWorkspace.NOW).build());
    }

    @Test
    void aGroupCreatedInOneCopyIsHeardByTheOtherWithinTwoSecondsAndByItselfOnce() throws Exception {
        BlockingQueue<Long> heardBySecond = new LinkedBlockingQueue<>();
        AtomicInteger heardByFirst = new AtomicInteger();
        second.changes().listen(heardBySecond::add);
        first.ctx.changes().listen(v -> heardByFirst.incrementAndGet());

        long start = System.nanoTime();
        group(first.ctx, "读者群 live");
        Long heard = heardBySecond.poll(2, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        System.out.printf("LiveChangesTest: the other copy heard the new group after %d ms%n", tookMs);
        assertThat(heard).as("the other copy heard the new group").isNotNull();
        assertThat(tookMs).isLessThan(2_000);
        assertThat(second.groups().list()).extracting(Group::name).contains("读者群 live");
        Thread.sleep(3 * ServerChangeFeed.MIN_GAP_MS); // its own notice, were it heard, would have come by now
        assertThat(heardByFirst).as("its own commit: once, not again through the server").hasValue(1);
        assertThat(heardBySecond).as("one commit, one refresh").isEmpty();
    }

    @Test
    void aBurstOfAThousandTransactionsRefreshesTheOtherCopyAFewTimesASecond() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        second.changes().listen(v -> heard.incrementAndGet());
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            first.ctx.database().inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE registry_version SET token = ?")) {
                    ps.setLong(1, n);
                    return ps.executeUpdate();
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3 * ServerChangeFeed.MIN_GAP_MS);
        System.out.printf("LiveChangesTest: 1,000 commits in %.1f s, the other copy refreshed %d times%n", seconds,
                heard.get());
        long bound = (long) Math.ceil(seconds * 1000 / ServerChangeFeed.MIN_GAP_MS) + 2;
        assertThat(heard.get()).as("1,000 commits in %.1f s", seconds).isBetween(1, (int) Math.min(bound, 50));
    }

    @Test
    void theListenerConnectsAgainAfterItsBackendIsTerminatedAndSaysSoOnce() throws Exception {
        BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
        second.changes().listen(heard::add);
        List<Integer> listeners = listeningBackends(l -> l.size() == 2);
        assertThat(listeners).as("one listening connection per copy").hasSize(2);
        terminateListeners();
        assertThat(heard.poll(5, TimeUnit.SECONDS)).as("after reconnecting: one change, something may be missed")
                .isNotNull();
        assertThat(listeningBackends(l -> l.size() == 2 && l.stream().noneMatch(listeners::contains)))
                .as("both copies listen again, on new connections").hasSize(2).doesNotContainAnyElementsOf(listeners);
        Thread.sleep(3 * ServerChangeFeed.MIN_GAP_MS);
        heard.clear();

        group(first.ctx, "after the cut");
        assertThat(heard.poll(2, TimeUnit.SECONDS)).as("live again").isNotNull();
    }

    @Test
    void whileTheServerRefusesConnectionsTheListenerKeepsTryingAndComesBackWhenItAccepts() throws Exception {
        BlockingQueue<Long> heard = new LinkedBlockingQueue<>();
        second.changes().listen(heard::add);
        listeningBackends(l -> l.size() == 2);
        allowConnections(false);
        try {
            terminateListeners();
            Thread.sleep(2_000); // several refused tries
            assertThat(listeningBackends(List::isEmpty)).as("nobody got back in").isEmpty();
        } finally {
            allowConnections(true);
        }
        long start = System.nanoTime();
        assertThat(heard.poll(15, TimeUnit.SECONDS)).as("back, and one change said").isNotNull();
        System.out.printf("LiveChangesTest: listening again %d ms after the server accepted connections%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        Thread.sleep(3 * ServerChangeFeed.MIN_GAP_MS);
        heard.clear();
        group(first.ctx, "after the outage");
        assertThat(heard.poll(2, TimeUnit.SECONDS)).as("live again").isNotNull();
    }

    @Test
    void closingTheWorkspaceStopsTheThreadAndItsConnection() throws Exception {
        assertThat(listenThreads()).isNotEmpty();
        second.close();
        first.ctx.close();
        assertThat(listenThreads()).as("no thread left").isEmpty();
        assertThat(listeningBackends(List::isEmpty)).as("no listening connection left").isEmpty();
    }

    @Test
    void aCopyThatNobodyFollowsKeepsNoListeningConnection() throws Exception {
        int before = listenThreads().size();
        try (Database command = Database.open(((WorkspaceLocation.Server) first.location).address(),
                java.util.Optional.empty())) {
            command.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE registry_version SET token = token + 1")) {
                    return ps.executeUpdate();
                }
            });
            assertThat(listenThreads()).as("a CLI command listens to nothing").hasSize(before);
            assertThat(listeningBackends(l -> l.size() == 2)).hasSize(2);
            command.changes().listen(v -> { });
            assertThat(listenThreads()).as("its first listener starts the feed").hasSize(before + 1);
            assertThat(listeningBackends(l -> l.size() == 3)).hasSize(3);
        }
        assertThat(listenThreads()).hasSize(before);
    }

    private static List<Thread> listenThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("qundesk-listen-") && t.isAlive()).toList();
    }

    private ServerAddress address() {
        return ((WorkspaceLocation.Server) first.location).address();
    }

    /** A superuser connection to the server's maintenance database (the workspace's may refuse connections). */
    private Connection server() throws SQLException {
        ServerAddress a = address();
        return java.sql.DriverManager.getConnection(new ServerAddress(a.host(), a.port(), "postgres", a.user(),
                java.util.Map.of()).jdbcUrl(), a.user(), "");
    }

    private void terminateListeners() throws SQLException {
        try (Connection su = server(); PreparedStatement ps = su.prepareStatement("SELECT pg_terminate_backend(pid) "
                + "FROM pg_stat_activity WHERE datname = ? AND application_name = ?")) {
            ps.setString(1, address().database());
            ps.setString(2, "QunDesk (live views)");
            ps.execute();
        }
    }

    private void allowConnections(boolean allow) throws SQLException {
        try (Connection su = server(); var st = su.createStatement()) {
            st.execute("ALTER DATABASE " + address().database() + " WITH ALLOW_CONNECTIONS " + allow);
        }
    }

    /** The backends listening on the workspace's database, once {@code expected} holds (or after 5 s, as they are). */
    private List<Integer> listeningBackends(java.util.function.Predicate<List<Integer>> expected) throws Exception {
        long until = System.currentTimeMillis() + 5_000;
        while (true) {
            List<Integer> out = new ArrayList<>();
            try (Connection su = server(); PreparedStatement ps = su.prepareStatement("SELECT pid FROM pg_stat_activity "
                    + "WHERE datname = ? AND application_name = ? ORDER BY pid")) {
                ps.setString(1, address().database());
                ps.setString(2, "QunDesk (live views)");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
            }
            if (expected.test(out) || System.currentTimeMillis() > until) {
                return out;
            }
            Thread.sleep(100);
        }
    }
}
