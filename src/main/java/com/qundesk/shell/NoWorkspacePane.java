package com.qundesk.shell;

import com.qundesk.i18n.Messages;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * What the window shows when no workspace is open (the one it started on could not be opened, e.g. a team server out
 * of reach): why, and the two ways on — the workspace file on this PC, or the connect dialog.
 */
final class NoWorkspacePane {

    private NoWorkspacePane() {
    }

    static Parent create(Messages m, Path fallback, Runnable openDefault, Runnable connect) {
        Label label = new Label(m.get("workspace.none", fallback));
        label.setWrapText(true);
        Button local = new Button(m.get("workspace.none.openDefault"));
        local.setId("openDefaultWorkspaceButton");
        local.setOnAction(e -> openDefault.run());
        Button team = new Button(m.get("settings.workspace.connect"));
        team.setId("connectServerButton");
        team.setOnAction(e -> connect.run());
        HBox buttons = new HBox(8, local, team);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, label, buttons);
        box.getStyleClass().add("loading-pane");
        return box;
    }
}
