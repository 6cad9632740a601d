package com.qundesk.ui;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.util.Map;

/** Chart conventions of the app: counts in whole numbers, and an empty chart that says so. */
public final class Charts {
    private Charts() {
    }

    /** Axes of counts: labels only at whole numbers, no minor ticks in between. */
    public static void wholeNumbers(NumberAxis... axes) {
        for (NumberAxis axis : axes) {
            axis.setMinorTickVisible(false);
            axis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    double v = n.doubleValue();
                    return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
                }

                @Override
                public Number fromString(String s) {
                    return Long.parseLong(s.strip());
                }
            });
        }
    }

    /**
     * Puts {@code message} over {@code chart} whenever it has no data point (an empty plot looked broken). The
     * chart moves into a stack in its place, keeping its layout constraints.
     */
    public static void messageWhenEmpty(Chart chart, String message) {
        Parent parent = chart.getParent();
        if (!(parent instanceof Pane pane)) {
            return;
        }
        int at = pane.getChildren().indexOf(chart);
        StackPane stack = new StackPane();
        for (Map.Entry<Object, Object> e : chart.getProperties().entrySet()) {
            if (e.getKey() instanceof String key && key.matches("(gridpane|vbox|hbox|flowpane)-.*")) {
                stack.getProperties().put(key, e.getValue()); // row, column, grow and margin constraints
            }
        }
        Label label = new Label(message);
        label.getStyleClass().addAll("text-muted", "chart-empty");
        label.setWrapText(true);
        label.setMouseTransparent(true);
        pane.getChildren().set(at, stack);
        stack.getChildren().addAll(chart, label);
        Runnable update = () -> label.setVisible(isEmpty(chart));
        if (chart instanceof XYChart<?, ?> xy) {
            xy.dataProperty().addListener((o, a, b) -> update.run());
            xy.getData().addListener((ListChangeListener<Object>) c -> update.run());
        } else if (chart instanceof PieChart pie) {
            pie.dataProperty().addListener((o, a, b) -> update.run());
            pie.getData().addListener((ListChangeListener<Object>) c -> update.run());
        }
        update.run();
    }

    private static boolean zero(Object v) {
        return v instanceof Number n && n.doubleValue() == 0;
    }

    static boolean isEmpty(Chart chart) {
        if (chart instanceof XYChart<?, ?> xy) {
            // no point, or nothing but zeros (a group without any value event yet)
            return xy.getData() == null || xy.getData().stream().flatMap(s -> s.getData().stream())
                    .allMatch(d -> zero(d.getYValue() instanceof Number ? d.getYValue() : d.getXValue()));
        }
        if (chart instanceof PieChart pie) {
            return pie.getData() == null || pie.getData().stream().allMatch(d -> d.getPieValue() == 0);
        }
        return false;
    }

    /**
     * A time axis of days (epoch-day values) labelled like {@code format}, a tick a week: a month of daily
     * points as categories did not fit side by side and was turned on its side.
     */
    public static void days(NumberAxis axis, java.time.format.DateTimeFormatter format) {
        axis.setAutoRanging(false);
        axis.setForceZeroInRange(false);
        axis.setMinorTickVisible(false);
        axis.setTickUnit(7);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return format.format(java.time.LocalDate.ofEpochDay(Math.round(n.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("a day axis is not edited");
            }
        });
    }

    /** Shows the days from {@code first} to {@code last} on an axis set up by {@link #days}. */
    public static void showDays(NumberAxis axis, java.time.LocalDate first, java.time.LocalDate last) {
        if (first == null || last == null) {
            return;
        }
        axis.setLowerBound(first.toEpochDay());
        axis.setUpperBound(Math.max(first.toEpochDay() + 1, last.toEpochDay()));
    }
}
