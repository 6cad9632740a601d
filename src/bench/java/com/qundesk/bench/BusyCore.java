package com.qundesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another process that keeps one core busy while a figure is measured (issue 17, target 3: "while another process
 * keeps one core busy — the machine is never idle in real life"): {@code sh -c 'while :; do :; done'}, started
 * before the figure and killed after it. What it really got of the machine is reported beside the figure (its CPU
 * time over its wall time: ~1.0 when it had a core to itself).
 * <p>
 * On by default; {@code -Dqundesk.bench.busyCore=false} measures on an otherwise idle machine, for comparison.
 */
final class BusyCore implements AutoCloseable {

    static final String PROPERTY = "qundesk.bench.busyCore";

    private final Process process;
    private final long startNanos = System.nanoTime();

    private BusyCore(Process process) {
        this.process = process;
    }

    /** Whether the figures that honour it run with a busy core (the default). */
    static boolean wanted() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
    }

    /** Starts the spinning process, or returns null when it is not wanted or {@code sh} cannot be started. */
    static BusyCore startIfWanted() {
        if (!wanted()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", "while :; do :; done")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return new BusyCore(p);
        } catch (IOException e) {
            return null;
        }
    }

    long pid() {
        return process.pid();
    }

    /** Its CPU time and its share of its wall time so far: what the figure shared the machine with. */
    Map<String, Object> report() {
        Map<String, Object> m = new LinkedHashMap<>();
        double wallMs = (System.nanoTime() - startNanos) / 1e6;
        Duration cpu = process.toHandle().info().totalCpuDuration().orElse(null);
        m.put("command", "sh -c 'while :; do :; done'");
        m.put("wallMs", Bench.round(wallMs, 0));
        if (cpu != null) {
            m.put("cpuMs", cpu.toMillis());
            m.put("cpuShare", Bench.round(cpu.toMillis() / Math.max(1, wallMs), 2));
        }
        return m;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
