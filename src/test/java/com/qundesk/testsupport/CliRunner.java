package com.qundesk.testsupport;

import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.cli.QunDeskCli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The command line as a user runs it, in-process: English messages, the Asia/Shanghai zone, a movable clock and
 * a workspace file in {@code dir}. Each run gets its exit code and what it printed.
 */
public final class CliRunner {

    /** What one command did. */
    public record Result(int code, String out, String err) {
    }

    public final AppPaths paths;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
    /** The workspace file, as passed to {@code --workspace}. */
    public final String ws;

    public CliRunner(Path dir) {
        paths = new AppPaths(dir.resolve("home"));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        ws = dir.resolve("w.qundesk").toString();
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = QunDeskCli.run(args, paths, clock, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }
}
