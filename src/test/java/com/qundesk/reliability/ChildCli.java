package com.qundesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code qundesk} command line in a child JVM ({@code com.qundesk.app.Launcher} on the test class path), with
 * its own data folder, so that a test can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux) at any
 * moment. Output goes to files, so a child never blocks on a full pipe.
 */
final class ChildCli {

    private final Path home;
    private final List<String> jvmOptions;
    private int runs;

    /** A run of the CLI: its process and where its output goes. */
    record Run(Process process, Path out, Path err, long startedNanos) {

        /** Waits up to {@code millis} for the process to end; true when it has. */
        boolean waitFor(long millis) throws InterruptedException {
            return process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
        }

        /** SIGKILL, then wait for the process to be gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /**
         * Waits for the process to end, watching for {@code file} to appear; returns when it first did, in ms after the
         * start, or -1. For a workspace's {@code -wal} file: the moment the child first opened the database (SQLite
         * removes it again when the last connection closes).
         */
        long waitWatching(Path file) throws InterruptedException {
            long seen = -1;
            while (!process.waitFor(2, TimeUnit.MILLISECONDS)) {
                if (seen < 0 && Files.exists(file)) {
                    seen = elapsedMillis();
                }
            }
            return seen;
        }

        int exitCode() {
            return process.exitValue();
        }

        String stdout() {
            return read(out);
        }

        String stderr() {
            return read(err);
        }

        long elapsedMillis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }

        private static String read(Path p) {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * True when another process holds SQLite's WAL write lock on {@code workspace} (an exclusive POSIX lock on byte
     * 120 of its {@code -shm} file, which a writer holds for its whole transaction): a kill now lands inside a write.
     * The probe takes that lock for an instant when it is free, which at worst makes the writer wait on its busy
     * timeout; it is used only at the moment of a kill.
     */
    static boolean writing(Path workspace) {
        Path shm = Path.of(workspace + "-shm");
        if (!Files.exists(shm)) {
            return false;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(shm,
                java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = ch.tryLock(120, 1, false);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    /**
     * @param home       the data folder of the child ({@code -Dqundesk.home}: preferences, logs)
     * @param jvmOptions extra JVM options (e.g. a faster-starting compiler for short commands)
     */
    ChildCli(Path home, List<String> jvmOptions) {
        this.home = home;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts {@code qundesk args…}. */
    Run start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // under Surefire java.class.path may be a manifest-only booter jar; the real path is in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-Dqundesk.home=" + home, "-Dqundesk.popups=false"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, "com.qundesk.app.Launcher"));
        cmd.addAll(List.of(args));
        int n = ++runs;
        Path out = home.resolve("run-" + n + ".out");
        Path err = home.resolve("run-" + n + ".err");
        Files.createDirectories(home);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Run(p, out, err, System.nanoTime());
    }

    /** Runs {@code qundesk args…} to its end (at most two minutes). */
    Run run(String... args) throws IOException, InterruptedException {
        Run r = start(args);
        if (!r.waitFor(120_000)) {
            r.kill();
            throw new IllegalStateException("qundesk " + String.join(" ", args) + " did not finish in 2 minutes");
        }
        return r;
    }
}
