package com.qundesk.imports.ui;

import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.BatchFile;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportOutcome;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.ui.ViewContext;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of the Import view: the background task that hands the queued files to the batch service and shows
 * what it hears, the progress with rows per second and an ETA, and each file's state and status on the FX thread.
 */
final class ImportJob {
    private final ViewContext view;
    private final Messages m;

    private ImportJob(ViewContext view) {
        this.view = view;
        this.m = view.messages();
    }

    /**
     * The task importing {@code todo} with each file's options; {@code wecomDay} is the day WeCom statistics
     * without one of their own are for. Not started: the caller submits it.
     */
    static Task<List<ImportOutcome>> task(ViewContext view, ImportBatchService batch, List<PendingFile> todo,
                                          Map<PendingFile, ImportOptions> opts, LocalDate wecomDay) {
        return new ImportJob(view).create(batch, todo, opts, wecomDay);
    }

    private Task<List<ImportOutcome>> create(ImportBatchService batch, List<PendingFile> todo,
                                             Map<PendingFile, ImportOptions> opts, LocalDate wecomDay) {
        Map<Path, PendingFile> byPath = new HashMap<>();
        List<BatchFile> files = todo.stream().map(f -> {
            byPath.put(f.path(), f);
            return new BatchFile(f.path(), f.wecom() != null ? ImportKind.WECOM : ImportKind.CHAT, opts.get(f),
                    null, wecomDay);
        }).toList();
        long totalBytes = ImportBatchService.totalBytes(files);
        return new Task<>() {
            {
                // determinate from the first frame: the indeterminate bar's animation costs the software
                // renderer a full repaint of the bar at every pulse until the first progress report
                updateProgress(0, Math.max(1, totalBytes));
            }

            @Override
            protected List<ImportOutcome> call() {
                return batch.run(files, this::isCancelled, new ImportBatchService.Listener() {
                    @Override
                    public void started(Path file) {
                        PendingFile f = byPath.get(file);
                        Platform.runLater(() -> {
                            f.stateProperty().set(PendingFile.State.IMPORTING);
                            f.statusProperty().set(m.get("import.status.importing"));
                        });
                    }

                    @Override
                    public void progress(ImportBatchService.Progress p) {
                        String eta = p.etaSeconds() >= 0 ? m.get("import.progress.eta", p.etaSeconds()) : "";
                        updateProgress(p.done(), p.total());
                        updateMessage(m.get("import.progress.rows", p.file().getFileName(), p.rows(),
                                p.rowsPerSecond()) + eta);
                    }

                    @Override
                    public void finished(Path file, ImportOutcome outcome) {
                        PendingFile f = byPath.get(file);
                        switch (outcome) {
                            case ImportResult r -> Platform.runLater(() -> showDone(f, r));
                            case WecomImportService.Result r -> Platform.runLater(() -> showWecomDone(f, r));
                            default -> throw new IllegalStateException("Unknown outcome " + outcome);
                        }
                    }

                    @Override
                    public void failed(Path file, RuntimeException e) {
                        PendingFile f = byPath.get(file);
                        String why = view.tasks().errors().describe(e);
                        if (f.wecom() == null && !(e instanceof Localizable)) {
                            LoggerFactory.getLogger(ImportController.class).error("Import failed", e);
                        }
                        Platform.runLater(() -> {
                            f.stateProperty().set(PendingFile.State.FAILED);
                            f.statusProperty().set(why);
                        });
                    }

                    @Override
                    public void cancelled(Path file) {
                        PendingFile f = byPath.get(file);
                        Platform.runLater(() -> {
                            f.stateProperty().set(PendingFile.State.CANCELLED);
                            f.statusProperty().set(m.get("import.status.cancelled"));
                        });
                    }
                });
            }
        };
    }

    private void showDone(PendingFile f, ImportResult r) {
        f.setResult(r);
        f.stateProperty().set(r.complete() ? PendingFile.State.DONE : PendingFile.State.PARTIAL);
        f.statusProperty().set(m.get("import.status.done", r.imported(), r.duplicates(), r.rejectedCount(), r.skipped()));
        String groups = r.chats().stream().map(c -> c.groupName()
                + (c.created() ? m.get("cli.import.created") : "")).collect(Collectors.joining("、"));
        f.groupsProperty().set(groups.isEmpty() ? m.get("import.group.none") : groups);
    }

    private void showWecomDone(PendingFile f, WecomImportService.Result r) {
        f.setWecomResult(r);
        f.stateProperty().set(r.complete() ? PendingFile.State.DONE : PendingFile.State.PARTIAL);
        f.statusProperty().set(m.get("cli.wecom.summary", r.fileName(), r.responses(), r.groupsUpdated(),
                r.groupsCreated(), r.membersSeen(), r.statDays()));
    }
}
