package com.qundesk.bench;

import com.qundesk.app.StartupProbe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The memory figure: the app's peak RSS ({@code VmHWM}) with the big workspace open and the dashboard shown, beside
 * the platform's floor — {@link PlatformFloor}, the same JVM with the same options on the same display, JavaFX
 * showing a window of the app's size in the app's CJK font and nothing of QunDesk — so that the result says what
 * QunDesk itself adds (its part: app − floor), with and without the AOT cache. The floor and the app are alternated
 * run by run ({@code -Dqundesk.bench.memoryRuns=N}, default 1), and the same two with
 * {@code -Dqundesk.bench.compareOptions} added are alternated with them when given (an A/B of a JVM option, which
 * may move the floor too).
 */
final class MemoryFigure {

    static final String RUNS = "qundesk.bench.memoryRuns";

    private final SpawnedFigures spawned;
    private final Path work;
    private final Consumer<String> log;
    private String floorClassPath;

    MemoryFigure(SpawnedFigures spawned, Path work, Consumer<String> log) {
        this.spawned = spawned;
        this.work = work;
        this.log = log;
    }

    Map<String, Object> measure(Display d, Path ws, Path appAot, List<String> compare)
            throws IOException, InterruptedException {
        floorClassPath = floorClassPath(work.resolve("platform-floor.jar"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("default", variant(d, ws, List.of(), List.of(), compare, "memory"));
        Path floorAot = work.resolve("floor.aot");
        if (Files.exists(appAot) && trainFloor(d, ws, floorAot)) {
            r.put("aotCache", variant(d, ws, List.of("-XX:AOTCache=" + appAot), List.of("-XX:AOTCache=" + floorAot),
                    compare, "memory-aot"));
        }
        return r;
    }

    private boolean trainFloor(Display d, Path ws, Path aot) throws IOException, InterruptedException {
        Files.deleteIfExists(aot);
        SpawnedApp.Outcome t = SpawnedApp.run(spawned.launch(d, ws, List.of("-XX:AOTCacheOutput=" + aot),
                Map.of(StartupProbe.EXIT, "true"), "floor-aot-training", Duration.ofMinutes(2), true,
                floorClassPath));
        if (!t.ok() || !Files.exists(aot)) {
            log.accept("  no AOT cache for the floor: " + (t.ok() ? "the JVM wrote none" : t.problem()));
            return false;
        }
        return true;
    }

    /**
     * The floor's class path: {@link PlatformFloor}'s classes copied out of the bench into a jar of their own (the
     * AOT cache takes jars only), and the jars of the JavaFX modules it uses (where the bench's own JavaFX classes
     * come from: the app's lib/) — not the bench's or the app's jar, whose manifests bring every library of the app.
     */
    static String floorClassPath(Path jar) throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(jar.toAbsolutePath().toString());
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : PlatformFloor.CLASSES) {
                String file = c.getName().replace('.', '/') + ".class";
                try (var in = c.getClassLoader().getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IOException("the bench has no " + file);
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(file));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        for (Class<?> c : List.of(javafx.beans.Observable.class, javafx.application.Application.class,
                javafx.scene.control.Label.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** One variant (with or without the AOT cache): floor, app and the compared app, alternated run by run. */
    private Map<String, Object> variant(Display d, Path ws, List<String> appJvm, List<String> floorJvm,
                                        List<String> compare, String name) throws IOException, InterruptedException {
        int runs = Math.max(1, Integer.getInteger(RUNS, 1));
        log.accept("Peak RSS with the dashboard shown " + (appJvm.isEmpty() ? "" : appJvm + " ") + "and the platform's"
                + " floor, × " + runs + (compare.isEmpty() ? "" : ", alternated with " + compare) + " — load "
                + Bench.loadText());
        List<String> loads = new ArrayList<>();
        Series floor = new Series();
        Series app = new Series();
        Series other = new Series();
        Series otherFloor = new Series();
        List<String> otherJvm = new ArrayList<>(appJvm);
        otherJvm.addAll(compare);
        List<String> otherFloorJvm = new ArrayList<>(floorJvm);
        otherFloorJvm.addAll(compare);
        for (int i = 0; i < runs; i++) {
            loads.add(Bench.loadText());
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (int which : order) {
                if (which == 0) {
                    floor.add(SpawnedApp.run(spawned.launch(d, ws, floorJvm, Map.of(), name + "-floor-" + i,
                            Duration.ofMinutes(2), false, floorClassPath)));
                } else if (which == 1) {
                    app.add(SpawnedApp.run(spawned.launch(d, ws, appJvm, Map.of(StartupProbe.VIEW, "dashboard"),
                            name + "-" + i, Duration.ofMinutes(3), false, null)));
                } else if (compare.isEmpty()) {
                    continue;
                } else if (which == 2) {
                    otherFloor.add(SpawnedApp.run(spawned.launch(d, ws, otherFloorJvm, Map.of(),
                            name + "-floor-" + i + "-b", Duration.ofMinutes(2), false, floorClassPath)));
                } else {
                    other.add(SpawnedApp.run(spawned.launch(d, ws, otherJvm, Map.of(StartupProbe.VIEW, "dashboard"),
                            name + "-" + i + "-b", Duration.ofMinutes(3), false, null)));
                }
                Thread.sleep(500);
            }
        }
        Map<String, Object> m = app.summary();
        if (app.problem != null) {
            m.put("problem", app.problem);
        }
        Map<String, Object> f = floor.summary();
        if (floor.problem != null) {
            f.put("problem", floor.problem);
        }
        m.put("floor", f);
        double floorPeak = Bench.median(floor.peaks);
        double appPeak = Bench.median(app.peaks);
        m.put("qundeskPartMiB", Bench.round(appPeak - floorPeak, 1));
        m.put("qundeskHeapUsedPartMiB", Bench.round(Bench.median(app.heapUsed) - Bench.median(floor.heapUsed), 1));
        log.accept(String.format(java.util.Locale.ROOT,
                "  floor %.1f MiB (heap used %.0f), QunDesk %.1f MiB (heap used %.0f of %.0f committed): "
                        + "QunDesk's part %.1f MiB", floorPeak, Bench.median(floor.heapUsed), appPeak,
                Bench.median(app.heapUsed), Bench.median(app.heapCommitted), appPeak - floorPeak));
        if (!compare.isEmpty()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("options", compare);
            b.putAll(other.summary());
            b.put("floor", otherFloor.summary());
            double otherFloorPeak = Bench.median(otherFloor.peaks);
            b.put("qundeskPartMiB", Bench.round(Bench.median(other.peaks) - otherFloorPeak, 1));
            m.put("compared", b);
            log.accept(String.format(java.util.Locale.ROOT, "  %s: floor %.1f MiB, QunDesk %.1f MiB, its part %.1f MiB",
                    compare, otherFloorPeak, Bench.median(other.peaks), Bench.median(other.peaks) - otherFloorPeak));
        }
        m.put("loads", loads);
        m.put("load", Bench.loadText());
        return m;
    }

    /** The runs of one process kind. */
    private static final class Series {
        private final List<Double> peaks = new ArrayList<>();
        private final List<Double> rss = new ArrayList<>();
        private final List<Double> heapUsed = new ArrayList<>();
        private final List<Double> heapCommitted = new ArrayList<>();
        private SpawnedApp.Outcome last;
        private String problem;

        void add(SpawnedApp.Outcome r) {
            if (!r.ok() || r.memory().get("VmHWM") == null) {
                problem = r.ok() ? "no VmHWM (not Linux?)" : r.problem();
                return;
            }
            peaks.add(r.memory().get("VmHWM"));
            rss.add(r.memory().get("VmRSS"));
            heapUsed.add(r.number("heapUsedMiB"));
            heapCommitted.add(r.number("heapCommittedMiB"));
            last = r;
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peakRssMiB", Bench.round(Bench.median(peaks), 1));
            m.put("peakRssSamplesMiB", peaks);
            m.put("rssMiB", Bench.round(Bench.median(rss), 1));
            m.put("heapUsedMiB", Bench.round(Bench.median(heapUsed), 1));
            m.put("heapCommittedMiB", Bench.round(Bench.median(heapCommitted), 1));
            if (last != null) {
                m.put("heapMaxMiB", last.number("heapMaxMiB"));
                if (last.at("dashboardShownMs") > 0) {
                    m.put("dashboardShownAfterMs", last.at("dashboardShownMs") - last.spawnedMs());
                }
                if (last.probe().getProperty("windowSize") != null) {
                    m.put("windowSize", last.probe().getProperty("windowSize"));
                }
                m.put("prism", last.probe().getProperty("prismPipeline"));
            }
            return m;
        }
    }
}
