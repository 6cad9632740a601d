package com.qundesk.bench;

import com.qundesk.app.StartupProbe;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Starts the real app ({@code java -jar qundesk.jar --workspace W}) on a display with the {@link StartupProbe} on
 * (or, for the memory figure's floor, {@link PlatformFloor} with the same JVM options),
 * waits for the probe's result, reads the process's peak RSS from {@code /proc/PID/status} while it still runs, then
 * ends it (unless it was asked to quit by itself, as an AOT training run is).
 */
final class SpawnedApp {

    /** {@code floorClassPath}: null for the app ({@code -jar jar --workspace W}), else {@link PlatformFloor}'s. */
    record Launch(Path jar, Path home, Path workspace, String display, List<String> jvmOptions,
                  Map<String, String> probe, Path logFile, Duration timeout, boolean waitForExit,
                  String floorClassPath) {
    }

    /** What one run gave: the probe's properties, the harness's own times and the process's memory. */
    record Outcome(Properties probe, long spawnedMs, long resultSeenMs, Map<String, Double> memory, Integer exitCode,
                   String error) {
        long at(String key) {
            return Long.parseLong(probe.getProperty(key, "-1"));
        }

        double number(String key) {
            return Double.parseDouble(probe.getProperty(key, "NaN"));
        }

        boolean ok() {
            return error == null && probe.getProperty("error") == null;
        }

        String problem() {
            return error != null ? error : probe.getProperty("error");
        }
    }

    private SpawnedApp() {
    }

    static Outcome run(Launch l) throws IOException, InterruptedException {
        Path result = l.logFile().resolveSibling(l.logFile().getFileName() + ".result");
        Files.deleteIfExists(result);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(com.qundesk.app.JvmOptions.forTheApp()); // as installed; --app-option comes after and wins
        cmd.addAll(l.jvmOptions());
        cmd.add("-Dqundesk.home=" + l.home().toAbsolutePath());
        cmd.add("-D" + StartupProbe.RESULT + "=" + result.toAbsolutePath());
        l.probe().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (l.floorClassPath() == null) {
            cmd.add("-jar");
            cmd.add(l.jar().toAbsolutePath().toString());
            cmd.add("--workspace");
            cmd.add(l.workspace().toAbsolutePath().toString());
        } else {
            cmd.add("-cp");
            cmd.add(l.floorClassPath());
            cmd.add(PlatformFloor.class.getName());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(l.logFile().toFile());
        pb.environment().put("DISPLAY", l.display());
        long spawned = System.currentTimeMillis();
        Process p = pb.start();
        Thread stopper = new Thread(p::destroyForcibly, "bench-app-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return await(l, p, spawned, result);
        } finally {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private static Outcome await(Launch l, Process p, long spawned, Path result)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + l.timeout().toNanos();
        Map<String, Double> memory = new LinkedHashMap<>();
        String error = null;
        long seen = -1;
        while (true) {
            if (Files.exists(result)) {
                seen = System.currentTimeMillis();
                memory = Bench.memoryOf(p.pid());
                break;
            }
            if (!p.isAlive()) {
                error = "the app ended (exit " + p.exitValue() + ") before reporting; see " + l.logFile();
                break;
            }
            if (System.nanoTime() > deadline) {
                error = "no result within " + l.timeout().toSeconds() + " s; see " + l.logFile();
                break;
            }
            Thread.sleep(20);
        }
        Integer exit = null;
        if (l.waitForExit() && error == null) {
            if (p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                exit = p.exitValue();
            } else {
                error = "the app did not quit by itself; see " + l.logFile();
            }
        }
        Properties props = new Properties();
        if (Files.exists(result)) {
            try (Reader r = Files.newBufferedReader(result, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        return new Outcome(props, spawned, seen, memory, exit, error);
    }
}
