package com.qundesk.dashboard.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.ui.UiTasks;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.Chart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/** "Save chart as PNG…" on every dashboard chart: the snapshot is taken on the FX thread, written off it. */
final class ChartExport {

    private ChartExport() {
    }

    static void install(Chart chart, String fileStem, Messages m, UiTasks tasks) {
        MenuItem save = new MenuItem(m.get("dashboard.savePng"));
        save.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(m.get("dashboard.savePng"));
            fc.setInitialFileName(fileStem + ".png");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
            File f = fc.showSaveDialog(chart.getScene().getWindow());
            if (f != null) {
                WritableImage image = snapshot(chart);
                tasks.run(() -> {
                    write(image, f);
                    return f;
                }, done -> { });
            }
        });
        ContextMenu menu = new ContextMenu(save);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    static WritableImage snapshot(Chart chart) {
        SnapshotParameters p = new SnapshotParameters();
        return chart.snapshot(p, null);
    }

    static void write(WritableImage image, File f) {
        BufferedImage img = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(img, "png", f);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
