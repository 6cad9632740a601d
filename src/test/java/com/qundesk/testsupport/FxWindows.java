package com.qundesk.testsupport;

import com.qundesk.app.ViewFactory;
import com.qundesk.shell.MainWindow;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What every headless window test does around its window: wait for a condition, close the window and its executor. */
public final class FxWindows {

    private FxWindows() {
    }

    /** Waits up to 20 s for {@code condition}, letting the FX thread run between checks. */
    public static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    /**
     * Opens a window in the light theme on {@code w}'s workspace; {@code w} lets go of it first (the window under
     * test is the one writer).
     */
    /**
     * The primary stage as the app gets it: without a scene. TestFX hands every test class the same stage, and a
     * test before may have left its own small scene on it, which the main window would then reuse (a 600x80
     * window hides the views' fields from the robot).
     */
    public static javafx.stage.Stage fresh(javafx.stage.Stage stage) {
        stage.setScene(null);
        return stage;
    }

    public static MainWindow open(javafx.stage.Stage stage, TestWorkspace w, ExecutorService executor) {
        com.qundesk.ui.Theme theme = new com.qundesk.ui.Theme();
        theme.apply(com.qundesk.ui.Theme.Mode.LIGHT);
        MainWindow window = new MainWindow(fresh(stage), w.paths, w.prefs, theme, executor, w.clock, ViewFactory::new);
        w.close();
        window.open(w.file, false);
        return window;
    }

    /** Disposes the window on the FX thread and stops the executor it used. */
    public static void close(MainWindow window, ExecutorService executor) throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(5, TimeUnit.SECONDS);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * The main window on a new, empty workspace under {@code dir} (light theme), the window being the workspace's
     * one writer, as a new user first sees it.
     */
    public static MainWindow openOnEmptyWorkspace(javafx.stage.Stage stage, ExecutorService executor,
                                                 java.nio.file.Path dir) {
        TestWorkspace w = new TestWorkspace(dir);
        com.qundesk.ui.Theme theme = new com.qundesk.ui.Theme();
        theme.apply(com.qundesk.ui.Theme.Mode.LIGHT);
        MainWindow window = new MainWindow(fresh(stage), w.paths, w.prefs, theme, executor, w.clock, ViewFactory::new);
        w.close();
        window.open(w.file, false);
        return window;
    }
}
