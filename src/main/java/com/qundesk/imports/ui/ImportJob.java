package com.qundesk.imports.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.imports.ChatImportService;
import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportResult;
import com.qundesk.ui.ViewContext;
import javafx.concurrent.Task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of the Import view: the background task that imports the queued files one after the other (WeCom
 * exports through the WeCom service, chat files through the chat import), reports progress with rows per second
 * and an ETA, stops on cancel, and sets each file's state and status on the FX thread as it goes.
 */
final class ImportJob {
    private final ViewContext ui;
    private final ChatImportService imports;
    private final com.qundesk.imports.WecomImportService wecomImports;
    private final Messages m;

    private ImportJob(ViewContext ui, ChatImportService imports, com.qundesk.imports.WecomImportService wecomImports) {
        this.ui = ui;
        this.imports = imports;
        this.wecomImports = wecomImports;
        this.m = ui.messages();
    }

    /**
     * The task importing {@code todo} with each file's options; {@code wecomDay} is the day WeCom statistics
     * without one of their own are for. Not started: the caller submits it.
     */
    static Task<List<ImportResult>> task(ViewContext ui, ChatImportService imports,
                                         com.qundesk.imports.WecomImportService wecomImports, List<PendingFile> todo,
                                         Map<PendingFile, ImportOptions> opts, LocalDate wecomDay) {
        return new ImportJob(ui, imports, wecomImports).create(todo, opts, wecomDay);
    }

    private Task<List<ImportResult>> create(List<PendingFile> todo, Map<PendingFile, ImportOptions> opts,
                                            LocalDate wecomDay) {
        long totalBytes = todo.stream().mapToLong(f -> f.path().toFile().length()).sum();
        return new Task<>() {
            {
                // determinate from the first frame: the indeterminate bar's animation costs the software
                // renderer a full repaint of the bar at every pulse until the first progress report
                updateProgress(0, Math.max(1, totalBytes));
            }

            @Override
            protected List<ImportResult> call() {
                List<ImportResult> results = new ArrayList<>();
                long doneBytes = 0;
                long start = System.nanoTime();
                long[] lastUpdate = {0};
                for (PendingFile f : todo) {
                    if (isCancelled()) {
                        break;
                    }
                    long size = f.path().toFile().length();
                    long before = doneBytes;
                    javafx.application.Platform.runLater(() -> {
                        f.stateProperty().set(PendingFile.State.IMPORTING);
                        f.statusProperty().set(m.get("import.status.importing"));
                    });
                    if (f.wecom() != null) {
                        try {
                            com.qundesk.imports.WecomImportService.Result r = wecomImports.importFile(
                                    f.path(), new com.qundesk.imports.WecomImportService.Options(opts.get(f).zone(),
                                            null, wecomDay, opts.get(f).createGroups()));
                            javafx.application.Platform.runLater(() -> finishedWecom(f, r));
                        } catch (RuntimeException e) {
                            String why = ui.tasks().errors().describe(e);
                            javafx.application.Platform.runLater(() -> {
                                f.stateProperty().set(PendingFile.State.FAILED);
                                f.statusProperty().set(why);
                            });
                        }
                        doneBytes += size;
                        continue;
                    }
                    try {
                        ImportResult r = imports.importFile(f.path(), opts.get(f), this::isCancelled,
                                (bytes, total, rows) -> {
                                    long now = System.nanoTime();
                                    if (now - lastUpdate[0] < 100_000_000L) {
                                        return;
                                    }
                                    lastUpdate[0] = now;
                                    double secs = (now - start) / 1e9;
                                    long done = before + Math.max(0, Math.min(bytes, size));
                                    double rate = rows / Math.max(secs, 0.001);
                                    String eta = bytes > 0 && done > 0
                                            ? m.get("import.progress.eta", Math.max(0, Math.round(secs * (totalBytes - done) / done)))
                                            : "";
                                    updateProgress(bytes > 0 ? done : -1, totalBytes);
                                    updateMessage(m.get("import.progress.rows", f.path().getFileName(), rows,
                                            Math.round(rate)) + eta);
                                });
                        results.add(r);
                        javafx.application.Platform.runLater(() -> finished(f, r));
                    } catch (ImportCancelledException e) {
                        javafx.application.Platform.runLater(() -> {
                            f.stateProperty().set(PendingFile.State.CANCELLED);
                            f.statusProperty().set(m.get("import.status.cancelled"));
                        });
                        break;
                    } catch (RuntimeException e) {
                        String why = ui.tasks().errors().describe(e);
                        if (!(e instanceof com.qundesk.i18n.Localizable)) {
                            org.slf4j.LoggerFactory.getLogger(ImportController.class).error("Import failed", e);
                        }
                        javafx.application.Platform.runLater(() -> {
                            f.stateProperty().set(PendingFile.State.FAILED);
                            f.statusProperty().set(why);
                        });
                    }
                    doneBytes += size;
                }
                return results;
            }
        };
    }

    private void finished(PendingFile f, ImportResult r) {
        Messages m = ui.messages();
        f.setResult(r);
        f.stateProperty().set(r.complete() ? PendingFile.State.DONE : PendingFile.State.PARTIAL);
        f.statusProperty().set(m.get("import.status.done", r.imported(), r.duplicates(), r.rejectedCount(), r.skipped()));
        String groups = r.chats().stream().map(c -> c.groupName()
                + (c.created() ? m.get("cli.import.created") : "")).collect(Collectors.joining("、"));
        f.groupsProperty().set(groups.isEmpty() ? m.get("import.group.none") : groups);
    }

    private void finishedWecom(PendingFile f, com.qundesk.imports.WecomImportService.Result r) {
        Messages m = ui.messages();
        f.setWecomResult(r);
        f.stateProperty().set(r.complete() ? PendingFile.State.DONE : PendingFile.State.PARTIAL);
        f.statusProperty().set(m.get("cli.wecom.summary", r.fileName(), r.responses(), r.groupsUpdated(),
                r.groupsCreated(), r.membersSeen(), r.statDays()));
    }
}
