package com.qundesk.flash.ui;

import com.qundesk.flash.FlashState;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A Gantt-style timeline drawn on one canvas the size of the view; only the visible rows are drawn, so
 * thousands of groups stay smooth. A scroll bar moves through the rows.
 */
public final class TimelineCanvas extends Region {

    static final double ROW = 26;
    static final double HEADER = 30;
    static final double LABELS = 230;

    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private List<TimelineModel.Row> rows = List.of();
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH.plusSeconds(86400);
    private Instant now = Instant.EPOCH;
    private ZoneId zone = ZoneId.systemDefault();
    private Function<TimelineModel.Row, String> describe = TimelineModel.Row::label;
    private BiConsumer<TimelineModel.Row, Double> onOpen = (r, x) -> { };
    private boolean dark;

    public TimelineCanvas() {
        getStyleClass().add("timeline");
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.valueProperty().addListener((o, a, b) -> draw());
        getChildren().addAll(canvas, scroll);
        canvas.setOnMouseMoved(e -> {
            TimelineModel.Row r = rowAt(e.getY());
            if (r == null || e.getX() < LABELS) {
                tooltip.hide();
                return;
            }
            tooltip.setText(describe.apply(r));
            showInside(tooltip, canvas, e.getScreenX(), e.getScreenY());
        });
        canvas.setOnMouseExited(e -> tooltip.hide());
        canvas.setOnMouseClicked(e -> {
            TimelineModel.Row r = rowAt(e.getY());
            if (r != null && e.getClickCount() == 2) {
                onOpen.accept(r, e.getX());
            }
        });
        canvas.setOnScroll(e -> scroll.setValue(Math.max(scroll.getMin(), Math.min(scroll.getMax(),
                scroll.getValue() - e.getDeltaY()))));
    }

    public void setData(List<TimelineModel.Row> rows, Instant from, Instant to, Instant now, ZoneId zone) {
        this.rows = rows;
        this.from = from;
        this.to = to;
        this.now = now;
        this.zone = zone;
        updateScroll();
        draw();
    }

    public void setDescribe(Function<TimelineModel.Row, String> describe) {
        this.describe = describe;
    }

    /** Called with the row double-clicked (and the x of the click). */
    public void setOnOpen(BiConsumer<TimelineModel.Row, Double> onOpen) {
        this.onOpen = onOpen;
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        draw();
    }

    public List<TimelineModel.Row> rows() {
        return rows;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.prefWidth(-1);
        canvas.setWidth(Math.max(0, w - sw));
        canvas.setHeight(h);
        scroll.resizeRelocate(w - sw, 0, sw, h);
        updateScroll();
        draw();
    }

    private void updateScroll() {
        double content = rows.size() * ROW;
        double visible = Math.max(1, getHeight() - HEADER);
        scroll.setMax(Math.max(0, content - visible));
        scroll.setVisibleAmount(visible);
        scroll.setDisable(content <= visible);
        if (scroll.getValue() > scroll.getMax()) {
            scroll.setValue(scroll.getMax());
        }
    }

    private TimelineModel.Row rowAt(double y) {
        if (y < HEADER) {
            return null;
        }
        int i = (int) ((y - HEADER + scroll.getValue()) / ROW);
        return i >= 0 && i < rows.size() ? rows.get(i) : null;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color fg = dark ? Color.web("#e6edf3") : Color.web("#1f2328");
        Color muted = dark ? Color.web("#7d8590") : Color.web("#656d76");
        Color grid = dark ? Color.web("#30363d") : Color.web("#d0d7de");
        g.setFill(dark ? Color.web("#0d1117") : Color.WHITE);
        g.fillRect(0, 0, w, h);
        double plot = Math.max(1, w - LABELS);
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);

        // header ticks: hours for a day, days otherwise
        long hours = Duration.between(from, to).toHours();
        Duration step = hours <= 24 ? Duration.ofHours(2) : Duration.ofDays(1);
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern(hours <= 24 ? "HH:mm" : "MM-dd");
        int every = hours > 24 * 20 ? 3 : 1;
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step), n++) {
            double x = LABELS + TimelineModel.x(t, from, to, plot);
            g.setStroke(grid);
            g.strokeLine(x, HEADER - 6, x, h);
            if (n % every == 0) {
                g.setFill(muted);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(fmt.format(t.atZone(zone)), x + 3, HEADER / 2);
            }
        }
        g.setStroke(grid);
        g.strokeLine(0, HEADER, w, HEADER);

        int first = (int) (scroll.getValue() / ROW);
        double offset = scroll.getValue() - first * ROW;
        for (int i = first; i < rows.size(); i++) {
            double y = HEADER + (i - first) * ROW - offset;
            if (y > h) {
                break;
            }
            TimelineModel.Row r = rows.get(i);
            boolean campaign = r.kind() == TimelineModel.Kind.CAMPAIGN;
            g.setFill(campaign ? fg : muted.interpolate(fg, 0.5));
            g.setFont(Font.font(null, campaign ? javafx.scene.text.FontWeight.BOLD
                    : javafx.scene.text.FontWeight.NORMAL, 12));
            g.setTextAlign(TextAlignment.LEFT);
            String label = (campaign ? "" : "   ") + r.label();
            g.fillText(label.length() > 24 ? label.substring(0, 23) + "…" : label, 8, y + ROW / 2);
            double x1 = LABELS + TimelineModel.x(r.start(), from, to, plot);
            double x2 = LABELS + TimelineModel.x(r.end(), from, to, plot);
            g.setFill(color(r, dark));
            double barH = campaign ? ROW - 12 : ROW - 8;
            g.fillRoundRect(x1, y + (ROW - barH) / 2, Math.max(3, x2 - x1), barH, 6, 6);
            g.setStroke(Color.web("#bf8700"));
            for (Instant t : r.reminders()) {
                if (!t.isBefore(from) && t.isBefore(to)) {
                    double x = LABELS + TimelineModel.x(t, from, to, plot);
                    g.strokeLine(x, y + 3, x, y + ROW - 3);
                }
            }
        }
        if (!now.isBefore(from) && now.isBefore(to)) {
            double x = LABELS + TimelineModel.x(now, from, to, plot);
            g.setStroke(Color.web("#cf222e"));
            g.setLineWidth(2);
            g.strokeLine(x, HEADER - 6, x, h);
            g.setLineWidth(1);
        }
    }

    /** Bar colours by state: planned grey, open green, due red, extended amber, dissolved faint, converted purple. */
    static Color color(TimelineModel.Row r) {
        return color(r, false);
    }

    static Color color(TimelineModel.Row r, boolean dark) {
        if (r.kind() == TimelineModel.Kind.CAMPAIGN) {
            return r.cancelled() ? Color.web(dark ? "#484f58" : "#afb8c1") : CAMPAIGN;
        }
        if (r.kind() == TimelineModel.Kind.DELIVERY) {
            return DELIVERY;
        }
        return color(r.state(), dark);
    }

    static final Color CAMPAIGN = Color.web("#0969da");
    /** A planned delivery of the value plan: a translucent purple mark. */
    static final Color DELIVERY = Color.web("#8250df", 0.35);

    /**
     * A flash group's bar. Dissolved groups are the past: faint on either background (on the dark theme the light
     * grey was the brightest thing on screen).
     */
    static Color color(FlashState s, boolean dark) {
        return switch (s) {
            case PLANNED -> Color.web("#8c959f");
            case OPEN -> Color.web("#1a7f37");
            case DUE -> Color.web("#cf222e");
            case EXTENDED -> Color.web("#bf8700");
            case DISSOLVED -> Color.web(dark ? "#30363d" : "#d0d7de");
            case CONVERTED -> Color.web("#8250df");
        };
    }

    /** Shows {@code tip} beside the pointer, on whichever side keeps it inside the window. */
    static void showInside(Tooltip tip, javafx.scene.Node owner, double screenX, double screenY) {
        tip.show(owner, screenX + 12, screenY + 12);
        javafx.stage.Window w = owner.getScene().getWindow();
        if (tip.getX() + tip.getWidth() > w.getX() + w.getWidth()) {
            tip.setX(Math.max(w.getX(), screenX - 12 - tip.getWidth()));
        }
        if (tip.getY() + tip.getHeight() > w.getY() + w.getHeight()) {
            tip.setY(Math.max(w.getY(), screenY - 12 - tip.getHeight()));
        }
    }
}
