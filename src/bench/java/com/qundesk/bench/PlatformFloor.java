package com.qundesk.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The platform's floor of the memory figure: the JVM and JavaFX with nothing of QunDesk loaded — one window of the
 * app's size with two labels in the app's CJK font (regular and bold, the two faces the app maps), drawn for a while
 * as the app's probe lets the dashboard settle — then the same result file as the app's probe writes (the heap and
 * the render pipeline), so that the bench reads the process's peak RSS the same way as for the app. Started by the
 * bench with the app's JVM options on the same display ({@code java -cp qundesk-bench.jar
 * com.qundesk.bench.PlatformFloor}); it loads no class of the app but the probe, for its pipeline's name as it writes.
 */
public final class PlatformFloor {

    /** The app's window: {@code MainWindow}'s default size, never larger than the screen. */
    static final double WIDTH = 1480;
    static final double HEIGHT = 920;
    /** The app's font family (qundesk.css). */
    static final String FONT = "Noto Sans CJK SC";
    /** The probe lets the dashboard settle 2 s before it reports; the floor draws as long after its first frame. */
    static final long SETTLE_NANOS = 2_000_000_000L;

    private PlatformFloor() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window; a class of its own so that the launcher's main class is not an Application. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Path result = Path.of(System.getProperty(com.qundesk.app.StartupProbe.RESULT, "floor.result"));
            Label regular = new Label("群聊 今日 运营看板 QunDesk 0123456789");
            regular.setFont(Font.font(FONT, 13));
            Label bold = new Label("社群健康 活跃度 成员 Dashboard");
            bold.setFont(Font.font(FONT, FontWeight.BOLD, 18));
            var screen = Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(new VBox(8, regular, bold), Math.min(WIDTH, screen.getWidth()),
                    Math.min(HEIGHT, screen.getHeight() - 40)));
            stage.setTitle("QunDesk platform floor");
            long shown = System.currentTimeMillis();
            stage.show();
            new AnimationTimer() {
                private long first = -1;
                private long pulses;

                @Override
                public void handle(long now) {
                    pulses++;
                    if (first < 0) {
                        first = now;
                        return;
                    }
                    // change the text now and then, as a live view does, so that frames are drawn, not only pulsed
                    regular.setText(regular.getText().substring(1) + regular.getText().charAt(0));
                    if (now - first >= SETTLE_NANOS) {
                        stop();
                        write(result, shown, pulses, stage);
                    }
                }
            }.start();
        }
    }

    static void write(Path result, long shownMs, long pulses, Stage stage) {
        Runtime rt = Runtime.getRuntime();
        Properties out = new Properties();
        out.setProperty("windowShownMs", String.valueOf(shownMs));
        out.setProperty("pulses", String.valueOf(pulses));
        out.setProperty("windowSize", (int) stage.getWidth() + "x" + (int) stage.getHeight());
        out.setProperty("heapUsedMiB", String.valueOf((rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)));
        out.setProperty("heapCommittedMiB", String.valueOf(rt.totalMemory() / (1024 * 1024)));
        out.setProperty("heapMaxMiB", String.valueOf(rt.maxMemory() / (1024 * 1024)));
        out.setProperty("prismPipeline", com.qundesk.app.StartupProbe.pipeline()); // the one app class loaded, after the peak
        out.setProperty("finishedMs", String.valueOf(System.currentTimeMillis()));
        try {
            Path tmp = result.resolveSibling(result.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.store(w, "QunDesk platform floor");
            }
            Files.move(tmp, result, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Boolean.getBoolean(com.qundesk.app.StartupProbe.EXIT)) {
            Platform.exit();
        }
    }
}
