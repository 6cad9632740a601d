package com.qundesk.group.ui;

import com.qundesk.core.FieldError;
import com.qundesk.group.registry.RegistryColumn;
import com.qundesk.group.registry.RegistryExporter;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Messages;
import com.qundesk.io.Table;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.DialogButtons;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Registry import in the UI: pick a file, see how its columns map (and change the mapping), choose the purpose of
 * groups the sheet gives none (required when it has no purpose column), preview the first rows as mapped, import,
 * then read the report of rejected rows; and export the registry. The dialog's content is {@link RegistryImportPane}.
 * File work runs off the FX thread.
 */
public final class RegistryImportDialog {

    private final ViewContext ui;
    private final RegistryImporter registryImporter;
    private final RegistryExporter registryExporter;

    public RegistryImportDialog(ViewContext ui, RegistryImporter registryImporter, RegistryExporter registryExporter) {
        this.ui = ui;
        this.registryImporter = registryImporter;
        this.registryExporter = registryExporter;
    }

    /** Asks for a file, then previews and imports it; {@code onImported} runs after anything was stored. */
    public void chooseAndImport(Window owner, Runnable onImported) {
        FileChooser fc = new FileChooser();
        fc.setTitle(ui.messages().get("registry.import.title"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ui.messages().get("registry.import.filter"),
                "*.csv", "*.xlsx", "*.txt"));
        File f = fc.showOpenDialog(owner);
        if (f != null) {
            importFile(owner, f.toPath(), onImported);
        }
    }

    public void importFile(Window owner, Path file, Runnable onImported) {
        ui.tasks().run(() -> registryImporter.preview(file),
                preview -> showPreview(owner, preview, onImported));
    }

    private void showPreview(Window owner, RegistryImporter.Preview preview, Runnable onImported) {
        Messages m = ui.messages();
        Table t = preview.table();
        RegistryImportPane pane = RegistryImportPane.load(m, preview);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("registry.import.title"));
        d.setHeaderText(m.get("registry.import.header", t.fileName(), t.format(), t.encoding(), t.rows().size()));
        d.setResizable(true);
        d.getDialogPane().setContent(pane.root());
        d.getDialogPane().setPrefWidth(820);
        ButtonType importType = new ButtonType(m.get("registry.import.ok"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(importType, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(importType).setId("registryImportOk");
        d.getDialogPane().lookupButton(importType).disableProperty().bind(pane.problemProperty().isNotEmpty());
        if (d.showAndWait().filter(b -> b == importType).isEmpty()) {
            return;
        }
        Map<Integer, RegistryColumn> chosen = pane.chosen();
        RegistryImporter.Options options = new RegistryImporter.Options(pane.defaultPurpose(), ui.formats().zone());
        ui.tasks().run(() -> registryImporter.run(t, chosen, options, false), report -> {
            if (report.imported() > 0) {
                onImported.run();
            }
            showReport(owner, report);
        });
    }

    private void showReport(Window owner, RegistryImporter.Report r) {
        Messages m = ui.messages();
        Alert a = DialogButtons.alert(r.complete() ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING, "", m);
        a.initOwner(owner);
        a.setTitle(m.get("registry.import.title"));
        a.setHeaderText(m.get("registry.summary", r.imported(), r.rejected().size(), r.fileName()));
        ListView<String> list = new ListView<>();
        list.setId("registryRejected");
        for (RegistryImporter.Rejected rej : r.rejected()) {
            list.getItems().add(m.get("registry.import.rejectedRow", rej.row(), rej.reasons().stream()
                    .map((FieldError f) -> m.describe(f)).collect(Collectors.joining(" "))));
        }
        VBox box = new VBox(8);
        if (!r.ignoredHeaders().isEmpty()) {
            box.getChildren().add(new Label(m.get("registry.ignoredColumns", String.join(", ", r.ignoredHeaders()))));
        }
        if (!r.rejected().isEmpty()) {
            list.setPrefHeight(220);
            box.getChildren().addAll(new Label(m.get("registry.import.rejectedLabel")), list);
        }
        a.getDialogPane().setContent(box);
        a.getDialogPane().setPrefWidth(720);
        a.show();
    }

    /** Asks for a .csv or .xlsx file and exports every group to it in the background. */
    public void export(Window owner, boolean xlsx) {
        Messages m = ui.messages();
        FileChooser fc = new FileChooser();
        fc.setTitle(m.get(xlsx ? "registry.export.xlsx" : "registry.export.csv"));
        fc.setInitialFileName("qundesk-groups." + (xlsx ? "xlsx" : "csv"));
        fc.getExtensionFilters().add(xlsx ? new FileChooser.ExtensionFilter("Excel", "*.xlsx")
                : new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(owner);
        if (f == null) {
            return;
        }
        // replace: the save dialog asked before choosing an existing file; the workspace itself is still refused
        ui.tasks().run(() -> registryExporter.export(f.toPath(), true), n -> {
            Alert a = DialogButtons.alert(Alert.AlertType.INFORMATION, m.get("registry.exported", n, f.getAbsolutePath()), m);
            a.initOwner(owner);
            a.setHeaderText(null);
            a.show();
        });
    }
}
