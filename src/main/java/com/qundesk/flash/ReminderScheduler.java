package com.qundesk.flash;

import com.qundesk.db.Database;
import com.qundesk.group.GroupService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires what has fallen due, exactly once. The schedule is rows in the workspace, so a poll after the app
 * was closed catches up on everything that fell due meanwhile; each row is marked fired in the same
 * transaction that reports it, so a restart never fires it again. Time comes from the injected clock.
 *
 * <p>In a team every operator's copy polls the same schedule: the copies take turns (a lock on the server held until
 * the poll commits), and each reminder and scheduled move is claimed by a conditional write that only one copy
 * makes (the reminder still unfired, the group still in its state), so each is reported by one copy, once per team.
 */
public final class ReminderScheduler {

    /** A reminder that fires more than this after its time was missed (app closed) and is reported as late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(2);

    private final Database db;
    private final FlashRepository repo;
    private final FlashService flash;
    private final GroupService groups;
    private final Clock clock;

    public ReminderScheduler(Database db, FlashRepository repo, FlashService flash, GroupService groups, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.flash = flash;
        this.groups = groups;
        this.clock = clock;
    }

    /** Opens planned groups whose time came, fires pending reminders; one notice per group (the most urgent). */
    public List<Notice> poll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.inTransaction(c -> {
            Map<Long, Notice> byGroup = new LinkedHashMap<>();
            repo.takePollingTurn(c);
            for (long id : repo.plannedToOpen(c, now)) {
                FlashLifecycle f = repo.find(c, id).orElseThrow();
                if (!flash.moveIfStill(c, f, FlashState.OPEN, "scheduled opening")) {
                    continue;
                }
                byGroup.put(id, new Notice(id, groups.requireIn(c, id).name(), Notice.Type.OPENED, f.dueAt(),
                        f.opensAt(), late(f.opensAt(), now)));
            }
            for (Reminder r : repo.pendingDue(c, now)) {
                if (!repo.markFired(c, r.id(), now)) {
                    continue;
                }
                FlashLifecycle f = repo.find(c, r.groupId()).orElseThrow();
                if (f.state().isFinal()) {
                    continue;
                }
                Notice.Type type = Notice.Type.REMINDER;
                if (r.kind() == Reminder.Kind.DISSOLUTION) {
                    type = Notice.Type.DISSOLUTION_DUE;
                    if (f.state() == FlashState.OPEN || f.state() == FlashState.EXTENDED) {
                        flash.moveIfStill(c, f, FlashState.DUE, null);
                    }
                }
                Notice n = new Notice(r.groupId(), groups.requireIn(c, r.groupId()).name(), type, f.dueAt(),
                        r.fireAt(), late(r.fireAt(), now));
                Notice prev = byGroup.get(r.groupId());
                if (prev == null || rank(n.type()) >= rank(prev.type())) {
                    byGroup.put(r.groupId(), n);
                }
            }
            return new ArrayList<>(byGroup.values());
        });
    }

    private static boolean late(Instant due, Instant now) {
        return Duration.between(due, now).compareTo(LATE_AFTER) > 0;
    }

    private static int rank(Notice.Type t) {
        return switch (t) {
            case OPENED -> 0;
            case REMINDER -> 1;
            case DISSOLUTION_DUE -> 2;
        };
    }
}
