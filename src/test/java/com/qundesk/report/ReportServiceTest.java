package com.qundesk.report;

import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.TestWorkspace;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportServiceTest {

    @TempDir
    Path dir;

    @Test
    void theReportOpensAndHasEverySectionAndTheRecommendations() throws Exception {
        TestWorkspace w = TestWorkspace.demo(dir);
        Path pdf = dir.resolve("report.pdf");
        Messages en = new Messages(Messages.ENGLISH);
        w.ctx.reports().write(pdf, true, w.ctx.health().today(), 30, en);
        assertThat(Files.exists(dir.resolve("report.pdf.part"))).isFalse();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            for (String section : new String[] {"QunDesk value report", "Headline", "Value delivered by dimension",
                    "Share of groups that delivered value", "Coupon redemption against the 18% benchmark",
                    "Recommendations, with reasons"}) {
                assertThat(text).contains(section);
            }
            assertThat(text).contains("Split").contains("Dissolve").contains("Re-form");
            if (PdfText.CANDIDATES.stream().anyMatch(p -> Files.isRegularFile(Path.of(p)))) {
                // with a CJK font on this machine the Chinese group names come out as text
                assertThat(text).contains("核心会员私董会");
            }
        }
    }

    @Test
    void aChineseReportUsesTheChineseBundle() throws Exception {
        TestWorkspace w = TestWorkspace.demo(dir);
        Path pdf = dir.resolve("zh.pdf");
        w.ctx.reports().write(pdf, true, w.ctx.health().today(), 7, new Messages(Messages.CHINESE));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            if (PdfText.CANDIDATES.stream().anyMatch(p -> Files.isRegularFile(Path.of(p)))) {
                assertThat(text).contains("群台价值报告").contains("处理建议及原因");
            } else {
                assertThat(doc.getNumberOfPages()).isPositive();
            }
        }
    }
}
