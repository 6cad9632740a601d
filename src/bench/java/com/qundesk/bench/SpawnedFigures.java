package com.qundesk.bench;

import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.app.StartupProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The figures of {@code bench run} that start the real app on a display — cold start (with and without an AOT cache
 * trained first), peak memory with the dashboard shown, and the longest pulse gap during an import in the UI — put
 * into the run's JSON under their figure names. {@link BenchRunner} decides which to measure and prints the table.
 */
final class SpawnedFigures {

    private final BenchRunner.Options o;
    private final Path work;
    private final AppPaths home;
    private final Consumer<String> log;
    private final Map<String, Object> json;

    SpawnedFigures(BenchRunner.Options o, Path work, AppPaths home, Consumer<String> log, Map<String, Object> json) {
        this.o = o;
        this.work = work;
        this.home = home;
        this.log = log;
        this.json = json;
    }

    private void log(String s) {
        log.accept(s);
    }

    void measure(Set<String> figures, Path base, Path ws, Path headline)
            throws IOException, InterruptedException {
        StringBuilder whyNot = new StringBuilder();
        Path jar = o.jar();
        if (!Files.isRegularFile(jar)) {
            whyNot.append("no app jar at ").append(jar).append(" (./mvnw -q -DskipTests package)");
        }
        Optional<Display> display = whyNot.isEmpty() ? Display.acquire(log, whyNot) : Optional.empty();
        if (display.isEmpty()) {
            log("Skipping " + figures + ": " + whyNot);
            for (String f : figures) {
                json.put(f, Map.of("skipped", whyNot.toString()));
            }
            return;
        }
        try (Display d = display.get()) {
            json.put("display", d.name());
            json.put("appJvmOptions", com.qundesk.app.JvmOptions.forTheApp()); // jvm.options, as installed
            json.put("appOptions", o.appOptions());
            Path aot = work.resolve("qundesk.aot");
            if (figures.contains("coldstart") || figures.contains("memory")) {
                trainAot(d, ws, aot);
            }
            if (figures.contains("coldstart")) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("default", coldStarts(d, ws, List.of(), "cold"));
                if (Files.exists(aot)) {
                    r.put("aotCache", coldStarts(d, ws, List.of("-XX:AOTCache=" + aot), "cold-aot"));
                    r.put("aotCacheBytes", Files.size(aot));
                }
                json.put("coldstart", r);
            }
            if (figures.contains("memory")) {
                json.put("memory", new MemoryFigure(this, work, log).measure(d, ws, aot, compareOptions()));
            }
            if (figures.contains("responsiveness")) {
                json.put("responsiveness", new PulseFigure(o.pulseRuns(), work, log, (w, jvm, probe, name, timeout)
                        -> launch(d, w, jvm, probe, name, timeout, false)).measure(base, headline));
            }
        }
    }

    private SpawnedApp.Launch launch(Display d, Path ws, List<String> jvm, Map<String, String> probe, String name,
                                     Duration timeout, boolean waitForExit) {
        return launch(d, ws, jvm, probe, name, timeout, waitForExit, null);
    }

    /** {@code floorClassPath}: null for the app, else {@link PlatformFloor} is started on it (the memory's floor). */
    SpawnedApp.Launch launch(Display d, Path ws, List<String> jvm, Map<String, String> probe, String name,
                             Duration timeout, boolean waitForExit, String floorClassPath) {
        // start as the operator left it: no remembered view (something overdue opens Today anyway)
        new UserPrefs(home.prefsFile()).put(UserPrefs.LAST_VIEW, null);
        List<String> options = new ArrayList<>(o.appOptions());
        options.addAll(jvm);
        return new SpawnedApp.Launch(o.jar(), home.dataDir(), ws, d.name(), options, probe,
                work.resolve("logs").resolve(name + ".log"), timeout, waitForExit, floorClassPath);
    }

    private void trainAot(Display d, Path ws, Path aot) throws IOException, InterruptedException {
        Files.deleteIfExists(aot);
        log("AOT cache: training run (-XX:AOTCacheOutput) — load " + Bench.loadText());
        SpawnedApp.Outcome t = SpawnedApp.run(launch(d, ws, List.of("-XX:AOTCacheOutput=" + aot),
                Map.of(StartupProbe.EXIT, "true"), "aot-training", Duration.ofMinutes(3), true));
        if (!t.ok() || !Files.exists(aot)) {
            log("  no AOT cache: " + (t.ok() ? "the JVM wrote none; see " + work.resolve("logs") : t.problem()));
        } else {
            log(String.format(java.util.Locale.ROOT, "  %s: %,d bytes", aot.getFileName(), Files.size(aot)));
        }
    }

    /**
     * JVM options of a second variant that the cold start alternates with the first, run by run, so that both see
     * the same load (an A/B of a change to the start path, e.g. {@code -Dqundesk.openEarly=false}): given as
     * {@code java -Dqundesk.bench.compareOptions="OPT …" -jar qundesk-bench.jar run --only coldstart}; reported
     * under "compared". The memory figure alternates them the same way.
     */
    static List<String> compareOptions() {
        String v = System.getProperty("qundesk.bench.compareOptions", "").strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    private Map<String, Object> coldStarts(Display d, Path ws, List<String> jvm, String name)
            throws IOException, InterruptedException {
        List<String> compare = compareOptions();
        log("Cold start " + (jvm.isEmpty() ? "" : jvm + " ") + "× " + o.coldRuns()
                + (compare.isEmpty() ? "" : ", alternated with " + compare) + " — load " + Bench.loadText());
        List<String> loads = new ArrayList<>();
        ColdSeries plain = new ColdSeries();
        ColdSeries other = new ColdSeries();
        List<String> otherJvm = new ArrayList<>(jvm);
        otherJvm.addAll(compare);
        for (int i = 0; i < o.coldRuns(); i++) {
            loads.add(Bench.loadText());
            // A B, then B A: the first start of a pair was seen slower whatever it ran, so each goes first as often
            for (boolean compared : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                if (!compared) {
                    plain.add(i, "", SpawnedApp.run(launch(d, ws, jvm, Map.of(), name + "-" + i,
                            Duration.ofMinutes(2), false)));
                } else if (!compare.isEmpty()) {
                    other.add(i, compare.toString() + " ", SpawnedApp.run(launch(d, ws, otherJvm, Map.of(),
                            name + "-" + i + "-b", Duration.ofMinutes(2), false)));
                } else {
                    continue;
                }
                Thread.sleep(500);
            }
        }
        Map<String, Object> m = plain.summary();
        m.put("loads", loads);
        if (!compare.isEmpty()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("options", compare);
            b.putAll(other.summary());
            m.put("compared", b);
        }
        return m;
    }

    /** The cold starts of one variant. */
    private final class ColdSeries {
        private final List<Double> window = new ArrayList<>();
        private final List<Double> view = new ArrayList<>();
        private final List<Double> filled = new ArrayList<>();
        private final List<Double> fxCpu = new ArrayList<>();
        private final List<Double> processCpu = new ArrayList<>();
        private final List<Double> jvmToView = new ArrayList<>();
        private final List<Double> installed = new ArrayList<>();
        private final List<Double> jvmStart = new ArrayList<>();
        private String startView;
        private String problem;

        void add(int i, String variant, SpawnedApp.Outcome r) {
            if (!r.ok()) {
                problem = r.problem();
                log("  run " + i + ": " + variant + problem);
                return;
            }
            window.add((double) (r.at("windowShownMs") - r.spawnedMs()));
            view.add((double) (r.at("viewShownMs") - r.spawnedMs()));
            jvmToView.add((double) (r.at("viewShownMs") - r.at("jvmStartMs")));
            filled.add((double) (r.at("viewFilledMs") - r.spawnedMs()));
            fxCpu.add(r.number("viewShownFxCpuMs"));
            processCpu.add(r.number("viewShownProcessCpuMs"));
            installed.add((double) (r.at("viewInstalledMs") - r.spawnedMs()));
            jvmStart.add((double) (r.at("jvmStartMs") - r.spawnedMs()));
            startView = r.probe().getProperty("startView");
            log(String.format(java.util.Locale.ROOT, "  run %d: %swindow %d ms, %s view with its data %d ms "
                            + "(every card %d ms; CPU by then: FX thread %.0f ms, process %.0f ms)", i,
                    variant, r.at("windowShownMs") - r.spawnedMs(), startView,
                    r.at("viewShownMs") - r.spawnedMs(), r.at("viewFilledMs") - r.spawnedMs(),
                    r.number("viewShownFxCpuMs"), r.number("viewShownProcessCpuMs")));
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startView", startView);
            m.put("spawnToWindow", Bench.summary(window));
            m.put("spawnToViewsBuilt", Bench.summary(installed));
            m.put("spawnToStartView", Bench.summary(view));
            m.put("spawnToStartViewFilled", Bench.summary(filled));
            m.put("fxThreadCpuToStartView", Bench.summary(fxCpu));
            m.put("processCpuToStartView", Bench.summary(processCpu));
            m.put("spawnToJvmStart", Bench.summary(jvmStart));
            m.put("jvmStartToStartView", Bench.summary(jvmToView));
            if (problem != null) {
                m.put("problem", problem);
            }
            return m;
        }
    }
}
