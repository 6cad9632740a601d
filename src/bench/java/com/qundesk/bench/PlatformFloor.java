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
import java.util.List;
import java.util.Properties;

/**
 * The platform's floor of the memory figure: the JVM and JavaFX with nothing of QunDesk loaded — one window of the
 * app's size with two labels in the app's CJK font (regular and bold, the two faces the app maps), drawn for a while
 * as the app's probe lets the dashboard settle — then the same result file as the app's probe writes (the heap),
 * so that the bench reads the process's peak RSS the same way as for the app. Started by the
 * bench with the app's JVM options on the same display, on a class path of its own classes and JavaFX's jars only
 * (not the app's jar nor its other libraries, whose logging alone loads 500 classes), so that nothing of QunDesk is
 * loaded. The render pipeline is the app's: the same options and display.
 */
public final class PlatformFloor {

    /** The app's window: {@code MainWindow}'s default size, never larger than the screen. */
    static final double WIDTH = 1480;
    static final double HEIGHT = 920;
    /** The probe's properties (StartupProbe's, repeated: the floor runs without the app's jar). */
    static final String RESULT = "qundesk.probe.firstFrame";
    static final String EXIT = "qundesk.probe.exitAfter";
    /** The classes the bench copies out for the floor's class path. */
    static final List<Class<?>> CLASSES = List.of(PlatformFloor.class, Window.class, Pulses.class);
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
            Path result = Path.of(System.getProperty(RESULT, "floor.result"));
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
            new Pulses(regular, stage, result, shown).start();
        }
    }

    /** Draws for {@link #SETTLE_NANOS} after the first pulse, then writes the result. */
    static final class Pulses extends AnimationTimer {
        private final Label label;
        private final Stage stage;
        private final Path result;
        private final long shownMs;
        private long first = -1;
        private long pulses;

        Pulses(Label label, Stage stage, Path result, long shownMs) {
            this.label = label;
            this.stage = stage;
            this.result = result;
            this.shownMs = shownMs;
        }

        @Override
        public void handle(long now) {
            pulses++;
            if (first < 0) {
                first = now;
                return;
            }
            // change the text now and then, as a live view does, so that frames are drawn, not only pulsed
            label.setText(label.getText().substring(1) + label.getText().charAt(0));
            if (now - first >= SETTLE_NANOS) {
                stop();
                write(result, shownMs, pulses, stage);
            }
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
        if (Boolean.getBoolean(EXIT)) {
            Platform.exit();
        }
    }
}
