package com.qundesk.report;

import com.qundesk.dashboard.Portfolio;
import com.qundesk.db.Dialect;
import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PDF report says what the dashboard's service computed. Chinese text needs a CJK font on the machine
 * (.ci/run installs fonts-droid-fallback): without one the Chinese checks are reported as skipped, not passed.
 */
@BothDatabases
class ReportServiceTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static String text(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static void assumeCjkFont() {
        assumeTrue(PdfText.CANDIDATES.stream().anyMatch(p -> Files.isRegularFile(Path.of(p))),
                "no CJK font installed (e.g. fonts-droid-fallback): Chinese text cannot be checked");
    }

    @Test
    void theReportOpensAndHasEverySectionAndTheServicesNumbers() throws Exception {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        Path pdf = dir.resolve("report.pdf");
        w.ctx.reports().write(pdf, true, w.ctx.health().today(), 30, new Messages(Messages.ENGLISH));
        assertThat(Files.exists(dir.resolve("report.pdf.part"))).isFalse();
        String text = text(pdf);
        for (String section : new String[] {"QunDesk value report", "Headline", "Value delivered by dimension",
                "Share of groups that delivered value", "Coupon redemption against the 18% benchmark",
                "Recommendations, with reasons"}) {
            assertThat(text).contains(section);
        }
        assertThat(text).contains("Split").contains("Dissolve").contains("Re-form");
        Portfolio p = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30);
        assertThat(text).contains(percent(p.deliveredShare()) + " of active groups delivered value ("
                + p.deliveredGroups() + " of " + p.liveGroups() + ") in the last 30 days.");
        assertThat(text).contains("Coupon redemption " + percent(p.funnel().redemptionRate()) + " ("
                + String.format(Locale.ENGLISH, "%,d of %,d", (long) p.funnel().couponsRedeemed(),
                (long) p.funnel().couponsIssued()) + "), benchmark 18%.");
    }

    @Test
    void chineseGroupNamesComeOutAsText() throws Exception {
        assumeCjkFont();
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        Path pdf = dir.resolve("report.pdf");
        w.ctx.reports().write(pdf, true, w.ctx.health().today(), 30, new Messages(Messages.ENGLISH));
        assertThat(text(pdf)).contains("核心会员私董会");
    }

    @Test
    void aChineseReportUsesTheChineseBundle() throws Exception {
        assumeCjkFont();
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        Path pdf = dir.resolve("zh.pdf");
        w.ctx.reports().write(pdf, true, w.ctx.health().today(), 7, new Messages(Messages.CHINESE));
        assertThat(text(pdf)).contains("群台价值报告").contains("处理建议及原因");
    }
}
