package com.qundesk.report;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * The dashboard as a PDF a manager can read: headline numbers, charts drawn as vectors, and every
 * recommendation with its reasons. Written to a temporary file and moved into place, so a failure never
 * leaves half a report.
 */
public final class ReportService {

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
                new ReportPages(doc, PdfText.load(doc), m).render(p, workspaceName);
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
}
