package com.qundesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The X display the spawned app draws on: {@code $DISPLAY} when set, else an Xvfb of our own on a free display
 * number (stopped again by {@link #close}); none on CI without a display, or where Xvfb is not installed.
 */
final class Display implements AutoCloseable {

    private final String name;
    private final Process xvfb;

    private Display(String name, Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    String name() {
        return name;
    }

    /** A display, or the reason there is none. */
    static Optional<Display> acquire(Consumer<String> log, StringBuilder whyNot) {
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            return Optional.of(new Display(env, null));
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            whyNot.append("no display on CI (DISPLAY unset, CI=true)");
            return Optional.empty();
        }
        Optional<Path> xvfb = onPath("Xvfb");
        if (xvfb.isEmpty()) {
            whyNot.append("no DISPLAY and no Xvfb on PATH (apt-get install xvfb libgtk-3-0)");
            return Optional.empty();
        }
        for (int n = 99; n < 140; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(xvfb.get().toString(), ":" + n, "-screen", "0", "1600x1000x24",
                        "-nolisten", "tcp").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < deadline && p.isAlive()
                        && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    Thread.sleep(50);
                }
                if (p.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    log.accept("  started Xvfb :" + n + " (pid " + p.pid() + ")");
                    Display d = new Display(":" + n, p);
                    // a bench ended by a signal still stops the X server it started
                    Runtime.getRuntime().addShutdownHook(new Thread(d::close, "bench-xvfb-stop"));
                    return Optional.of(d);
                }
                p.destroy();
            } catch (IOException e) {
                whyNot.append("Xvfb would not start: ").append(e.getMessage());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                whyNot.append("interrupted");
                return Optional.empty();
            }
        }
        whyNot.append("no free X display number for Xvfb");
        return Optional.empty();
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (xvfb != null && xvfb.isAlive()) {
            xvfb.destroy();
            try {
                if (!xvfb.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    xvfb.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
