package com.qundesk.ui;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A form laid out as label | field rows: the label column is as wide as its longest label (a squeezed dialog
 * showed "目标：报…" for every goal, so one could not tell them apart); the field column takes the rest.
 */
public final class FormGrid {
    private FormGrid() {
    }

    public static GridPane create(double hgap, double vgap) {
        GridPane grid = new GridPane(hgap, vgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(120);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }
}
