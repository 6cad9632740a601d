package com.qundesk.group;

import com.qundesk.core.FieldError;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Database;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Who works in the workspace: each operator is known by a login (the server's user in a team workspace, the OS user
 * on a file, or the CLI's {@code --operator}) and may set a display name, which history and conflicts show.
 */
public final class OperatorService {

    private final Database db;
    private final OperatorRepository repo;
    private final Clock clock;

    public OperatorService(Database db, OperatorRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    /** Sets the display name of {@code login} (a blank name is refused). */
    public void setDisplayName(String login, String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw new ValidationException(FieldError.of("displayName", "validation.operator.nameRequired"));
        }
        db.inTransaction(c -> {
            repo.setDisplayName(c, login, displayName.strip(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return null;
        });
    }

    /**
     * Makes {@code login} a lead, who is told of every overdue reminder of the team, or not ({@code lead} false); a
     * login not known yet is added, shown by the login (a blank login is refused).
     */
    public void setLead(String login, boolean lead) {
        if (login == null || login.isBlank()) {
            throw new ValidationException(FieldError.of("login", "validation.operator.loginRequired"));
        }
        db.inTransaction(c -> {
            repo.setLead(c, login.strip(), lead, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return null;
        });
    }

    /** The leads' logins, sorted. */
    public List<String> leads() {
        return db.read(repo::leads);
    }

    /** Display names by login (logins without one are absent). */
    public Map<String, String> displayNames() {
        return db.read(repo::displayNames);
    }

    /** The display name of {@code login}, or the login itself. */
    public String displayName(String login) {
        return displayNames().getOrDefault(login, login);
    }

    /** Every operator the workspace knows, by login, sorted. */
    public List<String> known() {
        return db.read(repo::known);
    }

    /** The operators groups are assigned to, sorted: the dashboard's choice of whose groups to read. */
    public List<String> groupAssignees() {
        return db.read(repo::groupAssignees);
    }

    /** Whether anything (a group or a campaign) is assigned to anybody: Today's "Mine | All" matters only then. */
    public boolean anyAssigned() {
        return db.read(repo::anyAssigned);
    }

    /** The assignee of every assigned group, by group id (Today lists the deliveries of my groups). */
    public Map<Long, String> assigneeOfGroups() {
        return db.read(repo::assigneeOfGroups);
    }
}
