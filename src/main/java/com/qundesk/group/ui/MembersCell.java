package com.qundesk.group.ui;

import com.qundesk.group.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** "486/500" with a fill bar that turns amber near the cap and red above 150 in relationship groups. */
final class MembersCell extends TableCell<GroupRow, Group> {
    private final ProgressBar bar = new ProgressBar();
    private final Label label = new Label();
    private final HBox box = new HBox(6, bar, label);

    MembersCell() {
        bar.setPrefWidth(56);
        bar.setMinWidth(40);
        label.setMinWidth(Label.USE_PREF_SIZE);
        bar.setMaxHeight(8);
        HBox.setHgrow(label, Priority.NEVER);
        box.getStyleClass().add("members-cell");
    }

    @Override
    protected void updateItem(Group g, boolean empty) {
        super.updateItem(g, empty);
        if (empty || g == null) {
            setGraphic(null);
            return;
        }
        bar.setProgress(Math.min(1.0, g.fill()));
        bar.getStyleClass().removeAll("fill-high", "fill-full");
        if (g.fill() >= 0.95) {
            bar.getStyleClass().add("fill-full");
        } else if (g.fill() >= 0.8) {
            bar.getStyleClass().add("fill-high");
        }
        label.setText(g.memberCount() + "/" + g.capacity());
        setGraphic(box);
    }
}
