package com.qundesk.group.ui;

import com.qundesk.group.Purpose;
import com.qundesk.group.registry.RegistryColumn;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Messages;
import com.qundesk.io.Table;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of the registry import dialog ({@code RegistryImportView.fxml}): which registry field each column of
 * the sheet fills, the purpose of groups the sheet gives none, the first rows as they will be read, and the problem
 * that keeps Import disabled (no name column, or no purpose at all).
 */
final class RegistryImportPane {

    static final int PREVIEW_ROWS = 10;

    private final Messages m;
    private final Table table;
    private final Map<Integer, RegistryColumn> proposed;
    private final Map<Integer, ComboBox<RegistryColumn>> boxes = new LinkedHashMap<>();
    private Parent root;

    @FXML private GridPane mapping;
    @FXML private Label defaultPurposeLabel;
    @FXML private ComboBox<Purpose> registryDefaultPurpose;
    @FXML private Label previewLabel;
    @FXML private TableView<Table.Row> registryPreview;
    @FXML private Label problem;

    private RegistryImportPane(Messages m, RegistryImporter.Preview preview) {
        this.m = m;
        this.table = preview.table();
        this.proposed = preview.mapping();
    }

    /** Loads the pane for {@code preview}, its columns mapped as the importer proposes. */
    static RegistryImportPane load(Messages m, RegistryImporter.Preview preview) {
        RegistryImportPane pane = new RegistryImportPane(m, preview);
        FXMLLoader loader = new FXMLLoader(RegistryImportPane.class.getResource("RegistryImportView.fxml"),
                m.bundle());
        loader.setController(pane);
        try {
            pane.root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load RegistryImportView.fxml", e);
        }
        return pane;
    }

    @FXML
    private void initialize() {
        List<RegistryColumn> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(RegistryColumn.values()));
        // the purpose row comes after one row per column of the sheet
        mapping.getChildren().removeAll(defaultPurposeLabel, registryDefaultPurpose);
        for (int i = 0; i < table.headers().size(); i++) {
            ComboBox<RegistryColumn> box = new ComboBox<>();
            box.setId("map-" + i);
            box.getItems().setAll(choices);
            box.setConverter(GroupFormController.converter(c -> c == null ? m.get("registry.import.ignore") : m.get(c.messageKey())));
            box.setValue(proposed.get(i));
            boxes.put(i, box);
            mapping.addRow(i + 1, new Label(table.headers().get(i)), box);
        }
        // a sheet without purposes must not make every group an event group: the operator says what they are for
        registryDefaultPurpose.getItems().add(null);
        registryDefaultPurpose.getItems().addAll(Purpose.values());
        registryDefaultPurpose.setConverter(GroupFormController.converter(p -> p == null ? "" : m.get(p.messageKey())));
        mapping.addRow(table.headers().size() + 1, defaultPurposeLabel, registryDefaultPurpose);

        previewLabel.setText(m.get("registry.import.previewLabel", PREVIEW_ROWS));
        registryPreview.getItems().setAll(table.rows().stream().limit(PREVIEW_ROWS).toList());
        boxes.values().forEach(b -> b.valueProperty().addListener((o, a, c) -> rebuild()));
        registryDefaultPurpose.valueProperty().addListener((o, a, c) -> rebuild());
        rebuild();
    }

    /** The preview's columns follow the mapping; the problem line says what is missing, if anything. */
    private void rebuild() {
        registryPreview.getColumns().clear();
        TableColumn<Table.Row, String> num = new TableColumn<>(m.get("registry.import.row"));
        num.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().number())));
        registryPreview.getColumns().add(num);
        boolean hasName = false;
        boolean hasPurpose = false;
        for (var e : boxes.entrySet()) {
            RegistryColumn col = e.getValue().getValue();
            if (col == null) {
                continue;
            }
            hasName |= col == RegistryColumn.NAME;
            hasPurpose |= col == RegistryColumn.PURPOSE;
            int index = e.getKey();
            TableColumn<Table.Row, String> tc = new TableColumn<>(m.get(col.messageKey()));
            tc.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(index)));
            registryPreview.getColumns().add(tc);
        }
        problem.setText(!hasName ? m.get("registry.noNameColumn", table.fileName())
                : !hasPurpose && registryDefaultPurpose.getValue() == null ? m.get("registry.import.purposeNeeded")
                : "");
    }

    Parent root() {
        return root;
    }

    /** What keeps the import from starting, empty when nothing does. */
    ReadOnlyStringProperty problemProperty() {
        return problem.textProperty();
    }

    /** The chosen field of each mapped column; a field chosen twice counts for its first column only. */
    Map<Integer, RegistryColumn> chosen() {
        Map<Integer, RegistryColumn> chosen = new LinkedHashMap<>();
        boxes.forEach((i, b) -> {
            if (b.getValue() != null && !chosen.containsValue(b.getValue())) {
                chosen.put(i, b.getValue());
            }
        });
        return chosen;
    }

    /** The purpose of groups the sheet gives none (null when not chosen). */
    Purpose defaultPurpose() {
        return registryDefaultPurpose.getValue();
    }
}
