package com.qundesk.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * What the other copies of the app commit to a team workspace, heard as it happens: every writing transaction on the
 * server sends one notice on {@link #CHANNEL} (delivered by PostgreSQL at commit, dropped at rollback) whose payload
 * names the copy that sent it; this feed LISTENs on one connection of its own (outside the pool, which lends its
 * connections out) on a daemon thread, ignores its own copy's notices and tells {@code onChange}.
 *
 * <p>A burst (an import of many files, a script) is folded: {@code onChange} runs at most once per {@link #MIN_GAP_MS},
 * the first change after a quiet spell at once. After the server restarted or the network dropped it connects again
 * with a growing pause, and then tells {@code onChange} once, since what was committed meanwhile was not heard.
 */
final class ServerChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerChangeFeed.class);

    /** The channel every copy announces its commits on. */
    static final String CHANNEL = "qundesk_changes";
    /** The shortest time between two calls of {@code onChange}: a burst refreshes the views a few times a second. */
    static final long MIN_GAP_MS = 300;
    /** How long one wait for notices lasts: the thread sees {@link #close()} within it. */
    private static final int WAIT_MS = 250;
    /** A quiet connection is asked whether it is still there this often (a dropped network says nothing). */
    private static final long PROBE_EVERY_MS = 10_000;
    private static final long FIRST_RETRY_MS = 250;
    private static final long LAST_RETRY_MS = 10_000;

    private final ServerAddress address;
    private final Optional<String> password;
    private final String origin;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;

    private ServerChangeFeed(ServerAddress address, Optional<String> password, String origin, Runnable onChange) {
        this.address = address;
        this.password = password;
        this.origin = origin;
        this.onChange = onChange;
        this.thread = Thread.ofPlatform().name("qundesk-listen-" + address.database()).daemon(true).unstarted(this::run);
    }

    /**
     * Starts listening for notices not sent by {@code origin}. The connection is made on the feed's thread (the first
     * listener is often the window, on the FX thread, which must not wait for a server); once it listens it tells
     * {@code onChange} once, as after every connection, since what was committed before was not heard.
     */
    static ServerChangeFeed start(ServerAddress address, Optional<String> password, String origin, Runnable onChange) {
        ServerChangeFeed feed = new ServerChangeFeed(address, password, origin, onChange);
        feed.thread.start();
        return feed;
    }

    private Connection listen() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", address.user());
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "QunDesk (live views)");
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(address.jdbcUrl(), p);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private void run() {
        long retry = FIRST_RETRY_MS;
        Connection c = null;
        long lastFired = 0;
        boolean pending = false;
        long lastHeard = System.currentTimeMillis();
        while (!closed) {
            try {
                if (c == null) {
                    c = listen();
                    if (retry > FIRST_RETRY_MS) {
                        log.info("Listening for the team's changes on {} again", address.display());
                    }
                    retry = FIRST_RETRY_MS;
                    pending = true; // what was committed before we listened was not heard
                }
                long now = System.currentTimeMillis();
                int wait = pending ? (int) Math.max(1, Math.min(WAIT_MS, lastFired + MIN_GAP_MS - now)) : WAIT_MS;
                PGNotification[] notices = c.unwrap(PGConnection.class).getNotifications(wait);
                now = System.currentTimeMillis();
                if (notices != null && notices.length > 0) {
                    lastHeard = now;
                    for (PGNotification n : notices) {
                        pending |= !origin.equals(n.getParameter());
                    }
                } else if (now - lastHeard >= PROBE_EVERY_MS) {
                    probe(c);
                    lastHeard = now;
                }
                if (pending && now - lastFired >= MIN_GAP_MS && !closed) {
                    pending = false;
                    lastFired = now;
                    fire();
                }
            } catch (SQLException e) {
                if (closed) {
                    break;
                }
                log.warn("Lost the connection that hears the team's changes on {}; connecting again in {} ms",
                        address.display(), retry);
                closeQuietly(c);
                c = null;
                pause(retry);
                retry = Math.min(LAST_RETRY_MS, retry * 2);
            }
        }
        closeQuietly(c);
    }

    /** A round trip: a connection the server or the network dropped fails here. */
    private static void probe(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        }
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("A listener of the team's changes failed", e);
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // close() wakes the pause; the loop then sees it closed
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("Closing the listening connection failed", e);
        }
    }

    /** Stops the thread and closes its connection; waits for both (a moment: the thread waits {@link #WAIT_MS} at most). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The thread that hears the team's changes did not stop in time");
        }
    }
}
