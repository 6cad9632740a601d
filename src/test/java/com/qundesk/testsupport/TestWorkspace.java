package com.qundesk.testsupport;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A real workspace on a temporary SQLite file with the real migrations, a movable clock, English messages and
 * the Asia/Shanghai zone — what every service test starts from.
 */
public final class TestWorkspace {

    public static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public final Path dir;
    public final AppPaths paths;
    public final UserPrefs prefs;
    public final MutableClock clock;
    public final Path file;
    public AppContext ctx;

    public TestWorkspace(Path dir) {
        this.dir = dir;
        this.paths = new AppPaths(dir.resolve("home"));
        this.prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.ZONE, ZONE.getId());
        prefs.put(UserPrefs.LANGUAGE, "en");
        this.clock = new MutableClock(NOW);
        this.file = dir.resolve("workspace.qundesk");
        this.ctx = AppContext.open(paths, prefs, file, clock);
    }

    /** Closes the context and opens the same file again, as a restarted app would (one writer at a time). */
    public AppContext reopen() {
        ctx.close();
        ctx = AppContext.open(paths, prefs, file, clock);
        return ctx;
    }

    /** Lets go of the workspace so another opener (a window under test, a child JVM) can have it. */
    public void close() {
        ctx.close();
    }

    public static TestWorkspace demo(Path dir) {
        TestWorkspace w = new TestWorkspace(dir);
        w.ctx.populateDemoIfEmpty();
        return w;
    }
}
