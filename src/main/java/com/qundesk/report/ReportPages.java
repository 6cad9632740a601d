package com.qundesk.report;

import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
import com.qundesk.value.RuleFinding;
import com.qundesk.value.ValueModel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Lays the report out on A4 pages top to bottom. Every line of text advances by the fonts' measured line
 * height, long text wraps to the page width, and a block that does not fit on what is left of a page starts
 * the next one (a heading always keeps its first line of content with it).
 */
final class ReportPages {
    static final float MARGIN = 48;
    private static final float TITLE = 20;
    private static final float HEADING = 14;
    private static final float BODY = 10;
    private static final float SMALL = 9;
    private static final float CHART_GAP = 8;

    private final PDDocument doc;
    private final PdfText text;
    private final Messages m;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream cs;
    private ReportCharts charts;
    /** The top of the free space left on the current page. */
    private float y;

    ReportPages(PDDocument doc, PdfText text, Messages m) {
        this.doc = doc;
        this.text = text;
        this.m = m;
    }

    void render(Portfolio p, String workspace) throws IOException {
        newPage();
        paragraph(m.get("report.title"), TITLE, true, 0);
        paragraph(m.get("report.subtitle", workspace, p.day().toString(), p.windowDays()), BODY, false, 0);

        heading(m.get("report.section.headline"), text.lineHeight(BODY));
        bullet(m.get("report.delivered", percent(p.deliveredShare()), p.deliveredGroups(), p.liveGroups(),
                p.windowDays()));
        Double rate = p.funnel().redemptionRate();
        bullet(rate == null ? m.get("dashboard.redemptionNone") : m.get("report.redemption", percent(rate),
                (long) p.funnel().couponsRedeemed(), (long) p.funnel().couponsIssued(),
                percent(ValueModel.REDEMPTION_BENCHMARK)));
        var f = p.flash();
        bullet(m.get("dashboard.flashText", f.onTime(), f.late(), f.overdue(), f.open(), f.planned()));
        bullet(p.recommendations().stream().filter(h -> h.recommendation() != Recommendation.KEEP).count()
                + " " + m.get("dashboard.actionsText", count(p, Recommendation.DISSOLVE),
                count(p, Recommendation.SPLIT), count(p, Recommendation.RE_FORM),
                count(p, Recommendation.CONVERT_TO_FLASH), count(p, Recommendation.IMPROVE)));

        heading(m.get("report.section.value"), ReportCharts.VALUE_HEIGHT);
        y = charts.valueByDimension(p.valueByWeek(), y - CHART_GAP) - CHART_GAP;

        heading(m.get("report.section.trend"), ReportCharts.TREND_HEIGHT);
        y = charts.trend(p.deliveredTrend(), y - CHART_GAP) - CHART_GAP;

        List<Portfolio.GroupRate> rates = p.funnel().byGroup().stream().limit(8).toList();
        if (rates.isEmpty()) {
            heading(m.get("report.section.redemption"), text.lineHeight(BODY));
            paragraph(m.get("dashboard.redemptionNone"), BODY, false, 0);
        } else {
            heading(m.get("report.section.redemption"), ReportCharts.REDEMPTION_HEIGHT);
            y = charts.redemption(rates, y - CHART_GAP) - CHART_GAP;
        }

        heading(m.get("report.section.recommendations"), text.lineHeight(BODY) * 2);
        for (GroupHealth h : p.recommendations()) {
            recommendation(h);
        }
        cs.close();
    }

    private void recommendation(GroupHealth h) throws IOException {
        String title = h.group().name() + "  —  " + m.get(h.recommendation().messageKey()) + "  ("
                + m.get("report.index", String.format(Locale.ROOT, "%.1f", h.index().value())) + ")";
        List<String> titleLines = text.wrap(title, BODY, true, width);
        // the group's name never ends a page alone: it moves on with its first reason
        ensure(titleLines.size() * text.lineHeight(BODY) + (h.reasons().isEmpty() ? 0 : text.lineHeight(SMALL)));
        lines(titleLines, BODY, true, 0);
        for (RuleFinding r : h.reasons()) {
            bullet(m.describe(r), SMALL, "·", 10);
        }
        y -= text.lineHeight(SMALL) * 0.4f;
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        charts = new ReportCharts(cs, text, m, MARGIN, width);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code h} points are left above the bottom margin. */
    private void ensure(float h) throws IOException {
        if (y - h < MARGIN) {
            newPage();
        }
    }

    /** A section title, on the same page as the first {@code keepWith} points of what follows it. */
    private void heading(String s, float keepWith) throws IOException {
        float gap = text.lineHeight(HEADING) * 0.5f;
        List<String> l = text.wrap(s, HEADING, true, width);
        ensure(gap + l.size() * text.lineHeight(HEADING) + keepWith + CHART_GAP);
        y -= gap;
        lines(l, HEADING, true, 0);
    }

    private void paragraph(String s, float size, boolean bold, float indent) throws IOException {
        lines(text.wrap(s, size, bold, width - indent), size, bold, indent);
    }

    private void bullet(String s) throws IOException {
        bullet(s, BODY, "•", 4);
    }

    /** {@code mark} at {@code indent}, the text beside it; wrapped lines hang under the text, not the mark. */
    private void bullet(String s, float size, String mark, float indent) throws IOException {
        float textIndent = indent + 12;
        List<String> l = text.wrap(s, size, false, width - textIndent);
        ensure(text.lineHeight(size));
        cs.setNonStrokingColor(Color.BLACK);
        text.draw(cs, mark, MARGIN + indent, y - text.ascent(size), size, false);
        lines(l, size, false, textIndent);
    }

    /** Each line with its baseline one ascent below the free space, then the free space moves one line down. */
    private void lines(List<String> l, float size, boolean bold, float indent) throws IOException {
        for (String s : l) {
            ensure(text.lineHeight(size));
            cs.setNonStrokingColor(Color.BLACK);
            text.draw(cs, s, MARGIN + indent, y - text.ascent(size), size, bold);
            y -= text.lineHeight(size);
        }
    }

    private static long count(Portfolio p, Recommendation r) {
        return p.recommendations().stream().filter(h -> h.recommendation() == r).count();
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
