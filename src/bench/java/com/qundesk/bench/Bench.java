package com.qundesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers shared by the benchmark: percentiles, rounding, the machine and its load. */
final class Bench {

    private Bench() {
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** The p-th percentile (0..100) of the samples, nearest-rank. */
    static double percentile(List<Double> samples, double p) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.clamp(rank - 1, 0, s.length - 1)];
    }

    static double median(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The 1, 5 and 15 minute load averages, or an empty array where /proc is not there. */
    static double[] load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            return new double[0];
        }
    }

    static String loadText() {
        double[] l = load();
        return l.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f %.2f %.2f", l[0], l[1], l[2]);
    }

    /** nproc, memory, CPU model, JDK and OS, for the report. */
    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("memTotal", procField("/proc/meminfo", "MemTotal"));
        m.put("cpu", procField("/proc/cpuinfo", "model name"));
        m.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAtStart", loadText());
        return m;
    }

    static String procField(String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(field)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }

    /** VmHWM and VmRSS of a process in MiB, from /proc/PID/status; empty where unavailable. */
    static Map<String, Double> memoryOf(long pid) {
        Map<String, Double> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                for (String key : new String[] {"VmHWM", "VmRSS"}) {
                    if (line.startsWith(key + ":")) {
                        long kb = Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                        out.put(key, round(kb / 1024.0, 1));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return out;
    }

    static Map<String, Object> summary(List<Double> ms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", ms.size());
        m.put("medianMs", round(median(ms), 2));
        m.put("p95Ms", round(percentile(ms, 95), 2));
        m.put("minMs", round(ms.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN), 2));
        m.put("maxMs", round(ms.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), 2));
        m.put("samplesMs", ms.stream().map(v -> round(v, 2)).toList());
        return m;
    }

    static String fmt(double v, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }
}
