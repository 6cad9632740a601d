package com.qundesk.report;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
import com.qundesk.value.RuleFinding;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueModel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard as a PDF a manager can read: headline numbers, charts drawn as vectors, and every
 * recommendation with its reasons. Written to a temporary file and moved into place, so a failure never
 * leaves half a report.
 */
public final class ReportService {

    private static final float MARGIN = 48;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");
    static final Color[] PALETTE = {new Color(0x0969DA), new Color(0x1A7F37), new Color(0xBF8700),
            new Color(0x8250DF), new Color(0xCF222E), new Color(0x1B7C83)};

    private final DashboardService dashboard;
    private final String workspaceName;

    public ReportService(DashboardService dashboard, String workspaceName) {
        this.dashboard = dashboard;
        this.workspaceName = workspaceName;
    }

    public void write(Path out, LocalDate day, int windowDays, Messages m) {
        Portfolio p = dashboard.portfolio(day, windowDays);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            try (PDDocument doc = new PDDocument()) {
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(m.get("report.title"));
                info.setCreator("QunDesk");
                new Writer(doc, PdfText.load(doc), m).render(p, workspaceName);
                doc.save(tmp.toFile());
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Lays out pages top to bottom, starting a new page when the next block does not fit. */
    private static final class Writer {
        private final PDDocument doc;
        private final PdfText text;
        private final Messages m;
        private PDPageContentStream cs;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PdfText text, Messages m) {
            this.doc = doc;
            this.text = text;
            this.m = m;
        }

        void render(Portfolio p, String workspace) throws IOException {
            newPage();
            line(m.get("report.title"), 22, true);
            line(m.get("report.subtitle", workspace, p.day().toString(), p.windowDays()), 10, false);
            y -= 10;

            heading(m.get("report.section.headline"), 60);
            bullet(m.get("report.delivered", percent(p.deliveredShare()), p.deliveredGroups(), p.liveGroups(),
                    p.windowDays()));
            Double rate = p.funnel().redemptionRate();
            bullet(rate == null ? m.get("dashboard.redemptionNone") : m.get("report.redemption", percent(rate),
                    (long) p.funnel().couponsRedeemed(), (long) p.funnel().couponsIssued(),
                    percent(ValueModel.REDEMPTION_BENCHMARK)));
            var f = p.flash();
            bullet(m.get("dashboard.flashText", f.onTime(), f.late(), f.overdue(), f.open(), f.planned()));
            bullet(p.recommendations().stream().filter(h -> h.recommendation() != Recommendation.KEEP).count()
                    + " " + m.get("dashboard.actionsText", count(p, Recommendation.DISSOLVE), count(p, Recommendation.SPLIT),
                    count(p, Recommendation.RE_FORM), count(p, Recommendation.CONVERT_TO_FLASH),
                    count(p, Recommendation.IMPROVE)));

            heading(m.get("report.section.value"), 220);
            stackedBars(p.valueByWeek(), 170);
            legend();

            heading(m.get("report.section.trend"), 170);
            trend(p.deliveredTrend(), 120);

            heading(m.get("report.section.redemption"), 200);
            redemption(p.funnel().byGroup().stream().limit(8).toList(), 140);

            heading(m.get("report.section.recommendations"), 80);
            for (GroupHealth h : p.recommendations()) {
                ensure(40);
                line(h.group().name() + "  —  " + m.get(h.recommendation().messageKey()) + "  ("
                        + m.get("report.index", h.index().value()) + ")", 10.5f, true);
                for (RuleFinding r : h.reasons()) {
                    for (String l : text.wrap("· " + m.describe(r), 9, width - 14)) {
                        ensure(13);
                        text.draw(cs, l, MARGIN + 12, y, 9, false);
                        y -= 12;
                    }
                }
                y -= 4;
            }
            cs.close();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void ensure(float h) throws IOException {
            if (y - h < MARGIN) {
                newPage();
            }
        }

        /** A section title kept on the same page as the first {@code keepWith} points of its content. */
        private void heading(String s, float keepWith) throws IOException {
            ensure(keepWith + 30);
            y -= 8;
            line(s, 14, true);
            y -= 2;
        }

        private void line(String s, float size, boolean bold) throws IOException {
            for (String l : text.wrap(s, size, width)) {
                ensure(size + 4);
                text.draw(cs, l, MARGIN, y - size, size, bold);
                y -= size + 5;
            }
        }

        private void bullet(String s) throws IOException {
            for (String l : text.wrap("•  " + s, 10, width - 10)) {
                ensure(14);
                text.draw(cs, l, MARGIN + 6, y - 10, 10, false);
                y -= 14;
            }
        }

        private void stackedBars(List<Portfolio.WeekValue> weeks, float h) throws IOException {
            ensure(h + 30);
            float top = y - 6;
            float bottom = top - h;
            int max = 1;
            for (Portfolio.WeekValue w : weeks) {
                max = Math.max(max, w.counts().values().stream().mapToInt(Integer::intValue).sum());
            }
            axes(bottom, top, max);
            float slot = (width - 30) / Math.max(1, weeks.size());
            float x = MARGIN + 30;
            for (Portfolio.WeekValue w : weeks) {
                float base = bottom;
                int i = 0;
                for (ValueDimension d : ValueDimension.values()) {
                    int v = w.counts().getOrDefault(d, 0);
                    float bh = h * v / max;
                    cs.setNonStrokingColor(PALETTE[i++ % PALETTE.length]);
                    cs.addRect(x + slot * 0.15f, base, slot * 0.7f, bh);
                    cs.fill();
                    base += bh;
                }
                cs.setNonStrokingColor(Color.DARK_GRAY);
                text.draw(cs, SHORT.format(w.weekStart()), x + slot * 0.1f, bottom - 11, 7, false);
                x += slot;
            }
            y = bottom - 18;
        }

        private void legend() throws IOException {
            ensure(16);
            float x = MARGIN + 30;
            int i = 0;
            for (ValueDimension d : ValueDimension.values()) {
                cs.setNonStrokingColor(PALETTE[i++ % PALETTE.length]);
                cs.addRect(x, y - 8, 8, 8);
                cs.fill();
                cs.setNonStrokingColor(Color.BLACK);
                String label = m.get(d.messageKey());
                text.draw(cs, label, x + 11, y - 8, 8, false);
                x += 18 + text.width(label, 8, false);
            }
            y -= 18;
        }

        private void trend(List<Portfolio.TrendPoint> points, float h) throws IOException {
            ensure(h + 30);
            float top = y - 6;
            float bottom = top - h;
            axes(bottom, top, 100);
            float slot = (width - 30) / Math.max(1, points.size());
            cs.setStrokingColor(PALETTE[0]);
            cs.setLineWidth(1.6f);
            for (int i = 0; i < points.size(); i++) {
                float px = MARGIN + 30 + slot * (i + 0.5f);
                float py = bottom + (float) (h * points.get(i).share());
                if (i == 0) {
                    cs.moveTo(px, py);
                } else {
                    cs.lineTo(px, py);
                }
            }
            cs.stroke();
            cs.setNonStrokingColor(Color.DARK_GRAY);
            for (int i = 0; i < points.size(); i++) {
                float px = MARGIN + 30 + slot * (i + 0.5f);
                float py = bottom + (float) (h * points.get(i).share());
                text.draw(cs, percent(points.get(i).share()), px - 8, py + 4, 7, false);
                text.draw(cs, SHORT.format(points.get(i).windowEnd()), px - 10, bottom - 11, 7, false);
            }
            y = bottom - 18;
        }

        private void redemption(List<Portfolio.GroupRate> rates, float h) throws IOException {
            if (rates.isEmpty()) {
                line(m.get("dashboard.redemptionNone"), 10, false);
                return;
            }
            ensure(h + 40);
            float top = y - 6;
            float bottom = top - h;
            double max = Math.max(0.3, rates.stream().mapToDouble(Portfolio.GroupRate::rate).max().orElse(0.3));
            axes(bottom, top, (int) Math.round(max * 100));
            float slot = (width - 30) / rates.size();
            float x = MARGIN + 30;
            for (Portfolio.GroupRate r : rates) {
                float bh = (float) (h * r.rate() / max);
                cs.setNonStrokingColor(r.rate() >= ValueModel.REDEMPTION_BENCHMARK ? PALETTE[1] : PALETTE[4]);
                cs.addRect(x + slot * 0.2f, bottom, slot * 0.6f, bh);
                cs.fill();
                cs.setNonStrokingColor(Color.DARK_GRAY);
                text.draw(cs, percent(r.rate()), x + slot * 0.25f, bottom + bh + 3, 7, false);
                String name = r.name().length() > 8 ? r.name().substring(0, 8) + "…" : r.name();
                text.draw(cs, name, x + slot * 0.05f, bottom - 11, 7, false);
                x += slot;
            }
            float by = bottom + (float) (h * ValueModel.REDEMPTION_BENCHMARK / max);
            cs.setStrokingColor(Color.RED);
            cs.setLineDashPattern(new float[] {4, 3}, 0);
            cs.moveTo(MARGIN + 30, by);
            cs.lineTo(MARGIN + width, by);
            cs.stroke();
            cs.setLineDashPattern(new float[] {}, 0);
            cs.setNonStrokingColor(Color.RED);
            text.draw(cs, m.get("dashboard.series.benchmark"), MARGIN + width - 90, by + 3, 7, false);
            cs.setNonStrokingColor(Color.BLACK);
            y = bottom - 20;
        }

        private void axes(float bottom, float top, int max) throws IOException {
            cs.setStrokingColor(Color.GRAY);
            cs.setLineWidth(0.6f);
            cs.moveTo(MARGIN + 28, bottom);
            cs.lineTo(MARGIN + width, bottom);
            cs.moveTo(MARGIN + 28, bottom);
            cs.lineTo(MARGIN + 28, top);
            cs.stroke();
            cs.setNonStrokingColor(Color.DARK_GRAY);
            text.draw(cs, "0", MARGIN + 14, bottom - 3, 7, false);
            text.draw(cs, Integer.toString(max), MARGIN, top - 7, 7, false);
        }

        private static long count(Portfolio p, Recommendation r) {
            return p.recommendations().stream().filter(h -> h.recommendation() == r).count();
        }

        private static String percent(double v) {
            return String.format(Locale.ROOT, "%.0f%%", v * 100);
        }
    }
}
