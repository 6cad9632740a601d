package com.qundesk.bench;

import com.qundesk.app.Launcher;
import com.qundesk.cli.QunDeskCli;
import com.qundesk.db.ServerAddress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code bench generate|run}: the performance benchmark of issue 6 (see docs/performance.md), started by
 * {@link BenchMain}. A developer's tool, so its output is English only and it does not touch the operator's workspace.
 */
@Command(name = "bench", description = "Performance benchmark: generate inputs, build a workspace, measure.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Run.class, CommandLine.HelpCommand.class})
public final class BenchCommand {

    private final Clock clock;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    BenchCommand(Clock clock) {
        this.clock = clock;
    }

    static LocalDate yesterday(BenchCommand root) {
        return root.clock.instant().atZone(BenchPlan.ZONE).toLocalDate().minusDays(1);
    }

    static Path defaultDir(BenchScale scale) {
        return Path.of("target", "bench", scale.token());
    }

    @Command(name = "generate", description = "Write deterministic inputs (registry, ledger, stats, chat exports).")
    static final class Generate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--scale", defaultValue = "small", description = "small, medium or big (default ${DEFAULT-VALUE})")
        String scale;

        @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default target/bench/<scale>).")
        Path out;

        @Option(names = "--seed", defaultValue = "6", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--until", paramLabel = "DAY", description = "Last day of data (default yesterday, Asia/Shanghai).")
        LocalDate until;

        @Override
        public Integer call() throws Exception {
            BenchCommand root = (BenchCommand) spec.root().userObject();
            PrintWriter o = spec.commandLine().getOut();
            BenchScale s = BenchScale.parse(scale);
            Path dir = out != null ? out : defaultDir(s);
            if (Files.exists(dir.resolve(BenchGenerator.MANIFEST))) {
                spec.commandLine().getErr().println("bench: " + dir + " already holds generated inputs; "
                        + "delete it or pick another --out");
                return QunDeskCli.FAILED;
            }
            BenchGenerator.Summary r = BenchGenerator.generate(s, seed, until != null ? until : yesterday(root), dir);
            o.printf(Locale.ROOT, "Generated %s inputs in %s: %,d groups, %,d campaigns, %,d messages (headline %s), "
                            + "%,d daily-stat rows planned (%,d from stats.csv), %,.0f MB in %.1f s%n",
                    s.token(), dir, r.groups(), r.campaigns(), r.messages(), dir.relativize(r.headline()),
                    r.statRowsPlanned(), r.csvStatRows(), r.bytes() / 1e6, r.seconds());
            return QunDeskCli.OK;
        }
    }

    @Command(name = "run", description = "Build the workspace through the services and measure the five figures.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--scale", defaultValue = "small", description = "small, medium or big (default ${DEFAULT-VALUE})")
        String scale;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Generated inputs (default target/bench/<scale>; generated first when missing).")
        Path dir;

        @Option(names = "--only", split = ",", paramLabel = "FIGURE",
                description = "Some of: import, dashboard, coldstart, memory, responsiveness, cli-import (default all).")
        List<String> only;

        @Option(names = "--jar", paramLabel = "JAR", description = "The app jar to start (default: the qundesk.jar beside this one, else target/qundesk.jar).")
        Path jar;

        @Option(names = "--json", paramLabel = "FILE", description = "Result file (default target/bench/<scale>.json).")
        Path json;

        @Option(names = "--cold-runs", defaultValue = "5", description = "Cold starts per variant (default ${DEFAULT-VALUE}).")
        int coldRuns;

        @Option(names = "--pulse-runs", defaultValue = "3",
                description = "responsiveness: imports in the UI, each in a fresh app on a fresh copy (default ${DEFAULT-VALUE}).")
        int pulseRuns;

        @Option(names = "--rebuild", description = "Build the workspace again even if one from these inputs exists.")
        boolean rebuild;

        @Option(names = "--seed", defaultValue = "6", description = "Seed when the inputs must be generated first.")
        long seed;

        @Option(names = "--workspace", paramLabel = "postgresql://USER@HOST[:PORT]/DB",
                description = "Also measure import and dashboard on this PostgreSQL server (the bench creates and "
                        + "drops DB_ws, DB_import and DB_floor beside DB; its user needs CREATEDB).")
        String server;

        @Option(names = "--server-runs", defaultValue = "3",
                description = "Rounds of the server's import figure, each import then psql floors (default ${DEFAULT-VALUE}).")
        int serverRuns;

        @Option(names = "--app-option", paramLabel = "OPTION",
                description = "A JVM option for every start of the app (repeatable), e.g. --app-option=-Xmx256m.")
        List<String> appOptions;

        @Option(names = "--cli-runs", defaultValue = "3",
                description = "cli-import: runs of the command line's import, each followed by sqlite3's (default ${DEFAULT-VALUE}).")
        int cliRuns;

        @Override
        public Integer call() throws Exception {
            BenchCommand root = (BenchCommand) spec.root().userObject();
            BenchScale s = BenchScale.parse(scale);
            Set<String> figures = new LinkedHashSet<>();
            for (String f : only == null ? BenchRunner.FIGURES : only) {
                String t = f.strip().toLowerCase(Locale.ROOT);
                if (!BenchRunner.FIGURES.contains(t)) {
                    spec.commandLine().getErr().println("bench: unknown figure " + f + " (" + BenchRunner.FIGURES + ")");
                    return QunDeskCli.FAILED;
                }
                figures.add(t);
            }
            ServerAddress address = null;
            if (server != null) {
                if (!ServerAddress.looksLikeServer(server)) {
                    spec.commandLine().getErr().println("bench: --workspace takes a postgresql:// address (the file "
                            + "workspace is always built under --dir), not " + server);
                    return QunDeskCli.FAILED;
                }
                address = ServerAddress.parse(server);
            }
            Path inputs = dir != null ? dir : defaultDir(s);
            Path result = json != null ? json : Path.of("target", "bench", s.token() + ".json");
            if (figures.remove("cli-import")) { // a process per import: it needs none of the built workspace
                new CliImportFigure(jar != null ? jar : defaultJar(), inputs,
                        appOptions == null ? List.of() : appOptions, spec.commandLine().getOut())
                        .run(s, seed, cliRuns, result.resolveSibling(s.token() + "-cli-import.json"));
                if (figures.isEmpty()) {
                    return QunDeskCli.OK;
                }
            }
            BenchRunner.run(new BenchRunner.Options(s, inputs, figures, jar != null ? jar : defaultJar(), result,
                    coldRuns, rebuild, seed, yesterday(root), appOptions, address, serverRuns, pulseRuns),
                    spec.commandLine().getOut());
            return QunDeskCli.OK;
        }
    }

    /** The jar the app's classes come from (qundesk-bench.jar names it on its class path), else target/qundesk.jar. */
    static Path defaultJar() {
        try {
            Path p = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (Exception ignored) {
            // fall back below
        }
        return Path.of("target", "qundesk.jar");
    }
}
