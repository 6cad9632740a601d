package com.qundesk.flash;

import com.qundesk.db.Database;
import com.qundesk.group.GroupService;
import com.qundesk.group.OperatorRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who is told what fell due. The copy of the app that claims a due item addresses its notice, in the claim's
 * transaction, to the group's assignee (no assignee: whoever is on duty) and, when it is overdue, also to every lead;
 * each copy then takes the notices for its operator, each row once (a conditional write), so a notice is shown once
 * per recipient however many copies run. On a workspace file there is one operator: every notice is for whoever
 * runs the app, as it always was.
 */
public final class NoticeInbox {

    /** A due flash group still not dissolved this long after its due time gets one overdue notice (a team's leads too). */
    public static final Duration OVERDUE_AFTER = Duration.ofHours(24);

    private final Database db;
    private final NoticeInboxRepository repo;
    private final GroupService groups;
    private final OperatorRepository operators;
    private final Supplier<String> operator;

    /** {@code operator} is the login of the copy's operator (who takes the notices addressed to them). */
    public NoticeInbox(Database db, NoticeInboxRepository repo, GroupService groups, OperatorRepository operators,
                       Supplier<String> operator) {
        this.db = db;
        this.repo = repo;
        this.groups = groups;
        this.operators = operators;
        this.operator = operator;
    }

    /** Writes {@code e} once for each of its recipients, in the caller's transaction (the one that claimed it). */
    public void address(Connection c, NoticeInboxRepository.Entry e, Instant now) throws SQLException {
        for (String recipient : recipients(c, e.groupId(), e.overdue())) {
            repo.add(c, recipient, e, now);
        }
    }

    /**
     * On a team's server, the due groups left undissolved {@link #OVERDUE_AFTER} past their due time get one overdue
     * notice each (none on a file: its one operator was told when it fell due, as before).
     */
    public void escalate(Connection c, Instant now) throws SQLException {
        if (db.isLocal()) {
            return;
        }
        for (NoticeInboxRepository.Entry e : repo.overdueUnnoticed(c, now.minus(OVERDUE_AFTER))) {
            address(c, e, now);
        }
    }

    /** Takes the unshown notices for this copy's operator, of plan deliveries or of flash groups, each once. */
    public List<NoticeInboxRepository.Entry> take(Connection c, boolean deliveries, Instant now) throws SQLException {
        List<NoticeInboxRepository.Entry> out = new ArrayList<>();
        for (NoticeInboxRepository.Entry e : repo.unshown(c, db.isLocal() ? null : operator.get(), deliveries)) {
            if (repo.markShown(c, e.id(), now)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The group's assignee (null: whoever is on duty), and each lead who is not the assignee when it is overdue. An
     * unassigned group's overdue notice goes to the leads alone when there are any (they own what nobody owns; a
     * lead would otherwise see it twice, as a lead and on duty).
     */
    private List<String> recipients(Connection c, long groupId, boolean overdue) throws SQLException {
        if (db.isLocal()) {
            return Collections.singletonList(null);
        }
        String assignee = groups.requireIn(c, groupId).assignee();
        List<String> out = new ArrayList<>();
        if (overdue) {
            for (String lead : operators.leads(c)) {
                if (!lead.equals(assignee)) {
                    out.add(lead);
                }
            }
        }
        if (assignee != null || out.isEmpty()) {
            out.addFirst(assignee);
        }
        return out;
    }
}
