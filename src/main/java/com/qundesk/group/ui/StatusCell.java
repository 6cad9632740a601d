package com.qundesk.group.ui;

import com.qundesk.group.GroupStatus;
import javafx.scene.control.TableCell;

/** The Groups table's status: the label, styled for dissolved, archived and scheduled groups. */
final class StatusCell extends TableCell<GroupRow, String> {

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        getStyleClass().removeAll("status-dissolved", "status-archived", "status-scheduled");
        if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
            GroupStatus s = getTableRow().getItem().group().status();
            switch (s) {
                case DISSOLVED -> getStyleClass().add("status-dissolved");
                case ARCHIVED -> getStyleClass().add("status-archived");
                case DISSOLUTION_SCHEDULED -> getStyleClass().add("status-scheduled");
                default -> { }
            }
        }
    }
}
