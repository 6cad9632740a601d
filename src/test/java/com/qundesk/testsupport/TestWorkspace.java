package com.qundesk.testsupport;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Dialect;
import com.qundesk.db.WorkspaceLocation;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A real workspace with the real migrations, a movable clock, English messages and the Asia/Shanghai zone — what
 * every service test starts from: a temporary SQLite file, or ({@link #on}) a fresh database on the tests' own
 * PostgreSQL server, so that one test class runs on both ({@code @ParameterizedClass @EnumSource(Dialect.class)}).
 */
public final class TestWorkspace {

    public static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final Path dir;
    public final AppPaths paths;
    public final UserPrefs prefs;
    public final MutableClock clock;
    /** The workspace file, or null for a workspace on the PostgreSQL server. */
    public final Path file;
    public final WorkspaceLocation location;
    public final Dialect dialect;
    public AppContext ctx;

    public TestWorkspace(Path dir) {
        this(dir, Dialect.SQLITE);
    }

    private TestWorkspace(Path dir, Dialect dialect) {
        this.dir = dir;
        this.dialect = dialect;
        this.paths = new AppPaths(dir.resolve("home"));
        this.prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.ZONE, ZONE.getId());
        prefs.put(UserPrefs.LANGUAGE, "en");
        this.clock = new MutableClock(NOW);
        if (dialect == Dialect.SQLITE) {
            this.file = dir.resolve("workspace.qundesk");
            this.location = new WorkspaceLocation.LocalFile(file);
        } else {
            this.file = null;
            this.location = new WorkspaceLocation.Server(PostgresServer.workspace(callerClass()).address());
        }
        this.ctx = AppContext.open(paths, prefs, location, clock);
        if (dialect != Dialect.SQLITE) {
            synchronized (OPENED) {
                OPENED.add(this);
            }
        }
    }

    /** Every team workspace made since the last {@link #closeAllOpened()}: closed after each test by {@link BothDatabases}. */
    private static final java.util.List<TestWorkspace> OPENED = new java.util.ArrayList<>();

    static void closeAllOpened() {
        synchronized (OPENED) {
            OPENED.forEach(w -> w.ctx.close());
            OPENED.clear();
        }
    }

    /** A fresh, empty workspace in {@code dialect}'s database: a file in {@code dir}, or a database on the server. */
    public static TestWorkspace on(Dialect dialect, Path dir) {
        return new TestWorkspace(dir, dialect);
    }

    private static Class<?> callerClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c != TestWorkspace.class).findFirst().orElse(TestWorkspace.class));
    }

    /** Closes the context and opens the same workspace again, as a restarted app would (one writer at a time). */
    public AppContext reopen() {
        ctx.close();
        ctx = AppContext.open(paths, prefs, location, clock);
        return ctx;
    }

    /** Lets go of the workspace so another opener (a window under test, a child JVM) can have it. */
    public void close() {
        ctx.close();
    }

    public static TestWorkspace demo(Path dir) {
        return demo(Dialect.SQLITE, dir);
    }

    public static TestWorkspace demo(Dialect dialect, Path dir) {
        TestWorkspace w = new TestWorkspace(dir, dialect);
        w.ctx.populateDemoIfEmpty();
        return w;
    }
}
