package com.qundesk.report;

import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueModel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.awt.Color;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's charts as vectors, in the colours the app's charts use: the theme's chart colours 1–6 for the
 * six dimensions in order, and the coupon funnel as the app draws it — each group's rate beside a bar at the
 * 18% benchmark. Count axes step in whole numbers. Each method draws below {@code top} and returns the lowest
 * point it used.
 */
final class ReportCharts {
    /** AtlantaFX Primer's {@code -color-chart-1} to {@code -6} (the same in light and dark). */
    static final Color[] CHART = {new Color(0xF3622D), new Color(0xFBA71B), new Color(0x57B757),
            new Color(0x41A9C9), new Color(0x4258C9), new Color(0x9A42C8)};
    static final float VALUE_HEIGHT = 210;
    static final float TREND_HEIGHT = 150;
    static final float REDEMPTION_HEIGHT = 190;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");
    private static final float LABEL = 7;
    private static final float AXIS = 30;
    private static final Color GRID = new Color(0xD0D7DE);
    private static final Color INK = new Color(0x57606A);

    private final PDPageContentStream cs;
    private final PdfText text;
    private final Messages m;
    private final float left;
    private final float width;

    ReportCharts(PDPageContentStream cs, PdfText text, Messages m, float left, float width) {
        this.cs = cs;
        this.text = text;
        this.m = m;
        this.left = left;
        this.width = width;
    }

    float valueByDimension(List<Portfolio.WeekValue> weeks, float top) throws IOException {
        float legendBottom = legend(dimensionLegend(), top);
        float plotTop = legendBottom - 6;
        float plotBottom = top - VALUE_HEIGHT + labelBand();
        int max = 0;
        for (Portfolio.WeekValue w : weeks) {
            max = Math.max(max, w.counts().values().stream().mapToInt(Integer::intValue).sum());
        }
        int step = step(max);
        int axisMax = Math.max(step, (max + step - 1) / step * step);
        axes(plotBottom, plotTop, axisMax, step, "");
        float slot = (width - AXIS) / Math.max(1, weeks.size());
        float h = plotTop - plotBottom;
        List<String> labels = new ArrayList<>();
        for (int wi = 0; wi < weeks.size(); wi++) {
            Portfolio.WeekValue w = weeks.get(wi);
            float x = left + AXIS + slot * wi;
            float base = plotBottom;
            for (ValueDimension d : ValueDimension.values()) {
                float bh = h * w.counts().getOrDefault(d, 0) / axisMax;
                cs.setNonStrokingColor(CHART[d.ordinal()]);
                cs.addRect(x + slot * 0.15f, base, slot * 0.7f, bh);
                cs.fill();
                base += bh;
            }
            labels.add(SHORT.format(w.weekStart()));
        }
        categoryLabels(labels, slot, plotBottom);
        return top - VALUE_HEIGHT;
    }

    float trend(List<Portfolio.TrendPoint> points, float top) throws IOException {
        float plotTop = top - text.lineHeight(LABEL);
        float plotBottom = top - TREND_HEIGHT + labelBand();
        float h = plotTop - plotBottom;
        axes(plotBottom, plotTop, 100, 25, "%");
        float slot = (width - AXIS) / Math.max(1, points.size());
        cs.setStrokingColor(CHART[0]);
        cs.setLineWidth(1.6f);
        for (int i = 0; i < points.size(); i++) {
            float px = left + AXIS + slot * (i + 0.5f);
            float py = plotBottom + (float) (h * points.get(i).share());
            if (i == 0) {
                cs.moveTo(px, py);
            } else {
                cs.lineTo(px, py);
            }
        }
        cs.stroke();
        int every = every(slot, "100%");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            float px = left + AXIS + slot * (i + 0.5f);
            float py = plotBottom + (float) (h * points.get(i).share());
            cs.setNonStrokingColor(CHART[0]);
            cs.addRect(px - 2, py - 2, 4, 4);
            cs.fill();
            if (i % every == 0) {
                String v = ReportPages.percent(points.get(i).share());
                cs.setNonStrokingColor(INK);
                text.draw(cs, v, px - text.width(v, LABEL, false) / 2, py + 4, LABEL, false);
            }
            labels.add(SHORT.format(points.get(i).windowEnd()));
        }
        categoryLabels(labels, slot, plotBottom);
        return top - TREND_HEIGHT;
    }

    float redemption(List<Portfolio.GroupRate> rates, float top) throws IOException {
        float legendBottom = legend(List.of(new Key(m.get("dashboard.series.redemption"), CHART[0]),
                new Key(m.get("dashboard.series.benchmark"), CHART[1])), top);
        float plotTop = legendBottom - 6 - text.lineHeight(LABEL);
        float plotBottom = top - REDEMPTION_HEIGHT + labelBand();
        float h = plotTop - plotBottom;
        double max = Math.max(ValueModel.REDEMPTION_BENCHMARK,
                rates.stream().mapToDouble(Portfolio.GroupRate::rate).max().orElse(0));
        int axisMax = Math.max(25, (int) Math.ceil(max * 100 / 25) * 25);
        axes(plotBottom, plotTop, axisMax, axisMax / 4, "%");
        float slot = (width - AXIS) / rates.size();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            Portfolio.GroupRate r = rates.get(i);
            float x = left + AXIS + slot * i;
            float bar = slot * 0.35f;
            float rh = (float) (h * r.rate() * 100 / axisMax);
            float bh = (float) (h * ValueModel.REDEMPTION_BENCHMARK * 100 / axisMax);
            cs.setNonStrokingColor(CHART[0]);
            cs.addRect(x + slot * 0.15f, plotBottom, bar, rh);
            cs.fill();
            cs.setNonStrokingColor(CHART[1]);
            cs.addRect(x + slot * 0.15f + bar, plotBottom, bar, bh);
            cs.fill();
            String v = ReportPages.percent(r.rate());
            cs.setNonStrokingColor(INK);
            text.draw(cs, v, x + slot * 0.15f + (bar - text.width(v, LABEL, false)) / 2,
                    plotBottom + Math.max(rh, bh) + 3, LABEL, false);
            names.add(r.name());
        }
        categoryLabels(names, slot, plotBottom);
        return top - REDEMPTION_HEIGHT;
    }

    private record Key(String label, Color colour) {
    }

    private List<Key> dimensionLegend() {
        List<Key> keys = new ArrayList<>();
        for (ValueDimension d : ValueDimension.values()) {
            keys.add(new Key(m.get(d.messageKey()), CHART[d.ordinal()]));
        }
        return keys;
    }

    /** Coloured squares with their names in rows from {@code top}; returns the bottom of the last row. */
    private float legend(List<Key> keys, float top) throws IOException {
        float size = 8;
        float row = text.lineHeight(size);
        float x = left + AXIS;
        float baseline = top - text.ascent(size);
        for (Key k : keys) {
            float w = 11 + text.width(k.label(), size, false) + 14;
            if (x + w > left + width && x > left + AXIS) {
                x = left + AXIS;
                baseline -= row;
            }
            cs.setNonStrokingColor(k.colour());
            cs.addRect(x, baseline, 8, 8);
            cs.fill();
            cs.setNonStrokingColor(INK);
            text.draw(cs, k.label(), x + 11, baseline, size, false);
            x += w;
        }
        return baseline - text.descent(size);
    }

    /** The space under the plot for one row of category labels. */
    private float labelBand() {
        return 4 + text.lineHeight(LABEL);
    }

    /** One label per category under the plot, centred on its slot, shortened to fit, thinned out if crowded. */
    private void categoryLabels(List<String> labels, float slot, float plotBottom) throws IOException {
        int every = labels.stream().mapToInt(l -> every(slot, l)).max().orElse(1);
        float baseline = plotBottom - 3 - text.ascent(LABEL);
        cs.setNonStrokingColor(INK);
        for (int i = 0; i < labels.size(); i += every) {
            String l = text.fit(labels.get(i), LABEL, slot * every - 4);
            float cx = left + AXIS + slot * (i + 0.5f);
            text.draw(cs, l, cx - text.width(l, LABEL, false) / 2, baseline, LABEL, false);
        }
    }

    /** Draws every {@code every}-th label of a category axis so that labels like {@code sample} do not touch. */
    private int every(float slot, String sample) {
        try {
            float w = Math.min(text.width(sample, LABEL, false), text.width("MM-dd  ", LABEL, false) * 2) + 4;
            return Math.max(1, (int) Math.ceil(w / slot));
        } catch (IOException e) {
            return 1;
        }
    }

    /** Axis lines, grid lines at every {@code step}, and their values (with {@code unit}) on the left. */
    private void axes(float bottom, float top, int max, int step, String unit) throws IOException {
        cs.setLineWidth(0.5f);
        for (int v = step; v <= max; v += step) {
            float gy = bottom + (top - bottom) * v / max;
            cs.setStrokingColor(GRID);
            cs.moveTo(left + AXIS - 2, gy);
            cs.lineTo(left + width, gy);
            cs.stroke();
        }
        cs.setStrokingColor(Color.GRAY);
        cs.moveTo(left + AXIS - 2, bottom);
        cs.lineTo(left + width, bottom);
        cs.moveTo(left + AXIS - 2, bottom);
        cs.lineTo(left + AXIS - 2, top);
        cs.stroke();
        cs.setNonStrokingColor(INK);
        for (int v = 0; v <= max; v += step) {
            String s = v + unit;
            float gy = bottom + (top - bottom) * v / max;
            text.draw(cs, s, left + AXIS - 5 - text.width(s, LABEL, false), gy - LABEL * 0.35f, LABEL, false);
        }
    }

    /** A whole-number tick step giving at most five steps up to {@code max}: 1, 2, 5, 10, 20, 50… */
    static int step(int max) {
        int step = 1;
        int[] factors = {1, 2, 5};
        for (int magnitude = 1; ; magnitude *= 10) {
            for (int f : factors) {
                step = f * magnitude;
                if (max <= step * 5) {
                    return step;
                }
            }
        }
    }
}
