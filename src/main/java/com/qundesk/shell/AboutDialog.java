package com.qundesk.shell;

import com.qundesk.core.AppPaths;
import com.qundesk.core.AppVersion;
import com.qundesk.i18n.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;


/**
 * About QunDesk: the version, where the workspace, data folder and logs are, and what QunDesk promises about the
 * operator's data. Paths are in read-only fields so they can be selected and copied.
 */
final class AboutDialog {

    private AboutDialog() {
    }

    /**
     * {@code workspace} is the open workspace (a file's path or a server's address); {@code app} says where the data
     * folder and logs are.
     */
    static Alert create(Messages m, Window owner, String workspace, AppPaths app) {
        String version = AppVersion.current().orElse(m.get("about.devBuild"));
        GridPane paths = new GridPane();
        paths.setHgap(12);
        paths.setVgap(6);
        addRow(paths, 0, "aboutWorkspace", m.get("about.workspace"), workspace);
        addRow(paths, 1, "aboutDataFolder", m.get("about.dataFolder"), app.dataDir().toAbsolutePath()
                .toString());
        addRow(paths, 2, "aboutLogs", m.get("about.logs"), app.logDir().toAbsolutePath().toString());
        Label privacyHeader = new Label(m.get("about.privacy.header"));
        privacyHeader.getStyleClass().add("section-title");
        Label privacy = new Label(m.get("about.privacy"));
        privacy.setId("aboutPrivacy");
        privacy.setWrapText(true);
        privacy.setMaxWidth(560);
        Label versionLabel = new Label(m.get("about.version", version));
        versionLabel.setId("aboutVersion");
        VBox content = new VBox(12, versionLabel, paths, privacyHeader, privacy);
        content.setPrefWidth(600);

        ButtonType close = new ButtonType(m.get("about.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", close);
        alert.setTitle(m.get("about.title"));
        alert.setHeaderText(m.get("app.title"));
        alert.getDialogPane().setContent(content);
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert;
    }

    private static void addRow(GridPane grid, int row, String id, String label, String value) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setEditable(false);
        field.setPrefColumnCount(40);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, name, field);
    }
}
