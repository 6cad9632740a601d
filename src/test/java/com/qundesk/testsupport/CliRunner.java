package com.qundesk.testsupport;

import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.cli.QunDeskCli;
import com.qundesk.db.Dialect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The command line as a user runs it, in-process: English messages, the Asia/Shanghai zone, a movable clock and
 * a workspace file in {@code dir} ({@link #on}: or a fresh team database on the tests' own PostgreSQL server). Each
 * run gets its exit code and what it printed.
 */
public final class CliRunner {

    /** What one command did. */
    public record Result(int code, String out, String err) {
    }

    public final AppPaths paths;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
    /** The workspace as passed to {@code --workspace}: a file's path or a {@code postgresql://} address. */
    public final String ws;

    public CliRunner(Path dir) {
        this(dir, dir.resolve("w.qundesk").toString());
    }

    private CliRunner(Path dir, String ws) {
        paths = new AppPaths(dir.resolve("home"));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        this.ws = ws;
    }

    /**
     * The CLI on {@code dialect}'s database: a workspace file not yet made in {@code dir}, or a fresh team database
     * at the newest schema with nothing in it, given to {@code --workspace} as its {@code postgresql://} address.
     */
    public static CliRunner on(Dialect dialect, Path dir) {
        if (dialect == Dialect.SQLITE) {
            return new CliRunner(dir);
        }
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        return new CliRunner(dir, PostgresServer.workspace(caller).address().display());
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QunDeskCli.run(args, paths, clock, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
