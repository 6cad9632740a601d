package com.qundesk.imports.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.wecom.WecomImportService;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Import view's texts about a previewed file: its status once read, and the groups its chats go to. */
final class PreviewTexts {

    private PreviewTexts() {
    }

    /** The status of a chat file ready to import: its rows, and what will be left out or was refused. */
    static String ready(Messages m, PendingFile f, boolean createGroups) {
        ImportPreview p = f.preview();
        String rows = p.scannedAll() ? m.get("import.status.rows", p.rowsScanned())
                : m.get("import.status.rowsAtLeast", p.rowsScanned());
        List<String> parts = new ArrayList<>();
        parts.add(rows);
        long unmatched = f.chats().stream().filter(c -> c.groupProperty().get() == null).count();
        if (unmatched > 0 && !createGroups) {
            parts.add(m.get("import.status.unmatched", unmatched));
        }
        if (f.oneToOneChats() > 0) {
            parts.add(m.get("import.status.oneToOneSkipped", f.oneToOneChats()));
        }
        if (p.rejectedCount() > 0) {
            parts.add(m.get("import.status.badRows", p.rejectedCount()));
        }
        for (String w : p.warnings()) {
            parts.add(m.get(w + ".short"));
        }
        return String.join(" · ", parts);
    }

    /** The status of a WeCom file ready to import: the responses it holds, and whether the day picker applies. */
    static String wecom(Messages m, WecomImportService.Summary w) {
        String text = m.get("import.wecom.summary", w.groupDetails(), w.groupLists(), w.ownerStatistics(),
                w.dayStatistics());
        if (w.needsDay()) {
            text += " · " + m.get("import.wecom.dayFromPicker");
        }
        return text;
    }

    /** The groups a file's chats go to (or that each will be created or skipped). */
    static String groups(Messages m, PendingFile f, boolean createGroups) {
        return f.chats().stream().map(c -> c.groupProperty().get() == null
                        ? (createGroups ? m.get("import.group.willCreate", c.label()) : m.get("import.group.skip"))
                        : c.groupProperty().get().name())
                .distinct().collect(Collectors.joining("、"));
    }
}
