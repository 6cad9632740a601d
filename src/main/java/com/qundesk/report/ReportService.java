package com.qundesk.report;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import com.qundesk.io.OutputFiles;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The dashboard as a PDF a manager can read: headline numbers, charts drawn as vectors, and every
 * recommendation with its reasons. Written to a temporary file and moved into place, so a failure never
 * leaves half a report.
 */
public final class ReportService {

    private final DashboardService dashboard;
    private final String workspaceName;
    private final OutputFiles outputs;

    public ReportService(DashboardService dashboard, String workspaceName, OutputFiles outputs) {
        this.dashboard = dashboard;
        this.workspaceName = workspaceName;
        this.outputs = outputs;
    }

    /**
     * Writes the report to {@code out} through {@link OutputFiles}: never over the workspace or a backup, over
     * an existing file only when {@code replace} (CLI {@code --force}, or a save dialog that asked).
     */
    public void write(Path out, boolean replace, LocalDate day, int windowDays, Messages m) {
        outputs.check(out, replace);
        Portfolio p = dashboard.portfolio(day, windowDays);
        outputs.write(out, replace, tmp -> {
            try (PDDocument doc = new PDDocument()) {
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(m.get("report.title"));
                info.setCreator("QunDesk");
                new ReportPages(doc, PdfText.load(doc), m).render(p, workspaceName);
                doc.save(tmp.toFile());
            }
        });
    }
}
