package com.qundesk.shell;

import com.qundesk.flash.Notice;
import com.qundesk.flash.ReminderScheduler;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanService;
import com.qundesk.ui.ViewContext;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polls the reminder schedule while the app runs (and once at start, to catch up on what fell due while it
 * was closed) and shows each notice once as a desktop notification. The poll runs off the FX thread. In a team the
 * poll hands this copy the notices addressed to its operator (their groups, and the overdue ones for a lead).
 */
public final class NotificationCenter {

    static final Duration POLL_EVERY = Duration.seconds(30);
    /**
     * Popup toasts can be turned off ({@code -Dqundesk.popups=false}); the headless UI tests do, because
     * JavaFX's headless screen cannot draw a popup that reaches past its edge. Today still shows every notice.
     */
    static final boolean POPUPS = !"false".equals(System.getProperty("qundesk.popups"));

    private final ViewContext ui;
    private final ReminderScheduler scheduler;
    private final PlanService plans;
    private final Runnable showToday;
    private final Supplier<Window> owner;
    private final Consumer<List<Notice>> onNotices;
    private final Timeline timeline;
    private boolean stopped;
    private final TrayIconSupport tray;

    /** {@code showToday} brings the Today view up (a notification's click); {@code onNotices} hears every notice. */
    public NotificationCenter(ViewContext ui, ReminderScheduler scheduler, PlanService plans, Supplier<Window> owner,
                              TrayIconSupport tray, Runnable showToday, Consumer<List<Notice>> onNotices) {
        this.ui = ui;
        this.scheduler = scheduler;
        this.plans = plans;
        this.showToday = showToday;
        this.owner = owner;
        this.tray = tray;
        this.onNotices = onNotices;
        this.timeline = new Timeline(new KeyFrame(POLL_EVERY, e -> poll()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** Checks now, then at every tick; nothing once {@link #stop} was called (a start that was put off came late). */
    public void start() {
        if (stopped) {
            return;
        }
        poll();
        timeline.play();
    }

    public void stop() {
        stopped = true;
        timeline.stop();
    }

    public void poll() {
        ui.tasks().run(() -> scheduler.poll(), notices -> {
            // one writer at a time: the plan's poll follows the reminders' poll
            pollDeliveries();
            if (notices.isEmpty()) {
                return;
            }
            notices.forEach(this::show);
            onNotices.accept(notices);
        });
    }

    /**
     * The value plan's deliveries that came due (each announced once; after the app was closed, all that fell due
     * meanwhile): one notification for the lot, Today lists them.
     */
    private void pollDeliveries() {
        ui.tasks().run(() -> plans.poll(), this::showDeliveries,
                // a background poll that lost a race is tried again at the next tick, without a dialog
                failure -> org.slf4j.LoggerFactory.getLogger(NotificationCenter.class)
                        .warn("Polling the value plan failed; trying again at the next poll", failure));
    }

    private void showDeliveries(List<com.qundesk.plan.PlannedDelivery> due) {
        if (due.isEmpty()) {
            return;
        }
        Messages m = ui.messages();
        var first = due.getFirst();
        String title = m.get("notice.delivery.title", due.size());
        String text = m.get("notice.delivery.text", first.groupName(), first.item().title(),
                ui.formats().dateTime(first.occurrence()));
        tray.notify(title, text); // the announcements were written: Today reloads on the workspace's change signal
        Window w = owner.get();
        if (w != null && w.isShowing() && POPUPS) {
            Notifications.create().title(title).text(text).owner(w).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(10)).onAction(e -> showToday.run())
                    .showInformation();
        }
    }

    /**
     * A notice's title; an overdue one says so ("Overdue: …"), unless its title already does (a dissolution that
     * fell due while QunDesk was closed).
     */
    static String title(Messages m, Notice n) {
        String key = switch (n.type()) {
            case OPENED -> "notice.opened.title";
            case REMINDER -> "notice.reminder.title";
            case DISSOLUTION_DUE -> n.late() ? "notice.overdue.title" : "notice.due.title";
        };
        String title = m.get(key);
        return n.overdue() && !"notice.overdue.title".equals(key) ? m.get("notice.overdue.prefix", title) : title;
    }

    private void show(Notice n) {
        Messages m = ui.messages();
        String title = title(m, n);
        String text = m.get(switch (n.type()) {
            case OPENED -> "notice.opened.text";
            case REMINDER -> "notice.reminder.text";
            case DISSOLUTION_DUE -> "notice.due.text";
        }, n.groupName(), ui.formats().dateTime(n.dueAt()));
        tray.notify(title, text);
        Window w = owner.get();
        if (w == null || !w.isShowing() || !POPUPS) {
            return;
        }
        Notifications note = Notifications.create().title(title).text(text).owner(w).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(n.type() == Notice.Type.DISSOLUTION_DUE ? 20 : 10))
                .onAction(e -> showToday.run());
        if (n.type() == Notice.Type.DISSOLUTION_DUE) {
            note.showWarning();
        } else {
            note.showInformation();
        }
    }
}
