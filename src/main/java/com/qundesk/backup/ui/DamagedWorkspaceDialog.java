package com.qundesk.backup.ui;

import com.qundesk.ui.DialogButtons;
import com.qundesk.core.AppPaths;
import com.qundesk.backup.BackupInfo;
import com.qundesk.backup.BackupService;
import com.qundesk.backup.IntactBackups;
import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.UiTasks;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * When a workspace does not open because it is damaged: says so in plain words and offers the newest intact
 * backup with one button, Restore (the damaged file is kept as the before-restore copy), then reopens it.
 */
public final class DamagedWorkspaceDialog {

    private DamagedWorkspaceDialog() {
    }

    /**
     * True when {@code error} is a damaged workspace: then the dialog is shown instead of the plain error, once the
     * newest intact backup has been found off the FX thread (each candidate gets an integrity check, seconds on a
     * large workspace). {@code m} and {@code zone} are the operator's language and zone (no workspace is open).
     */
    public static boolean offer(Throwable error, Path workspace, AppPaths paths, Messages m, ZoneId zone,
                                Clock clock, Window owner, UiTasks tasks, Consumer<Path> reopen) {
        if (!(error instanceof Localizable l) || !"workspace.error.damaged".equals(l.messageKey())) {
            return false;
        }
        tasks.run(() -> IntactBackups.newest(paths, workspace, zone),
                backup -> show(l, backup, workspace, paths, m, clock, zone, owner, tasks, reopen));
        return true;
    }

    private static void show(Localizable l, Optional<BackupInfo> backup, Path workspace, AppPaths paths,
                             Messages m, Clock clock, ZoneId zone, Window owner, UiTasks tasks,
                             Consumer<Path> reopen) {
        ButtonType restore = new ButtonType(m.get("damaged.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(m.get("damaged.notNow"), ButtonBar.ButtonData.CANCEL_CLOSE);
        String text = m.describe(l) + "\n\n" + backup.map(b -> m.get("damaged.offer", b.file().getFileName(),
                LocalDateTime.ofInstant(b.takenAt(), zone).withNano(0).toString().replace('T', ' ')))
                .orElseGet(() -> m.get("damaged.noBackup", BackupService.folderFor(paths, workspace)));
        Alert alert = backup.isPresent() ? new Alert(Alert.AlertType.ERROR, text, restore, close)
                : new Alert(Alert.AlertType.ERROR, text, DialogButtons.ok(m));
        alert.setTitle(m.get("app.title"));
        alert.setHeaderText(m.get("damaged.header"));
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.showAndWait().filter(b -> b == restore).ifPresent(b -> tasks.run(
                () -> BackupService.restoreClosed(paths, workspace, backup.orElseThrow().file(), clock, zone),
                result -> reopen.accept(workspace)));
    }
}
