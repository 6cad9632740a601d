package com.qundesk.bench;

import com.qundesk.cli.QunDeskCli;
import com.qundesk.core.AppPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Entry point of {@code qundesk-bench.jar}: runs {@link BenchCommand} against the app on its class path. The bench
 * is built beside the app and depends on it; the app knows nothing of it.
 */
public final class BenchMain {
    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);

    private BenchMain() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.forCurrentUser();
        if (System.getProperty("qundesk.logdir") == null) {
            System.setProperty("qundesk.logdir", paths.logDir().toString());
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, Clock.systemUTC(), out, err));
    }

    /**
     * Runs {@code generate} or {@code run} and returns the exit code (the app's CLI codes: 0, 1, 64 for a usage
     * error); a failure is said in one line on {@code err}, its stack trace goes to the log.
     */
    public static int run(String[] args, Clock clock, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BenchCommand(clock));
        cl.setOut(out);
        cl.setErr(err);
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, rest) -> {
            usage.handleParseException(ex, rest);
            return QunDeskCli.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            log.error("Bench failed", ex);
            commandLine.getErr().println("bench: " + ex + " (details in the log in "
                    + System.getProperty("qundesk.logdir", "the log folder") + ")");
            commandLine.getErr().flush();
            return QunDeskCli.FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
