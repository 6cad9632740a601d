package com.qundesk.group.ui;

import com.qundesk.group.ConflictException;
import com.qundesk.group.Group;
import com.qundesk.group.GroupFields;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
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
 * The merge of a refused save ({@code GroupMergeDialog.fxml}): who changed the group since the form opened it and
 * when, one row per field in which the stored group ("theirs") and the form ("mine") differ with a choice per row —
 * keep theirs or use mine (mine where they left the field alone, theirs where they changed it, to start with) — and
 * the merged group to save against the stored version. Cancel keeps the form's edits.
 */
public final class GroupMergeDialog {

    /** Which value a field of the merged group takes. */
    public enum Choice { THEIRS, MINE }

    /** One differing field: its values and the operator's choice. */
    public static final class Row {
        private final ConflictException.Field field;
        private final ObjectProperty<Choice> choice;

        Row(ConflictException.Field field) {
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

    private DialogPane pane;

    @FXML private Label mergeSummary;
    @FXML private TableView<Row> mergeTable;
    @FXML private TableColumn<Row, String> mergeFieldColumn;
    @FXML private TableColumn<Row, String> mergeTheirsColumn;
    @FXML private TableColumn<Row, String> mergeMineColumn;
    @FXML private TableColumn<Row, Choice> mergeChoiceColumn;
    @FXML private ButtonType saveMerged;

    private GroupMergeDialog() {
    }

    /** Asks how to merge; the merged group (at the stored version) to save, or empty when the operator cancels. */
    public static Optional<Group> ask(ViewContext view, Window owner, ConflictException conflict) {
        GroupMergeDialog form = load(view, conflict);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(view.messages().get("group.merge.title"));
        d.setDialogPane(form.pane);
        d.setResizable(true);
        return d.showAndWait().filter(b -> b == form.saveMerged).map(b -> form.merged(conflict));
    }

    private static GroupMergeDialog load(ViewContext view, ConflictException conflict) {
        Messages m = view.messages();
        GroupMergeDialog form = new GroupMergeDialog();
        form.pane = (DialogPane) new ViewLoader(m, type -> form).load(GroupMergeDialog.class).root();
        form.mergeSummary.setText(m.get("group.merge.summary", conflict.theirs().name(),
                String.join(", ", conflict.actors()),
                conflict.changedAt() == null ? "—" : view.formats().dateTime(conflict.changedAt()),
                conflict.sinceVersion(), conflict.theirs().version()));
        form.mergeFieldColumn.setCellValueFactory(c -> new SimpleStringProperty(
                m.has("field." + c.getValue().field()) ? m.get("field." + c.getValue().field()) : c.getValue().field()));
        form.mergeTheirsColumn.setCellValueFactory(c -> new SimpleStringProperty(shown(c.getValue().field.theirs())));
        form.mergeMineColumn.setCellValueFactory(c -> new SimpleStringProperty(shown(c.getValue().field.mine())));
        form.mergeChoiceColumn.setCellValueFactory(c -> c.getValue().choice);
        form.mergeChoiceColumn.setCellFactory(col -> new ChoiceCell(m));
        List<Row> rows = conflict.fields().stream().map(Row::new).toList();
        form.mergeTable.setItems(FXCollections.observableArrayList(rows));
        return form;
    }

    private Group merged(ConflictException conflict) {
        Set<String> mine = new LinkedHashSet<>();
        mergeTable.getItems().stream().filter(r -> r.choice.get() == Choice.MINE).forEach(r -> mine.add(r.field()));
        return GroupFields.merge(conflict.theirs(), conflict.mine(), mine);
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
                    return c == null ? "" : m.get(c == Choice.THEIRS ? "group.merge.keepTheirs" : "group.merge.useMine");
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
