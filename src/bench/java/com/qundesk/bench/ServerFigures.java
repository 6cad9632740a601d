package com.qundesk.bench;

import com.qundesk.core.MutableClock;
import com.qundesk.workspace.AppContext;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code bench run --workspace postgresql://…}: the file's in-process figures again on a team workspace. The
 * dashboard runs on a copy of the built workspace (the app's {@code workspace copy}), with the same calls as on the
 * file, printed beside the file's figures with their ratio, and the portfolio once more alternated call by call
 * between the file and the server, so that the machine's load moves both alike. The import is
 * {@link ServerBench#importFigure}, against psql's {@code \copy}.
 */
final class ServerFigures {

    private final BenchRunner.Options o;
    private final ServerBench server;
    private final Consumer<String> log;
    private final Function<AppContext, Map<String, Object>> dashboard;

    ServerFigures(BenchRunner.Options o, ServerBench server, Consumer<String> log,
                  Function<AppContext, Map<String, Object>> dashboard) {
        this.o = o;
        this.server = server;
        this.log = log;
        this.dashboard = dashboard;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> measure(Path ws, Path registry, Path headline, MutableClock clock, Path work,
                                Map<String, Object> json) throws IOException, InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("address", server.admin().display());
        try {
            if (o.only().contains("dashboard")) {
                r.put("workspace", server.copy(ws));
                try (AppContext pg = server.open(server.database("ws"), clock);
                     AppContext file = WorkspaceBuilder.open(server.home(), ws, clock)) {
                    r.put("serverVersion", pg.database().read(c -> c.getMetaData().getDatabaseProductVersion()));
                    log.accept("Dashboard on the server: " + BenchRunner.WARMUP + " warm-up runs, then "
                            + BenchRunner.RUNS + " — load " + Bench.loadText());
                    Map<String, Object> d = dashboard.apply(pg);
                    r.put("dashboard", d);
                    r.put("portfolioAlternated", alternated(file, pg));
                }
                Map<String, Object> f = (Map<String, Object>) json.get("dashboard");
                Map<String, Object> ratios = new LinkedHashMap<>();
                ratio(ratios, "portfolioMedian", f, r, "portfolio", "medianMs");
                ratio(ratios, "portfolioP95", f, r, "portfolio", "p95Ms");
                ratio(ratios, "healthMedian", f, r, "health", "medianMs");
                ratio(ratios, "groupDetailMedian", f, r, "groupDetail", "medianMs");
                ratio(ratios, "groupDetailP95", f, r, "groupDetail", "p95Ms");
                r.put("dashboardRatios", ratios);
                print(f, (Map<String, Object>) r.get("dashboard"), ratios,
                        (Map<String, Object>) r.get("portfolioAlternated"));
            }
            if (o.only().contains("import")) {
                Map<String, Object> imp = server.importFigure(registry, headline, Math.max(1, o.serverRuns()), clock,
                        work.resolve("psql"));
                r.put("import", imp);
                log.accept(String.format(Locale.ROOT, "Import on the server, median of %d: %.2f s; psql \\copy of "
                                + "the CSV %s s (×%s), of the stored rows %s s (×%s)", o.serverRuns(),
                        imp.get("importMedianSeconds"), imp.getOrDefault("psqlCsvMedianSeconds", "—"),
                        imp.getOrDefault("ratioToPsqlCsv", "—"), imp.getOrDefault("psqlStoredRowsMedianSeconds", "—"),
                        imp.getOrDefault("ratioToPsqlStoredRows", "—")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench: the server " + server.admin().display() + " refused: "
                    + e.getMessage(), e);
        }
        r.put("load", Bench.loadText());
        return r;
    }

    /** The portfolio on the file and on the server, one call each in turn, after the same warm-up. */
    private static Map<String, Object> alternated(AppContext file, AppContext pg) {
        LocalDate day = file.health().today();
        List<Double> f = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < BenchRunner.WARMUP + BenchRunner.RUNS; i++) {
            long t0 = System.nanoTime();
            file.dashboard().portfolio(day, BenchRunner.WINDOW_DAYS);
            long t1 = System.nanoTime();
            pg.dashboard().portfolio(day, BenchRunner.WINDOW_DAYS);
            long t2 = System.nanoTime();
            if (i >= BenchRunner.WARMUP) {
                f.add((t1 - t0) / 1e6);
                s.add((t2 - t1) / 1e6);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", Bench.summary(f));
        m.put("server", Bench.summary(s));
        m.put("medianRatio", Bench.round(Bench.median(s) / Bench.median(f), 2));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void ratio(Map<String, Object> out, String name, Map<String, Object> file, Map<String, Object> r,
                              String figure, String key) {
        Map<String, Object> d = (Map<String, Object>) r.get("dashboard");
        if (file == null || !(file.get(figure) instanceof Map<?, ?> f) || !(d.get(figure) instanceof Map<?, ?> s)) {
            return;
        }
        double a = ((Number) f.get(key)).doubleValue();
        double b = ((Number) s.get(key)).doubleValue();
        out.put(name, Bench.round(b / a, 2));
    }

    @SuppressWarnings("unchecked")
    private void print(Map<String, Object> file, Map<String, Object> pg, Map<String, Object> ratios,
                       Map<String, Object> alt) {
        log.accept(String.format(Locale.ROOT, "%-22s %16s %16s %8s", "dashboard (ms)", "file", "server", "ratio"));
        for (String k : List.of("portfolio", "health", "groupDetail")) {
            if (file == null || !(file.get(k) instanceof Map<?, ?>) || !(pg.get(k) instanceof Map<?, ?>)) {
                continue;
            }
            Map<String, Object> f = (Map<String, Object>) file.get(k);
            Map<String, Object> s = (Map<String, Object>) pg.get(k);
            log.accept(String.format(Locale.ROOT, "%-22s %7.1f /%7.1f %7.1f /%7.1f %8s", k + " median / p95",
                    f.get("medianMs"), f.get("p95Ms"), s.get("medianMs"), s.get("p95Ms"),
                    ratios.getOrDefault(k + "Median", "—")));
        }
        Map<String, Object> af = (Map<String, Object>) alt.get("file");
        Map<String, Object> as = (Map<String, Object>) alt.get("server");
        log.accept(String.format(Locale.ROOT, "%-22s %7.1f /%7.1f %7.1f /%7.1f %8s", "portfolio, alternated",
                af.get("medianMs"), af.get("p95Ms"), as.get("medianMs"), as.get("p95Ms"), alt.get("medianRatio")));
    }
}
