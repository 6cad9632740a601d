package com.qundesk.flash;

import com.qundesk.db.Database;
import com.qundesk.group.GroupService;

import java.sql.Connection;
import java.sql.SQLException;
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
 * makes (the reminder still unfired, the group still in its state), so each is claimed once per team. The claiming
 * copy addresses the notice to the people it is for ({@link NoticeInbox}: the group's assignee, the leads too when it
 * is overdue) and every copy reports the notices addressed to its own operator, each once.
 */
public final class ReminderScheduler {

    /** A reminder that fires more than this after its time was missed (app closed) and is reported as late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(2);

    private final Database db;
    private final FlashRepository repo;
    private final FlashService flash;
    private final GroupService groups;
    private final NoticeInbox inbox;
    private final Clock clock;

    public ReminderScheduler(Database db, FlashRepository repo, FlashService flash, GroupService groups,
                             NoticeInbox inbox, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.flash = flash;
        this.groups = groups;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Opens planned groups whose time came, fires pending reminders, and reports what is for this copy's operator:
     * one notice per group (the most urgent).
     */
    public List<Notice> poll() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return db.inTransaction(c -> {
            repo.takePollingTurn(c);
            for (Notice n : claim(c, now)) {
                inbox.address(c, NoticeInboxRepository.Entry.of(n.groupId(), n.type().token(), null, n.dueAt(),
                        n.firedFor(), n.late(), n.overdue()), now);
            }
            inbox.escalate(c, now);
            Map<Long, Notice> byGroup = new LinkedHashMap<>();
            for (NoticeInboxRepository.Entry e : inbox.take(c, false, now)) {
                fold(byGroup, new Notice(e.groupId(), e.groupName(), Notice.Type.fromToken(e.kind()), e.dueAt(),
                        e.firedFor(), e.late(), e.overdue()));
            }
            return new ArrayList<>(byGroup.values());
        });
    }

    /** Claims what fell due by {@code now}: one notice per group (the most urgent), whoever it is for. */
    private List<Notice> claim(Connection c, Instant now) throws SQLException {
        Map<Long, Notice> byGroup = new LinkedHashMap<>();
        for (long id : repo.plannedToOpen(c, now)) {
            FlashLifecycle f = repo.find(c, id).orElseThrow();
            if (!flash.moveIfStill(c, f, FlashState.OPEN, "scheduled opening")) {
                continue;
            }
            byGroup.put(id, notice(c, id, Notice.Type.OPENED, f.dueAt(), f.opensAt(), now));
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
            fold(byGroup, notice(c, r.groupId(), type, f.dueAt(), r.fireAt(), now));
        }
        return new ArrayList<>(byGroup.values());
    }

    private Notice notice(Connection c, long groupId, Notice.Type type, Instant dueAt, Instant firedFor, Instant now)
            throws SQLException {
        boolean late = Duration.between(firedFor, now).compareTo(LATE_AFTER) > 0;
        return new Notice(groupId, groups.requireIn(c, groupId).name(), type, dueAt, firedFor, late, late);
    }

    /** Keeps the most urgent notice of each group (the later of two alike). */
    private static void fold(Map<Long, Notice> byGroup, Notice n) {
        Notice prev = byGroup.get(n.groupId());
        if (prev == null || rank(n) >= rank(prev)) {
            byGroup.put(n.groupId(), n);
        }
    }

    private static int rank(Notice n) {
        int type = switch (n.type()) {
            case OPENED -> 0;
            case REMINDER -> 1;
            case DISSOLUTION_DUE -> 2;
        };
        return type * 2 + (n.overdue() ? 1 : 0);
    }
}
