package com.qundesk.imports.ui;

import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.ui.ViewContext;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Reads a queued file of the Import view in the background, as the kind of file the batch service says it is (a
 * chat export's first rows, or what a saved WeCom file holds), and fills in its format, chats, groups and status.
 */
final class FilePreviewer {
    private static final int PREVIEW_ROWS = 20_000;

    private final ViewContext view;
    private final ImportBatchService batch;
    private final ChatImportService imports;
    private final WecomImportService wecom;

    FilePreviewer(ViewContext view, ImportBatchService batch, ChatImportService imports, WecomImportService wecom) {
        this.view = view;
        this.batch = batch;
        this.imports = imports;
        this.wecom = wecom;
    }

    /**
     * Previews {@code f}; each chat gets the group of {@code groupsById} it would go to. On the FX thread,
     * {@code read} hears of the file once it is read, {@code failed} runs when it could not be.
     */
    void preview(PendingFile f, ImportOptions options, BooleanSupplier createGroups, Map<Long, Group> groupsById,
                 Consumer<PendingFile> read, Runnable failed) {
        Messages m = view.messages();
        f.stateProperty().set(PendingFile.State.READING);
        f.statusProperty().set(m.get("import.status.reading"));
        boolean create = createGroups.getAsBoolean();
        view.tasks().run(() -> {
            if (batch.kindOf(f.path()) == ImportKind.WECOM) {
                return wecom.describe(f.path(), create);
            }
            return imports.preview(f.path(), options, PREVIEW_ROWS, () -> false);
        }, any -> {
            if (any instanceof WecomImportService.Summary w) {
                previewedWecom(f, w, createGroups.getAsBoolean(), groupsById);
            } else {
                previewedChat(f, (ImportPreview) any, createGroups.getAsBoolean(), groupsById);
            }
            read.accept(f);
        }, error -> {
            f.stateProperty().set(PendingFile.State.FAILED);
            f.statusProperty().set(view.tasks().errors().describe(error));
            failed.run();
        });
    }

    private void previewedChat(PendingFile f, ImportPreview p, boolean create, Map<Long, Group> groupsById) {
        Messages m = view.messages();
        f.setPreview(p);
        f.formatProperty().set(p.format());
        f.charsetProperty().set(p.charset());
        f.chats().setAll(p.chats().stream().filter(c -> !c.oneToOne())
                .map(c -> new ChatChoice(c, c.groupId() == null ? null : groupsById.get(c.groupId()))).toList());
        f.groupsProperty().set(PreviewTexts.groups(m, f, create));
        // a file of one-to-one chats only is not importable, and the preview says so before Start
        f.stateProperty().set(f.onlyOneToOne() ? PendingFile.State.FAILED : PendingFile.State.READY);
        f.statusProperty().set(f.onlyOneToOne() ? m.get("import.status.oneToOneOnly")
                : PreviewTexts.ready(m, f, create));
    }

    private void previewedWecom(PendingFile f, WecomImportService.Summary w, boolean create,
                                Map<Long, Group> groupsById) {
        Messages m = view.messages();
        f.setWecom(w);
        f.setPreview(null);
        f.formatProperty().set("wecom");
        f.charsetProperty().set("UTF-8");
        f.chats().setAll(w.chats().stream()
                .map(c -> new ChatChoice(c, c.groupId() == null ? null : groupsById.get(c.groupId()))).toList());
        f.groupsProperty().set(PreviewTexts.groups(m, f, create));
        f.stateProperty().set(PendingFile.State.READY);
        f.statusProperty().set(PreviewTexts.wecom(m, w));
    }
}
