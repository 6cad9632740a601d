package com.qundesk.bench;

import com.qundesk.app.StartupProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The responsiveness figure: the headline export imported through the Import view of a freshly started app, on a
 * fresh copy of the built workspace, {@code runs} times, each run's pulse gaps recorded by the app's probe. Each long
 * gap (over 50 ms) is placed in the import's phases as the probe saw them — Start pressed, the first progress on the
 * bar, its last change, the file's end, the report shown — so that it can be attributed. With
 * {@code -Dqundesk.bench.compareOptions="OPT …"} or {@code -Dqundesk.bench.compareJar=JAR} each run is paired with
 * one of that variant, alternated (A B, then B A), so that both see the same load; reported under "compared".
 */
final class PulseFigure {

    /** Starts the app on workspace {@code ws} with the probe's properties (SpawnedFigures' launch). */
    interface Launcher {
        SpawnedApp.Launch launch(Path ws, List<String> jvm, Map<String, String> probe, String name, Duration timeout);
    }

    private static final long LONG_GAP_MS = 50;

    private final int runs;
    private final Path work;
    private final Consumer<String> log;
    private final Launcher launcher;

    PulseFigure(int runs, Path work, Consumer<String> log, Launcher launcher) {
        this.runs = Math.max(1, runs);
        this.work = work;
        this.log = log;
        this.launcher = launcher;
    }

    Map<String, Object> measure(Path base, Path headline) throws IOException, InterruptedException {
        List<String> compareOptions = SpawnedFigures.compareOptions();
        String compareJar = System.getProperty("qundesk.bench.compareJar", "").strip();
        boolean compared = !compareOptions.isEmpty() || !compareJar.isEmpty();
        log.accept("Import in the UI with the pulse gaps recorded × " + runs
                + (compared ? ", alternated with " + (compareJar.isEmpty() ? compareOptions : compareJar) : "")
                + " — load " + Bench.loadText());
        List<Map<String, Object>> plain = new ArrayList<>();
        List<Map<String, Object>> other = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (boolean b : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                if (!b) {
                    plain.add(once(base, headline, i, "", List.of(), null));
                } else if (compared) {
                    other.add(once(base, headline, i, "-b", compareOptions,
                            compareJar.isEmpty() ? null : Path.of(compareJar)));
                }
            }
        }
        Map<String, Object> m = summary(plain);
        if (compared) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("options", compareOptions);
            if (!compareJar.isEmpty()) {
                b.put("jar", compareJar);
            }
            b.putAll(summary(other));
            m.put("compared", b);
        }
        return m;
    }

    private Map<String, Object> once(Path base, Path headline, int i, String suffix, List<String> jvm, Path jar)
            throws IOException, InterruptedException {
        Path ui = work.resolve("ui-import.qundesk");
        BenchRunner.copyWorkspace(base, ui);
        String load = Bench.loadText();
        SpawnedApp.Launch l = launcher.launch(ui, jvm, Map.of(StartupProbe.IMPORT, headline.toAbsolutePath().toString()),
                "responsiveness-" + i + suffix, Duration.ofMinutes(15));
        if (jar != null) {
            l = new SpawnedApp.Launch(jar, l.home(), l.workspace(), l.display(), l.jvmOptions(), l.probe(),
                    l.logFile(), l.timeout(), l.waitForExit(), l.floorClassPath());
        }
        SpawnedApp.Outcome r = SpawnedApp.run(l);
        BenchRunner.deleteWorkspace(ui);
        Map<String, Object> m = new LinkedHashMap<>();
        if (!r.ok()) {
            m.put("problem", r.problem());
            log.accept("  run " + i + suffix + ": " + r.problem());
            return m;
        }
        m.put("maxGapMs", Bench.round(r.number("maxGapMs"), 1));
        m.put("p99GapMs", Bench.round(r.number("p99GapMs"), 1));
        m.put("medianGapMs", Bench.round(r.number("medianGapMs"), 1));
        m.put("gapsOver50Ms", (long) r.number("gapsOver50Ms"));
        m.put("gapsOver100Ms", (long) r.number("gapsOver100Ms"));
        m.put("pulses", (long) r.number("importPulses"));
        m.put("importSeconds", Bench.round(r.number("importSeconds"), 2));
        m.put("phasesMs", phases(r));
        m.put("longGaps", longGaps(r));
        m.put("importState", r.probe().getProperty("importState"));
        m.put("importStatus", r.probe().getProperty("importStatus"));
        m.put("previewSeconds", Bench.round(r.number("previewSeconds"), 2));
        m.put("previewMaxGapMs", Bench.round(r.number("previewMaxGapMs"), 1));
        m.put("peakRssMiB", r.memory().get("VmHWM"));
        m.put("prism", r.probe().getProperty("prismPipeline"));
        m.put("load", load);
        Map<Object, Long> byPhase = new LinkedHashMap<>();
        for (Map<String, Object> g : longGaps(r)) {
            byPhase.merge(g.get("phase"), 1L, Long::sum);
        }
        log.accept(String.format(Locale.ROOT, "  run %d%s: longest gap %s ms (%s over 50 ms %s, p99 %s ms) over %s s of "
                        + "import — load %s", i, suffix, m.get("maxGapMs"), m.get("gapsOver50Ms"), byPhase,
                m.get("p99GapMs"), m.get("importSeconds"), load));
        return m;
    }

    /** The import's moments in ms after Start was pressed (the preview's readiness before it, so negative). */
    static Map<String, Object> phases(SpawnedApp.Outcome r) {
        long start = r.at("importStartedMs");
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : List.of("previewReady", "firstProgress", "lastProgress", "importEnded", "reportShown")) {
            long at = r.at(k + "Ms");
            p.put(k, at < 0 ? null : at - start);
        }
        return p;
    }

    /**
     * Each long gap as {ms, endMs after Start, phase}: the phase is the span of the import its end fell in — a
     * moment is seen at a pulse, so a gap ending at that pulse is the work that brought it.
     */
    static List<Map<String, Object>> longGaps(SpawnedApp.Outcome r) {
        long start = r.at("importStartedMs");
        List<Map<String, Object>> out = new ArrayList<>();
        String text = r.probe().getProperty("longGaps", "");
        for (String g : text.isEmpty() ? new String[0] : text.split(",")) {
            String[] endAndMs = g.split(":");
            long end = Long.parseLong(endAndMs[0]);
            long ms = Long.parseLong(endAndMs[1]);
            if (ms <= LONG_GAP_MS) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ms", ms);
            m.put("endMs", end - start);
            m.put("phase", phaseOf(r, end));
            out.add(m);
        }
        return out;
    }

    static String phaseOf(SpawnedApp.Outcome r, long end) {
        if (end <= at(r, "firstProgressMs")) {
            return "start→first progress";
        }
        if (end <= at(r, "lastProgressMs")) {
            return "progress";
        }
        if (end <= at(r, "importEndedMs")) {
            return "last progress→file ended";
        }
        if (end <= at(r, "reportShownMs")) {
            return "file ended→report";
        }
        return "after the report";
    }

    private static long at(SpawnedApp.Outcome r, String key) {
        long v = r.at(key);
        return v < 0 ? Long.MIN_VALUE : v;
    }

    /** The worst run is the figure (the target holds in every run or not at all), each run's beside it. */
    private static Map<String, Object> summary(List<Map<String, Object>> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> max = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        int met = 0;
        for (Map<String, Object> r : runs) {
            if (r.get("maxGapMs") instanceof Double d) {
                max.add(d);
                seconds.add((Double) r.get("importSeconds"));
                met += d <= LONG_GAP_MS ? 1 : 0;
            }
        }
        m.put("maxGapMs", max.isEmpty() ? null : max.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        m.put("maxGapsMs", max);
        m.put("runsMet", met + " of " + runs.size());
        m.put("importSeconds", seconds);
        m.put("runs", runs);
        return m;
    }
}
