package com.qundesk.imports.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a short window the Import view's drop zone keeps its title and buttons and lets its icon and formats text go,
 * giving the room to the tables (at 1280×720 the files' table showed only its header); in a tall one it has them.
 */
@ExtendWith(ApplicationExtension.class)
class DropZoneFitUiTest {

    private Stage stage;
    private FontIcon icon;
    private Label title;
    private Label formats;
    private Button add;
    private VBox dropZone;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        icon = new FontIcon("mdi2t-tray-arrow-down");
        title = new Label("Drop exports here");
        formats = new Label("WeChatMsg, PyWxDump, chatlog …");
        add = new Button("Add files…");
        dropZone = new VBox(6, icon, title, formats, add);
        icon.getStyleClass().add("drop-icon");
        formats.getStyleClass().add("text-muted");
        VBox view = new VBox(dropZone);
        DropZoneFit.follow(view, dropZone);
        // the headless screen is 800 high, and TestFX hands every class the same stage, wherever the last one left it
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
        stage.setScene(new Scene(view, 800, DropZoneFit.COMPACT_BELOW + 40));
        stage.setWidth(800);
        stage.setHeight(DropZoneFit.COMPACT_BELOW + 40);
        stage.show();
    }

    @Test
    void shortWindowsKeepTheTitleAndButtonsOnly(FxRobot robot) throws Exception {
        waitFor(() -> dropZone.getScene().getHeight() > DropZoneFit.COMPACT_BELOW);
        assertThat(icon.isManaged()).isTrue();
        assertThat(formats.isVisible()).isTrue();
        double tall = dropZone.getHeight();

        robot.interact(() -> stage.setHeight(DropZoneFit.COMPACT_BELOW - 100));
        waitFor(() -> !formats.isManaged());
        assertThat(icon.isVisible()).isFalse();
        assertThat(title.isVisible()).isTrue();
        assertThat(add.isVisible()).isTrue();
        assertThat(dropZone.getStyleClass()).contains("compact");
        waitFor(() -> dropZone.getHeight() < tall);

        robot.interact(() -> stage.setHeight(DropZoneFit.COMPACT_BELOW + 40));
        waitFor(formats::isManaged);
        assertThat(icon.isVisible()).isTrue();
        assertThat(dropZone.getStyleClass()).doesNotContain("compact");
    }
}
