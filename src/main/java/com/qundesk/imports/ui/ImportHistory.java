package com.qundesk.imports.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportLogRepository.ImportRun;
import com.qundesk.imports.Rejection;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.ViewContext;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Import view's history tab: every import, newest first, with the warnings and rejected rows of the one
 * selected, and undo of an import as a whole.
 */
final class ImportHistory {
    private final ViewContext view;
    private final ChatImportService imports;
    private final TableView<ImportRun> table;
    private final ListView<String> problems;
    private final Runnable selectionChanged;
    private final BooleanSupplier shown;
    private boolean stale;

    /**
     * {@code selectionChanged} runs when the selected import changes or the list is reloaded; {@code shown} says
     * whether the history's tab is the one open.
     */
    ImportHistory(ViewContext view, ChatImportService imports, TableView<ImportRun> table, ListView<String> problems,
                  Runnable selectionChanged, BooleanSupplier shown) {
        this.view = view;
        this.imports = imports;
        this.table = table;
        this.problems = problems;
        this.selectionChanged = selectionChanged;
        this.shown = shown;
    }

    void setUpColumns(TableColumn<ImportRun, String> time, TableColumn<ImportRun, String> file,
                      TableColumn<ImportRun, String> format, TableColumn<ImportRun, String> groups,
                      TableColumn<ImportRun, Number> imported, TableColumn<ImportRun, Number> duplicates,
                      TableColumn<ImportRun, Number> rejected, TableColumn<ImportRun, Number> skipped,
                      TableColumn<ImportRun, String> state) {
        Messages m = view.messages();
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().startedAt())));
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fileName()));
        format.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().format()));
        groups.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join("、", c.getValue().groups())));
        imported.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().imported()));
        duplicates.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().duplicates()));
        rejected.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rejected()));
        skipped.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().skipped()));
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().undone()
                ? m.get("import.history.undone", view.formats().dateTime(c.getValue().undoneAt()))
                : m.get("import.history.kept")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showRun(b));
    }

    /** The selected import, if any. */
    ImportRun selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /**
     * Reloads the history in the background, keeping the selection; behind the Import tab it is only marked to be
     * read when its tab opens ({@link #showing()}). A hidden tab's table is still laid out: reloading it at the end
     * of an import put its cells' layout into the import's last frames (docs/performance.md, section 5).
     */
    void refresh() {
        if (!shown.getAsBoolean()) {
            stale = true;
            return;
        }
        stale = false;
        view.tasks().run(() -> imports.history(500), runs -> {
            ImportRun selected = selected();
            table.getItems().setAll(runs);
            if (selected != null) {
                runs.stream().filter(r -> r.id() == selected.id()).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
            selectionChanged.run();
        });
    }

    /** Its tab was opened: reads the history if an import or a visit changed it since. */
    void showing() {
        if (stale) {
            refresh();
        }
    }

    private void showRun(ImportRun run) {
        selectionChanged.run();
        if (run == null) {
            problems.getItems().clear();
            return;
        }
        Messages m = view.messages();
        view.tasks().run(() -> imports.rejections(run.id()), rejected -> {
            List<String> lines = new ArrayList<>();
            for (String w : run.warnings()) {
                lines.add(m.get(w));
            }
            for (Rejection r : rejected) {
                lines.add(m.get("cli.import.rejected", run.fileName(), r.line(), m.describe(r)));
            }
            if (run.rejected() > rejected.size()) {
                lines.add(m.get("cli.import.moreRejected", run.rejected() - rejected.size()));
            }
            if (lines.isEmpty()) {
                lines.add(m.get("import.history.clean"));
            }
            problems.getItems().setAll(lines);
        });
    }

    /** Asks, then undoes the selected import in the background; {@code busy} is disabled meanwhile. */
    void undoSelected(Window owner, Node busy) {
        ImportRun run = selected();
        if (run == null || run.undone()) {
            return;
        }
        Messages m = view.messages();
        Alert confirm = DialogButtons.alert(Alert.AlertType.CONFIRMATION, m.get("import.undo.confirm", run.fileName(),
                run.imported()), m);
        confirm.setHeaderText(m.get("import.undo.title"));
        confirm.initOwner(owner);
        if (!DialogButtons.accepted(confirm.showAndWait())) {
            return;
        }
        view.tasks().run(() -> {
            imports.undo(run.id());
            return run;
        }, r -> refresh(), busy);
    }
}
