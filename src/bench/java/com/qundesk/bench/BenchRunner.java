package com.qundesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.db.ServerAddress;
import com.qundesk.flash.FlashRepository;
import com.qundesk.group.Group;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.value.MetricsRepository;
import com.qundesk.value.ValueModel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code bench run}: builds the workspace from generated inputs through the real services and measures the
 * five figures of issue 6 — chat import (with the sqlite3 shell's {@code .import} as the floor), dashboard, cold
 * start, peak memory and the longest pulse gap during an import in the UI — then prints a table and writes JSON.
 * The in-process figures (import, dashboard) need nothing else; the others start the real app on a display
 * ({@link SpawnedFigures}).
 */
public final class BenchRunner {

    public static final List<String> FIGURES = List.of("import", "dashboard", "coldstart", "memory", "responsiveness",
            "cli-import");
    /** Calls before the timed ones, per dashboard call timed (the portfolio's very first call is reported apart). */
    static final int WARMUP = 5;
    /** Timed calls per dashboard call: 100, so that the nearest-rank p95 is the 95th of 100, not the 19th of 20. */
    static final int RUNS = Integer.getInteger("qundesk.bench.dashboardRuns", 100);
    static final int WINDOW_DAYS = 30;

    /**
     * @param dir       generated inputs (generated here first when the folder has no manifest)
     * @param only      the figures to measure
     * @param jar       the app jar the spawned figures start
     * @param json      where the JSON goes
     * @param coldRuns  cold starts per variant
     * @param rebuild   build the workspace again even when one from these inputs is there
     * @param appOptions JVM options for every start of the app (e.g. a heap limit being tried)
     * @param server     a PostgreSQL server to measure the import and dashboard on as well (null: the file only)
     * @param serverRuns rounds of the server's import figure (import, psql floors)
     * @param pulseRuns  imports in the UI for the responsiveness figure, each in a fresh app on a fresh copy
     */
    public record Options(BenchScale scale, Path dir, Set<String> only, Path jar, Path json, int coldRuns,
                          boolean rebuild, long seed, LocalDate until, List<String> appOptions,
                          ServerAddress server, int serverRuns, int pulseRuns) {
        public Options {
            appOptions = appOptions == null ? List.of() : List.copyOf(appOptions);
        }

        public Options(BenchScale scale, Path dir, Set<String> only, Path jar, Path json, int coldRuns,
                       boolean rebuild, long seed, LocalDate until, List<String> appOptions) {
            this(scale, dir, only, jar, json, coldRuns, rebuild, seed, until, appOptions, null, 0, 1);
        }
    }

    private final Options o;
    private final PrintWriter out;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private Path work;
    private AppPaths home;
    private LocalDate until;
    private JsonNode manifest;

    private BenchRunner(Options o, PrintWriter out) {
        this.o = o;
        this.out = out;
    }

    public static Map<String, Object> run(Options o, PrintWriter out) throws IOException, InterruptedException {
        return new BenchRunner(o, out).run();
    }

    private void log(String s) {
        out.println(s);
        out.flush();
    }

    private Map<String, Object> run() throws IOException, InterruptedException {
        Path manifestFile = o.dir().resolve(BenchGenerator.MANIFEST);
        if (!Files.exists(manifestFile)) {
            log("Generating " + o.scale().token() + " inputs into " + o.dir());
            BenchGenerator.generate(o.scale(), o.seed(), o.until(), o.dir());
        }
        manifest = new ObjectMapper().readTree(manifestFile.toFile());
        BenchScale scale = BenchScale.parse(manifest.get("scale").asText());
        until = LocalDate.parse(manifest.get("until").asText());
        work = o.dir().resolve("work");
        Files.createDirectories(work.resolve("logs"));
        home = WorkspaceBuilder.home(work.resolve("home"));
        json.put("scale", scale.token());
        json.put("inputs", o.dir().toAbsolutePath().toString());
        json.put("until", until.toString());
        json.put("machine", Bench.machine());
        json.put("figures", new ArrayList<>(o.only()));

        Path base = work.resolve("base.qundesk");
        Path ws = work.resolve("workspace.qundesk");
        String stamp = manifest.toString();
        Path baseMarker = work.resolve("base.built");
        Path wsMarker = work.resolve("workspace.built");
        boolean haveBase = !o.rebuild() && Files.exists(base) && Files.exists(baseMarker)
                && Files.readString(baseMarker).equals(stamp);
        if (!haveBase) {
            log("Building the " + scale.token() + " workspace (everything but the headline export) — load "
                    + Bench.loadText());
            Files.deleteIfExists(wsMarker);
            WorkspaceBuilder.Built built = new WorkspaceBuilder(o.dir(), this::log)
                    .build(home, base, until, scale.historyDays);
            BenchQueries.checkpoint(built.context().database());
            built.context().close();
            json.put("build", WorkspaceBuilder.stepsJson(built.steps()));
            json.put("buildProblems", built.problems());
            built.problems().stream().limit(10).forEach(p -> log("  problem: " + p));
            Files.writeString(baseMarker, stamp);
        } else {
            log("Reusing the built workspace " + base);
        }
        Path headline = o.dir().resolve(manifest.get("headline").asText());
        boolean haveWs = !o.rebuild() && haveBase && Files.exists(ws) && Files.exists(wsMarker);
        if (o.only().contains("import") || !haveWs) {
            measureImport(base, ws, headline);
            Files.writeString(wsMarker, stamp);
        }
        MutableClock clock = new MutableClock(WorkspaceBuilder.morningAfter(until));
        AppContext ctx = WorkspaceBuilder.open(home, ws, clock);
        json.put("sizes", BenchQueries.counts(ctx.database()));
        if (o.only().contains("dashboard")) {
            log("Dashboard: " + WARMUP + " warm-up runs, then " + RUNS + ", " + busyCoreText() + " — load "
                    + Bench.loadText());
            json.put("dashboard", dashboard(ctx));
            logDashboard(json);
        }
        ctx.close(); // the spawned app below must be the workspace's one writer
        if (o.server() != null) {
            json.put("server", new ServerFigures(o, new ServerBench(o.server(), home, this::log), this::log,
                    this::dashboard)
                    .measure(ws, o.dir().resolve(BenchGenerator.REGISTRY), headline, clock, work, json));
        }
        Set<String> spawned = new LinkedHashSet<>(o.only());
        spawned.retainAll(List.of("coldstart", "memory", "responsiveness"));
        if (!spawned.isEmpty()) {
            new SpawnedFigures(o, work, home, this::log, json).measure(spawned, base, ws, headline);
        }
        json.put("loadAtEnd", Bench.loadText());
        json.put("targets", targets());
        printTable();
        Files.createDirectories(o.json().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o.json().toFile(), json);
        log("Wrote " + o.json());
        return json;
    }

    // --- 1. chat import ---------------------------------------------------------------------------------------------

    private void measureImport(Path base, Path ws, Path headline) throws IOException, InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        copyWorkspace(base, ws);
        MutableClock clock = new MutableClock(WorkspaceBuilder.morningAfter(until));
        AppContext ctx = WorkspaceBuilder.open(home, ws, clock);
        log("Importing the headline export " + headline.getFileName() + " into the built workspace — load "
                + Bench.loadText());
        r.put("file", o.dir().relativize(headline).toString());
        r.put("fileBytes", Files.size(headline));
        r.put("bigWorkspace", timedImport(ctx, headline, this::log));
        BenchQueries.checkpoint(ctx.database());
        ctx.close();
        if (o.only().contains("import")) {
            Path empty = work.resolve("empty.qundesk");
            deleteWorkspace(empty);
            AppContext fresh = WorkspaceBuilder.open(home, empty, clock);
            fresh.registryImporter().importFile(o.dir().resolve(BenchGenerator.REGISTRY), false);
            log("Importing it again into a workspace holding only the registry — load " + Bench.loadText());
            r.put("emptyWorkspace", timedImport(fresh, headline, this::log));
            fresh.close();
            deleteWorkspace(empty);
            log("sqlite3 .import of the same CSV into a bare table — load " + Bench.loadText());
            Map<String, Object> floor = SqliteFloor.measure(headline, work, 3);
            floor.put("load", Bench.loadText());
            r.put("sqlite3Import", floor);
            @SuppressWarnings("unchecked")
            Map<String, Object> big = (Map<String, Object>) r.get("bigWorkspace");
            if (floor.containsKey("rowsPerSecond")) {
                r.put("ratioToSqlite3", Bench.round(((Number) big.get("messagesPerSecond")).doubleValue()
                        / ((Number) floor.get("rowsPerSecond")).doubleValue(), 2));
            }
        }
        json.put("import", r);
    }

    static Map<String, Object> timedImport(AppContext ctx, Path file, Consumer<String> log) {
        Map<String, Object> m = new LinkedHashMap<>();
        String load = Bench.loadText();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        ImportResult res = ctx.chatImports().importFile(file, ImportOptions.in(BenchPlan.ZONE), () -> false,
                ImportProgress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        m.put("processCpuSeconds", Bench.round((processCpuNanos() - cpu0) / 1e9, 3));
        m.put("rowsRead", res.rowsRead());
        m.put("imported", res.imported());
        m.put("duplicates", res.duplicates());
        m.put("rejected", res.rejectedCount());
        m.put("seconds", Bench.round(s, 3));
        m.put("messagesPerSecond", Math.round(res.rowsRead() / s));
        m.put("load", load);
        log.accept(String.format(java.util.Locale.ROOT, "  %,d rows in %.2f s: %,d messages/s", res.rowsRead(), s,
                Math.round(res.rowsRead() / s)));
        return m;
    }

    /** CPU time of the whole process (every thread: parser, writer, GC, JIT). */
    private static long processCpuNanos() {
        try {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
        } catch (LinkageError e) {
            // a runtime without jdk.management (the packaged app's)
        }
        return 0;
    }

    // --- 2. dashboard -----------------------------------------------------------------------------------------------

    /**
     * The dashboard's figures on an open workspace (a file's or a server's), the same calls either way, while another
     * process keeps one core busy ({@link BusyCore}; off with {@code -Dqundesk.bench.busyCore=false}).
     */
    Map<String, Object> dashboard(AppContext ctx) {
        BusyCore busy = BusyCore.startIfWanted();
        try {
            Map<String, Object> r = dashboardCalls(ctx);
            r.put("busyCore", busy != null);
            if (busy != null) {
                r.put("busyCoreProcess", busy.report());
            }
            return r;
        } finally {
            if (busy != null) {
                busy.close();
            }
        }
    }

    private static String busyCoreText() {
        return BusyCore.wanted() ? "another process keeping one core busy" : "no busy core";
    }

    @SuppressWarnings("unchecked")
    private void logDashboard(Map<String, Object> json) {
        Map<String, Object> d = (Map<String, Object>) json.get("dashboard");
        for (String k : List.of("portfolio", "health", "groupDetail")) {
            if (d.get(k) instanceof Map<?, ?> m) {
                log(String.format(java.util.Locale.ROOT, "  %-12s median %7.1f ms, p95 %7.1f ms (CPU %6.1f / %6.1f ms)",
                        k, m.get("medianMs"), m.get("p95Ms"), m.get("cpuMedianMs"), m.get("cpuP95Ms")));
            }
        }
        log("  busyCore: " + d.get("busyCore") + (d.get("busyCoreProcess") == null ? ""
                : " " + d.get("busyCoreProcess")));
    }

    private Map<String, Object> dashboardCalls(AppContext ctx) {
        Map<String, Object> r = new LinkedHashMap<>();
        LocalDate day = ctx.health().today();
        r.put("day", day.toString());
        r.put("windowDays", WINDOW_DAYS);
        long t0 = System.nanoTime();
        int verdicts = ctx.dashboard().portfolio(day, WINDOW_DAYS).recommendations().size();
        r.put("firstPortfolioMs", Bench.round((System.nanoTime() - t0) / 1e6, 1));
        r.put("liveGroupsJudged", verdicts);
        r.put("portfolio", timed(() -> ctx.dashboard().portfolio(day, WINDOW_DAYS)));
        r.put("health", timed(() -> ctx.health().evaluate(day, WINDOW_DAYS)));
        // the parts of the portfolio that are public calls (the rest: trend and value-by-week queries)
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("flashList", timed(() -> ctx.flash().list()));
        parts.put("groupsList", timed(() -> ctx.groups().list()));
        parts.put("flashLifecycles", timed(() -> ctx.database().read(c -> new FlashRepository().findAll(c))));
        parts.put("healthThresholds", timed(() -> ctx.health().thresholds()));
        parts.put("metricsQuery", timed(() -> ctx.database().read(c -> MetricsRepository.compute(c,
                day.minusDays(WINDOW_DAYS - 1L), day, BenchPlan.ZONE, ValueModel.halfLife(WINDOW_DAYS), id -> 100, null))));
        r.put("portfolioParts", parts);
        String external = manifest.get("headlineGroup").asText();
        Optional<Group> g = ctx.groups().list().stream().filter(x -> external.equals(x.externalId())).findFirst();
        if (g.isPresent()) {
            long id = g.get().id();
            Map<String, Object> detail = timed(() -> ctx.dashboard().groupDetail(id, day, WINDOW_DAYS, ctx.ledger()));
            detail.put("group", g.get().name());
            r.put("groupDetail", detail);
        }
        r.put("load", Bench.loadText());
        return r;
    }

    /**
     * Wall-clock times of {@code work} after a warm-up, with the calling thread's CPU time beside them: SQLite runs
     * in that thread, so on a shared machine the CPU time is the estimate that does not grow with the others' load.
     */
    private static Map<String, Object> timed(Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) {
            work.get();
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.get();
            ms.add((System.nanoTime() - t0) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
        }
        Map<String, Object> m = Bench.summary(ms);
        m.put("cpuMedianMs", Bench.round(Bench.median(cpu), 2));
        m.put("cpuP95Ms", Bench.round(Bench.percentile(cpu, 95), 2));
        return m;
    }

    // --- results ----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> m, String... path) {
        Object v = m;
        for (String p : path) {
            if (!(v instanceof Map<?, ?> mm) || !mm.containsKey(p)) {
                return null;
            }
            v = ((Map<String, Object>) mm).get(p);
        }
        return v;
    }

    private Map<String, Object> targets() {
        Map<String, Object> t = new LinkedHashMap<>();
        target(t, "importMessagesPerSecond", at(json, "import", "bigWorkspace", "messagesPerSecond"), 250_000, true);
        target(t, "importRatioToSqlite3", at(json, "import", "ratioToSqlite3"), 1.0, true);
        target(t, "dashboardP95Ms", at(json, "dashboard", "portfolio", "p95Ms"), 100, false);
        target(t, "groupDetailP95Ms", at(json, "dashboard", "groupDetail", "p95Ms"), 20, false);
        // the figure is the first frame; the start view drawn with its data is the stricter reading
        target(t, "serverPortfolioMedianRatio", at(json, "server", "dashboardRatios", "portfolioMedian"), 1.5, false);
        target(t, "serverGroupDetailMedianRatio", at(json, "server", "dashboardRatios", "groupDetailMedian"), 1.5,
                false);
        target(t, "serverImportVsPsqlCsv", at(json, "server", "import", "ratioToPsqlCsv"), 1.0, false);
        target(t, "serverImportVsPsqlRows", at(json, "server", "import", "ratioToPsqlStoredRows"), 1.0, false);
        target(t, "coldStartFirstFrameMs", at(json, "coldstart", "default", "spawnToWindow", "medianMs"), 1500, false);
        target(t, "coldStartFirstFrameAotMs", at(json, "coldstart", "aotCache", "spawnToWindow", "medianMs"), 1500,
                false);
        target(t, "startViewWithDataMs", at(json, "coldstart", "default", "spawnToStartView", "medianMs"), 1500, false);
        target(t, "startViewWithDataAotMs", at(json, "coldstart", "aotCache", "spawnToStartView", "medianMs"), 1500,
                false);
        target(t, "peakRssMiB", at(json, "memory", "default", "peakRssMiB"), 300, false);
        target(t, "longestPulseGapMs", at(json, "responsiveness", "maxGapMs"), 50, false);
        return t;
    }

    private void target(Map<String, Object> t, String name, Object value, double target, boolean atLeast) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", (atLeast ? "≥ " : "≤ ") + Bench.fmt(target, target < 10 ? 1 : 0));
        if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
            double v = n.doubleValue();
            boolean met = atLeast ? v >= target : v <= target;
            m.put("value", v);
            m.put("met", met);
            table.add(new String[] {name, Bench.fmt(v, v < 100 ? 2 : 0), (String) m.get("target"), met ? "yes" : "NO"});
        } else {
            m.put("value", null);
            m.put("met", null);
            table.add(new String[] {name, "—", (String) m.get("target"), "not measured"});
        }
        t.put(name, m);
    }

    private void printTable() {
        log("");
        log(String.format("%-26s %14s %12s  %s", "figure (" + json.get("scale") + ")", "value", "target", "met"));
        for (String[] row : table) {
            log(String.format("%-26s %14s %12s  %s", row[0], row[1], row[2], row[3]));
        }
        log("machine: " + json.get("machine") + "; load at end " + json.get("loadAtEnd"));
    }

    static void copyWorkspace(Path from, Path to) throws IOException {
        deleteWorkspace(to);
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteWorkspace(Path ws) throws IOException {
        Files.deleteIfExists(ws);
        Files.deleteIfExists(ws.resolveSibling(ws.getFileName() + "-wal"));
        Files.deleteIfExists(ws.resolveSibling(ws.getFileName() + "-shm"));
    }
}
