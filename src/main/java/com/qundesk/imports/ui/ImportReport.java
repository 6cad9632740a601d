package com.qundesk.imports.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.Rejection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The end-of-run report of the Import view, computed from the queued files: the summary line with its totals,
 * the style class it is shown in ({@code danger} if a file failed, {@code warning} if there are problems,
 * {@code success} otherwise) and every problem with its file and line. The controller only puts it on screen.
 */
record ImportReport(String summary, String style, List<String> problems) {

    /** The report over {@code files} as they stand after a run. */
    static ImportReport of(List<PendingFile> files, Messages m) {
        long imported = 0;
        long dups = 0;
        long rejected = 0;
        long failed = 0;
        long unmappedChats = 0;
        List<String> problems = new ArrayList<>();
        for (PendingFile f : files) {
            if (f.state() == PendingFile.State.FAILED) {
                failed++;
                problems.add(m.get("cli.import.fileFailed", f.path().getFileName(), f.statusProperty().get()));
            }
            if (f.wecomResult() != null) {
                for (String chat : f.wecomResult().unknownChats()) {
                    problems.add(m.get("cli.wecom.unknownChat", f.path().getFileName(), chat));
                }
                for (String note : f.wecomResult().notes()) {
                    problems.add(m.get("cli.import.warning", f.path().getFileName(), m.get(note)));
                }
            }
            ImportResult r = f.result();
            if (r == null) {
                continue;
            }
            imported += r.imported();
            dups += r.duplicates();
            rejected += r.rejectedCount();
            unmappedChats += r.unmapped().size();
            for (ImportResult.UnmappedChat u : r.unmapped()) {
                problems.add(m.get("import.report.unmapped", r.fileName(), u.chatName(), u.messages()));
            }
            for (String w : r.warnings()) {
                problems.add(m.get("cli.import.warning", r.fileName(), m.get(w)));
            }
            for (Rejection rej : r.rejected()) {
                problems.add(m.get("cli.import.rejected", r.fileName(), rej.line(), m.describe(rej)));
            }
        }
        String summary = m.get("import.report.summary", imported, dups, rejected, unmappedChats, failed);
        String style = failed > 0 ? "danger" : problems.isEmpty() ? "success" : "warning";
        return new ImportReport(summary, style, Collections.unmodifiableList(problems));
    }
}
