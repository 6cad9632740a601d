package com.qundesk.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps table columns wide enough for what they say, in either language: a column is never narrower than its
 * header, nor than the longest of its short texts (a status, a purpose, an owner, a date) — up to
 * {@link #LONGEST} px; longer free text may still be shortened and shows in full in its tooltip. When the
 * columns together are wider than the table, the table scrolls sideways instead of cutting words.
 */
public final class TableFit {
    /** Texts wider than this are free text (reasons, notes): they do not widen their column. */
    static final double LONGEST = 280;
    /** Rows measured per column: enough to meet every short text of a column, cheap on a 10,000-row table. */
    private static final int SAMPLE = 400;
    /** Room for the cell's padding and, in a header, the sort arrow. */
    private static final double PADDING = 26;

    private TableFit() {
    }

    /** Every table in {@code root}, also inside tabs, keeps its columns wide enough from now on. */
    public static void everyTableIn(Node root) {
        if (root instanceof TableView<?> table) {
            install(table);
        }
        if (root instanceof TabPane tabs) {
            for (Tab t : tabs.getTabs()) {
                if (t.getContent() != null) {
                    everyTableIn(t.getContent());
                }
            }
        }
        if (root instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            everyTableIn(sp.getContent());
        }
        if (root instanceof javafx.scene.control.SplitPane sp) {
            sp.getItems().forEach(TableFit::everyTableIn);
        }
        if (root instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) {
            everyTableIn(tp.getContent());
        }
        if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                everyTableIn(child);
            }
        }
    }

    private static <S> void install(TableView<S> table) {
        if (table.getProperties().containsKey(TableFit.class)) {
            return;
        }
        table.getProperties().put(TableFit.class, Boolean.TRUE);
        Runnable fit = () -> Platform.runLater(() -> fit(table));
        table.skinProperty().addListener((o, a, skin) -> fit.run());
        table.itemsProperty().addListener((o, a, items) -> {
            fit.run();
            if (items != null) {
                items.addListener((ListChangeListener<S>) c -> fit.run());
            }
        });
        if (table.getItems() != null) {
            table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        }
    }

    private static <S> void fit(TableView<S> table) {
        if (table.getSkin() == null) {
            return;
        }
        Font font = null;
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null
                    && h.lookup(".label") instanceof Labeled label) {
                font = label.getFont();
                widen(h.getTableColumn(), label.prefWidth(-1) + h.snappedLeftInset() + h.snappedRightInset() + PADDING);
            }
        }
        if (font == null) {
            return;
        }
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            double widest = 0;
            for (int i = 0; i < Math.min(table.getItems().size(), SAMPLE); i++) {
                Object value = column.getCellObservableValue(i) == null ? null
                        : column.getCellObservableValue(i).getValue();
                String s = value instanceof String text ? text : shownText(column, value);
                if (s != null) {
                    double w = width(s, font);
                    if (w <= LONGEST) {
                        widest = Math.max(widest, w);
                    }
                }
            }
            if (widest > 0) {
                widen(column, widest + PADDING);
            }
        }
    }

    /**
     * For a column whose values are not text (a date, an instant): how its cells show a value, so that the
     * column is measured by what it shows.
     */
    public static <S, T> void shows(TableColumn<S, T> column, java.util.function.Function<T, String> text) {
        column.getProperties().put(TableFit.class, text);
    }

    @SuppressWarnings("unchecked")
    private static String shownText(TableColumn<?, ?> column, Object value) {
        if (value == null || !(column.getProperties().get(TableFit.class) instanceof java.util.function.Function<?, ?> f)) {
            return null;
        }
        return ((java.util.function.Function<Object, String>) f).apply(value);
    }

    private static void widen(javafx.scene.control.TableColumnBase<?, ?> column, double need) {
        double n = Math.ceil(need);
        if (column.getMinWidth() < n) {
            column.setMinWidth(n);
            if (column.getPrefWidth() < n) {
                column.setPrefWidth(n);
            }
        }
    }

    private static double width(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A column of free text (reasons, notes): shortened to its width, in full in the cell's tooltip. */
    public static <S> void freeText(TableColumn<S, String> column) {
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isBlank() ? null : new javafx.scene.control.Tooltip(text));
            }
        });
    }
}
