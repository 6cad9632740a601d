package com.qundesk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.Locale;

/** Numbers in a table column with the same number of decimals on every row (not 1.768 above 1.4659), right-aligned. */
public final class NumberCells {
    private NumberCells() {
    }

    public static <S, T extends Number> void decimals(TableColumn<S, T> column, int digits) {
        String pattern = "%." + digits + "f";
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : String.format(Locale.ROOT, pattern, value.doubleValue()));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
    }
}
