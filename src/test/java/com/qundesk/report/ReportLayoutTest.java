package com.qundesk.report;

import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.TestWorkspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's text as PDFBox reads it back: no glyph's box overlaps a glyph of another line, and nothing runs
 * off the page, and no two glyphs of one line sit on each other. A glyph's box is its em square around the baseline (0.85 of the size above, 0.15 below), so
 * lines set closer than their font size count as overlapping.
 */
class ReportLayoutTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void noLineOfTextOverlapsAnotherAndNothingLeavesThePage(String language) throws Exception {
        TestWorkspace w = TestWorkspace.demo(dir);
        Path pdf = dir.resolve("report-" + language + ".pdf");
        Messages m = new Messages("zh".equals(language) ? Messages.CHINESE : Messages.ENGLISH);
        w.ctx.reports().write(pdf, false, w.ctx.health().today(), 30, m);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> problems = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                problems.addAll(overlaps(doc, p));
            }
            assertThat(problems).as("overlapping or clipped text in the %s report", language).isEmpty();
        }
    }

    private static List<String> overlaps(PDDocument doc, int pageNo) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    if (!t.getUnicode().isBlank()) {
                        glyphs.add(t);
                    }
                }
            }
        };
        stripper.setStartPage(pageNo);
        stripper.setEndPage(pageNo);
        stripper.getText(doc);
        PDPage page = doc.getPage(pageNo - 1);
        float pageWidth = page.getMediaBox().getWidth();
        float pageHeight = page.getMediaBox().getHeight();
        List<String> problems = new ArrayList<>();
        for (TextPosition g : glyphs) {
            if (g.getXDirAdj() < 0 || g.getXDirAdj() + g.getWidthDirAdj() > pageWidth + 0.5f
                    || top(g) < 0 || bottom(g) > pageHeight) {
                problems.add(String.format(Locale.ROOT, "page %d: '%s' leaves the page at (%.1f, %.1f)",
                        pageNo, g.getUnicode(), g.getXDirAdj(), g.getYDirAdj()));
            }
        }
        for (int i = 0; i < glyphs.size(); i++) {
            TextPosition a = glyphs.get(i);
            for (int j = i + 1; j < glyphs.size(); j++) {
                TextPosition b = glyphs.get(j);
                boolean sideBySide = a.getXDirAdj() + a.getWidthDirAdj() <= b.getXDirAdj() + 0.5f
                        || b.getXDirAdj() + b.getWidthDirAdj() <= a.getXDirAdj() + 0.5f;
                if (Math.abs(a.getYDirAdj() - b.getYDirAdj()) < 0.5f) {
                    if (!sideBySide) { // on one line, one label drawn over another
                        problems.add(String.format(Locale.ROOT, "page %d: '%s' and '%s' drawn over each other at "
                                + "(%.1f, %.1f)", pageNo, a.getUnicode(), b.getUnicode(), a.getXDirAdj(),
                                a.getYDirAdj()));
                    }
                    continue;
                }
                boolean aboveBelow = bottom(a) <= top(b) + 0.5f || bottom(b) <= top(a) + 0.5f;
                if (!sideBySide && !aboveBelow) {
                    problems.add(String.format(Locale.ROOT, "page %d: '%s' at y %.1f overlaps '%s' at y %.1f",
                            pageNo, a.getUnicode(), a.getYDirAdj(), b.getUnicode(), b.getYDirAdj()));
                }
            }
        }
        return problems;
    }

    private static float top(TextPosition t) {
        return t.getYDirAdj() - 0.85f * t.getFontSizeInPt();
    }

    private static float bottom(TextPosition t) {
        return t.getYDirAdj() + 0.15f * t.getFontSizeInPt();
    }
}
