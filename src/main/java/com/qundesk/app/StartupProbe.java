package com.qundesk.app;

import com.qundesk.imports.ui.PendingFile;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The app's own start-up diagnostics, which the benchmark (issue 6) and the packaged app's AOT-cache training read;
 * off unless {@code -Dqundesk.probe.firstFrame=FILE} is given. An
 * {@link AnimationTimer} watches every JavaFX pulse and writes to FILE (a properties file) the wall-clock times at
 * which the window, and then the start view with its data, were first drawn, plus the JVM's and the process's start
 * times, so the harness can compute the cold start. A milestone reached in pulse n was drawn by pulse n + 1: that is
 * the time written.
 * <ul>
 * <li>{@code -Dqundesk.probe.view=dashboard}: then switches to the dashboard and waits until the portfolio is
 * shown (for the memory figure);</li>
 * <li>{@code -Dqundesk.probe.importOnStart=CSV}: then imports that chat export through the Import view as an operator
 * would (add the file, wait for its preview, press Start) and records the longest gap between pulses while it
 * runs; with {@code -Dqundesk.probe.idleBeforeImportMs=N} it first leaves the start view alone for N ms, as an
 * operator looks at it before clicking Import (the first visit's pause is "previewMaxGapMs");</li>
 * <li>{@code -Dqundesk.probe.exitAfter=true}: quits the app normally after writing (an AOT-cache training run must
 * end normally for the JVM to write the cache).</li>
 * </ul>
 * Nothing here runs in normal use; the probe only reads the window through its public API and widget ids.
 */
public final class StartupProbe extends AnimationTimer {
    private static final Logger log = LoggerFactory.getLogger(StartupProbe.class);

    public static final String RESULT = "qundesk.probe.firstFrame";
    public static final String VIEW = "qundesk.probe.view";
    public static final String IMPORT = "qundesk.probe.importOnStart";
    public static final String EXIT = "qundesk.probe.exitAfter";
    public static final String IDLE_BEFORE_IMPORT = "qundesk.probe.idleBeforeImportMs";

    private static final long SETTLE_NANOS = 2_000_000_000L;
    private static final long TAIL_NANOS = 1_500_000_000L;
    /**
     * Between the preview being ready and pressing Start: the preview's tables are drawn in the pulses after it is
     * ready (their first cells and CSS), which is the Import view showing the file, not the import; an operator
     * reads the preview before starting, so the probe lets it be drawn first.
     */
    private static final long READ_PREVIEW_NANOS = 1_000_000_000L;
    private static final Set<PendingFile.State> ENDED = EnumSet.of(PendingFile.State.DONE, PendingFile.State.PARTIAL,
            PendingFile.State.FAILED, PendingFile.State.CANCELLED);

    private enum Phase { WINDOW, VIEW, DASHBOARD, SETTLE, IDLE, PREVIEW, IMPORT, TAIL, DONE }

    private final Stage stage;
    private final MainWindow window;
    private final Path result;
    private final String view;
    private final Path importFile;
    private final boolean exitAfter;
    private final Properties out = new Properties();
    private Phase phase = Phase.WINDOW;
    private boolean reached;
    private long lastPulse;
    private long phaseStart;
    private long pulses;
    private long maxGapNanos;
    private final List<Long> importGaps = new ArrayList<>();
    private final StringBuilder longGaps = new StringBuilder();
    private long importStartNanos;
    private final long idleBeforeImportNanos = Long.getLong(IDLE_BEFORE_IMPORT, 0L) * 1_000_000L;
    private boolean started;
    private long readyAt;

    private StartupProbe(Stage stage, MainWindow window, Path result) {
        this.stage = stage;
        this.window = window;
        this.result = result;
        this.view = System.getProperty(VIEW, "");
        String imp = System.getProperty(IMPORT);
        this.importFile = imp == null || imp.isBlank() ? null : Path.of(imp);
        this.exitAfter = Boolean.getBoolean(EXIT);
    }

    /** Starts watching when {@value #RESULT} is set; does nothing otherwise. Call on the FX thread. */
    public static void attachIfRequested(Stage stage, MainWindow window) {
        String file = System.getProperty(RESULT);
        if (file == null || file.isBlank()) {
            return;
        }
        StartupProbe p = new StartupProbe(stage, window, Path.of(file));
        p.out.setProperty("processStartMs", String.valueOf(ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli).orElse(-1L)));
        p.out.setProperty("jvmStartMs", String.valueOf(ManagementFactory.getRuntimeMXBean().getStartTime()));
        p.out.setProperty("probeAttachedMs", String.valueOf(System.currentTimeMillis()));
        p.start();
    }

    @Override
    public void handle(long now) {
        pulses++;
        long gap = lastPulse == 0 ? 0 : now - lastPulse;
        lastPulse = now;
        if (phase == Phase.IMPORT || phase == Phase.TAIL) {
            importGaps.add(gap);
            if (gap > 50_000_000L && longGaps.length() < 4000) {
                // when the long gaps ended (epoch ms) and how long they were, to line them up with a JFR recording
                longGaps.append(longGaps.isEmpty() ? "" : ",").append(System.currentTimeMillis()).append(':')
                        .append(gap / 1_000_000);
            }
        } else if (phase == Phase.PREVIEW) {
            maxGapNanos = Math.max(maxGapNanos, gap);
        }
        try {
            step(now);
        } catch (RuntimeException e) {
            log.error("Benchmark probe failed", e);
            out.setProperty("error", e.toString());
            finish();
        }
    }

    /** Records {@code key} once the pulse after the one that reached it has come (that frame is drawn). */
    private boolean milestone(boolean condition, String key) {
        if (reached) {
            out.setProperty(key, String.valueOf(System.currentTimeMillis()));
            reached = false;
            return true;
        }
        if (condition) {
            reached = true;
        }
        return false;
    }

    private void step(long now) {
        switch (phase) {
            case WINDOW -> {
                if (milestone(stage.isShowing() && stage.getScene() != null, "windowShownMs")) {
                    phase = Phase.VIEW;
                }
            }
            case VIEW -> {
                if (window.controller() != null && !out.containsKey("viewInstalledMs")) {
                    // the workspace is open and the views are built; their data may still be loading
                    out.setProperty("viewInstalledMs", String.valueOf(System.currentTimeMillis()));
                }
                boolean ready = window.controller() != null && window.view() != null
                        && !window.view().tasks().busyProperty().get();
                if (milestone(ready, "viewShownMs")) {
                    out.setProperty("startView", window.controller().current().token());
                    if ("dashboard".equals(view)) {
                        window.show(Section.DASHBOARD);
                        phase = Phase.DASHBOARD;
                    } else if (importFile != null) {
                        phaseStart = now;
                        phase = Phase.IDLE;
                    } else {
                        finish();
                    }
                }
            }
            case DASHBOARD -> {
                boolean shown = window.controller().dashboard().map(d -> d.portfolio() != null).orElse(false)
                        && !window.view().tasks().busyProperty().get();
                if (milestone(shown, "dashboardShownMs")) {
                    phaseStart = now;
                    phase = Phase.SETTLE;
                }
            }
            case SETTLE -> {
                if (now - phaseStart >= SETTLE_NANOS) {
                    finish();
                }
            }
            case IDLE -> {
                if (now - phaseStart >= idleBeforeImportNanos) {
                    window.show(Section.IMPORT);
                    window.controller().importer().orElseThrow().add(List.of(importFile));
                    phaseStart = now;
                    phase = Phase.PREVIEW;
                }
            }
            case PREVIEW -> preview(now);
            case IMPORT -> {
                PendingFile f = pending();
                if (f != null && ENDED.contains(f.stateProperty().get())) {
                    out.setProperty("importEndedMs", String.valueOf(System.currentTimeMillis()));
                    out.setProperty("importSeconds", String.valueOf((now - importStartNanos) / 1e9));
                    out.setProperty("importState", f.stateProperty().get().name());
                    out.setProperty("importStatus", f.statusProperty().get());
                    phaseStart = now;
                    phase = Phase.TAIL;
                }
            }
            case TAIL -> {
                if (now - phaseStart >= TAIL_NANOS) {
                    finish();
                }
            }
            case DONE -> stop();
        }
    }

    private void preview(long now) {
        PendingFile f = pending();
        Node start = stage.getScene().lookup("#startButton");
        if (f == null || !(start instanceof Button button)) {
            return;
        }
        if (f.stateProperty().get() == PendingFile.State.FAILED) {
            out.setProperty("error", "preview failed: " + f.statusProperty().get());
            finish();
            return;
        }
        if (!started && f.stateProperty().get() == PendingFile.State.READY && !button.isDisabled() && readyAt == 0) {
            readyAt = now;
            out.setProperty("previewSeconds", String.valueOf((now - phaseStart) / 1e9));
        }
        if (!started && readyAt != 0 && now - readyAt >= READ_PREVIEW_NANOS) {
            started = true;
            out.setProperty("previewMaxGapMs", String.valueOf(maxGapNanos / 1e6));
            importStartNanos = now;
            out.setProperty("importStartedMs", String.valueOf(System.currentTimeMillis()));
            button.fire();
            phase = Phase.IMPORT;
        }
    }

    @SuppressWarnings("unchecked")
    private PendingFile pending() {
        Node table = stage.getScene().lookup("#fileTable");
        if (table instanceof TableView<?> t && !t.getItems().isEmpty() && t.getItems().getFirst() instanceof PendingFile) {
            return ((TableView<PendingFile>) t).getItems().getFirst();
        }
        return null;
    }

    private void finish() {
        phase = Phase.DONE;
        stop();
        out.setProperty("pulses", String.valueOf(pulses));
        if (!importGaps.isEmpty()) {
            long[] g = importGaps.stream().mapToLong(Long::longValue).sorted().toArray();
            out.setProperty("importPulses", String.valueOf(g.length));
            out.setProperty("maxGapMs", String.valueOf(g[g.length - 1] / 1e6));
            out.setProperty("p99GapMs", String.valueOf(g[(int) Math.min(g.length - 1, Math.ceil(g.length * 0.99) - 1)] / 1e6));
            out.setProperty("medianGapMs", String.valueOf(g[g.length / 2] / 1e6));
            out.setProperty("gapsOver50Ms", String.valueOf(importGaps.stream().filter(x -> x > 50_000_000L).count()));
            out.setProperty("gapsOver100Ms", String.valueOf(importGaps.stream().filter(x -> x > 100_000_000L).count()));
            out.setProperty("longGaps", longGaps.toString());
        }
        Runtime rt = Runtime.getRuntime();
        out.setProperty("heapUsedMiB", String.valueOf((rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)));
        out.setProperty("heapCommittedMiB", String.valueOf(rt.totalMemory() / (1024 * 1024)));
        out.setProperty("heapMaxMiB", String.valueOf(rt.maxMemory() / (1024 * 1024)));
        out.setProperty("prismPipeline", String.valueOf(pipeline()));
        out.setProperty("finishedMs", String.valueOf(System.currentTimeMillis()));
        write();
        if (exitAfter) {
            // System.exit rather than Platform.exit: tearing the toolkit down while a notification popup is showing
            // crashes glass-gtk (SIGSEGV in destroy_and_delete_ctx, JavaFX 26.0.2); the JVM still exits normally,
            // which is what an AOT training run needs
            new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                    .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide);
            // the JVM's shutdown disposes the graphics pipeline while the FX thread still delivers events: a mouse
            // event picking a node then threw a NullPointerException (is3DSupported on a null pipeline) as the
            // training run quit; a window that takes no more mouse input has nothing to pick
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.getScene() != null && w.getScene().getRoot() != null) {
                    w.getScene().getRoot().setMouseTransparent(true);
                }
            }
            Thread t = new Thread(() -> System.exit(0), "bench-exit");
            t.setDaemon(true);
            t.start();
        }
    }

    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "none" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private void write() {
        try {
            Path dir = result.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(result.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.store(w, "QunDesk benchmark probe");
            }
            Files.move(tmp, result, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.error("Could not write the benchmark result {}", result, e);
        }
    }
}
