package com.qundesk.backup.ui;

import com.qundesk.backup.BackupService;
import com.qundesk.db.WorkspaceException;
import com.qundesk.i18n.Localizable;
import com.qundesk.i18n.MessageRef;
import com.qundesk.ui.ViewContext;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * The automatic backups of the open workspace: one when it opens (unless one is under an hour old, so quick
 * restarts keep older days) and one a day while the app runs. Like the reminder poll, a timeline ticks on the FX
 * thread and the work runs on the app's executor. The hourly check compares with the newest backup, so a PC that
 * slept through the 24 hours catches up on waking. A failure is shown once, then only logged.
 */
public final class BackupTimer {
    private static final Logger log = LoggerFactory.getLogger(BackupTimer.class);

    static final Duration CHECK_EVERY = Duration.hours(1);

    private final ViewContext ui;
    private final BackupService backups;
    private final Path logDir;
    private final Timeline timeline;
    private boolean stopped;
    private boolean failureShown;

    /** {@code logDir} is where a failure's details are written, for the message shown once. */
    public BackupTimer(ViewContext ui, BackupService backups, Path logDir) {
        this.ui = ui;
        this.backups = backups;
        this.logDir = logDir;
        this.timeline = new Timeline(new KeyFrame(CHECK_EVERY, e -> check(BackupService.DAILY)));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** Checks now, then at every tick; nothing once {@link #stop} was called (a start that was put off came late). */
    public void start() {
        if (stopped) {
            return;
        }
        check(BackupService.AT_START_UNLESS_NEWER_THAN);
        timeline.play();
    }

    public void stop() {
        stopped = true;
        timeline.stop();
    }

    private void check(java.time.Duration age) {
        ui.tasks().run(() -> backups.backupIfOlderThan(age), taken -> { }, error -> {
                    log.warn("Automatic backup failed", error);
                    if (!failureShown) {
                        failureShown = true;
                        Object why = error instanceof Localizable l ? l
                                : MessageRef.of("error.unexpected", logDir);
                        ui.tasks().errors().report(new WorkspaceException("backup.auto.failed", error, why));
                    }
                });
    }
}
