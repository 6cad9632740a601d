package com.qundesk.ui;

import com.qundesk.core.RefusedSave;
import com.qundesk.i18n.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The merge of a refused save ({@code MergeDialog.fxml}), for a group's form and a campaign's dialog alike: who changed
 * the record since the form opened it and when, one row per field in which the stored record ("theirs") and the form
 * ("mine") differ with a choice per row — keep theirs or use mine (mine where they left the field alone, theirs where
 * they changed it, to start with). The answer is the fields to take from mine; the record kind merges them
 * ({@code ConflictException.merge}, {@code CampaignConflictException.merge}). Cancel keeps the form's edits.
 */
public final class MergeDialog {

    /** Which value a field of the merged record takes. */
    public enum Choice { THEIRS, MINE }

    /** One differing field: its values and the operator's choice. */
    public static final class Row {
        private final RefusedSave.Field field;
        private final ObjectProperty<Choice> choice;

        Row(RefusedSave.Field field) {
            this.field = field;
            this.choice = new SimpleObjectProperty<>(field.theyChanged() ? Choice.THEIRS : Choice.MINE);
        }

        public String field() {
            return field.field();
        }

        public ObjectProperty<Choice> choice() {
            return choice;
        }
    }

    /**
     * How the dialog names its record: {@code kind}'s title and summary ({@code kind.merge.title},
     * {@code kind.merge.summary}), the record's name, and the prefix of the fields' label keys.
     */
    public record Wording(String kind, String name, String fieldKeyPrefix) {
    }

    private DialogPane pane;

    @FXML private Label mergeSummary;
    @FXML private TableView<Row> mergeTable;
    @FXML private TableColumn<Row, String> mergeFieldColumn;
    @FXML private TableColumn<Row, String> mergeTheirsColumn;
    @FXML private TableColumn<Row, String> mergeMineColumn;
    @FXML private TableColumn<Row, Choice> mergeChoiceColumn;
    @FXML private ButtonType saveMerged;

    private MergeDialog() {
    }

    /**
     * Asks how to merge; the fields to take from mine (the rest stay theirs), or empty when the operator cancels. The
     * summary's arguments: the record's name, who changed it, when, the version the form had, the version now.
     */
    public static Optional<Set<String>> ask(ViewContext view, Window owner, Wording wording, RefusedSave conflict,
                                            long versionNow) {
        MergeDialog form = load(view, wording, conflict, versionNow);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(view.messages().get(wording.kind() + ".merge.title"));
        d.setDialogPane(form.pane);
        d.setResizable(true);
        return d.showAndWait().filter(b -> b == form.saveMerged).map(b -> form.useMine());
    }

    private static MergeDialog load(ViewContext view, Wording wording, RefusedSave conflict, long versionNow) {
        Messages m = view.messages();
        MergeDialog form = new MergeDialog();
        form.pane = (DialogPane) new ViewLoader(m, type -> form).load(MergeDialog.class).root();
        form.mergeSummary.setText(m.get(wording.kind() + ".merge.summary", wording.name(), String.join(", ", conflict.actors()),
                conflict.changedAt() == null ? "—" : view.formats().dateTime(conflict.changedAt()),
                conflict.sinceVersion(), versionNow));
        form.mergeFieldColumn.setCellValueFactory(c -> {
            String key = wording.fieldKeyPrefix() + c.getValue().field();
            return new SimpleStringProperty(m.has(key) ? m.get(key) : c.getValue().field());
        });
        form.mergeTheirsColumn.setCellValueFactory(c -> new SimpleStringProperty(shown(c.getValue().field.theirs())));
        form.mergeMineColumn.setCellValueFactory(c -> new SimpleStringProperty(shown(c.getValue().field.mine())));
        form.mergeChoiceColumn.setCellValueFactory(c -> c.getValue().choice);
        form.mergeChoiceColumn.setCellFactory(col -> new ChoiceCell(m));
        List<Row> rows = conflict.fields().stream().map(Row::new).toList();
        form.mergeTable.setItems(FXCollections.observableArrayList(rows));
        return form;
    }

    private Set<String> useMine() {
        Set<String> mine = new LinkedHashSet<>();
        mergeTable.getItems().stream().filter(r -> r.choice.get() == Choice.MINE).forEach(r -> mine.add(r.field()));
        return mine;
    }

    private static String shown(String value) {
        return value == null ? "—" : value.replace('\n', ' ');
    }

    /** Keep theirs / use mine, always shown as a choice box. */
    private static final class ChoiceCell extends TableCell<Row, Choice> {
        private final ChoiceBox<Choice> box = new ChoiceBox<>(FXCollections.observableArrayList(Choice.values()));

        ChoiceCell(Messages m) {
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Choice c) {
                    return c == null ? "" : m.get(c == Choice.THEIRS ? "merge.keepTheirs" : "merge.useMine");
                }

                @Override
                public Choice fromString(String s) {
                    return null;
                }
            });
            box.valueProperty().addListener((obs, o, n) -> {
                Row row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && n != null) {
                    row.choice.set(n);
                }
            });
        }

        @Override
        protected void updateItem(Choice c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
            } else {
                box.setValue(c);
                setGraphic(box);
            }
        }
    }
}
