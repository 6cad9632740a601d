package com.qundesk.value;

import com.qundesk.stats.DailyStat;
import com.qundesk.stats.DailyStatRepository;
import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.GroupService;
import com.qundesk.core.ValidationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The value ledger, outcomes and daily stats: validated writes, one transaction each (or per batch). */
public final class LedgerService {

    private final Database db;
    private final LedgerRepository repo;
    private final DailyStatRepository dailyStats = new DailyStatRepository();
    private final GroupService groups;
    private final Clock clock;

    public LedgerService(Database db, LedgerRepository repo, GroupService groups, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.groups = groups;
        this.clock = clock;
    }

    /** Adds a value event; false when the same event (group, time, dimension, title) is already recorded. */
    public boolean addEvent(ValueEvent e) {
        validate(e);
        return db.inTransaction(c -> {
            groups.requireIn(c, e.groupId());
            return repo.insertEvent(c, e, clock.instant());
        });
    }

    /** Adds many events in one transaction; returns how many were new. */
    public int addEvents(List<ValueEvent> events) {
        events.forEach(LedgerService::validate);
        return db.inTransaction(c -> {
            int added = 0;
            Instant now = clock.instant();
            for (ValueEvent e : events) {
                if (repo.insertEvent(c, e, now)) {
                    added++;
                }
            }
            return added;
        });
    }

    public void updateEvent(ValueEvent e) {
        validate(e);
        db.inTransaction(c -> {
            repo.updateEvent(c, e);
            return null;
        });
    }

    public void deleteEvent(long id) {
        db.inTransaction(c -> {
            repo.deleteEvent(c, id);
            return null;
        });
    }

    public List<ValueEvent> events(Long groupId, Instant from, Instant to) {
        return db.read(c -> eventsIn(c, groupId, from, to));
    }

    /** The same in the caller's transaction (a view that reads several things at once). */
    public List<ValueEvent> eventsIn(Connection c, Long groupId, Instant from, Instant to) throws SQLException {
        return repo.events(c, groupId, from, to);
    }

    public int setOutcomes(List<Outcome> outcomes) {
        for (Outcome o : outcomes) {
            if (o.value() < 0 || Double.isNaN(o.value()) || Double.isInfinite(o.value())) {
                throw new ValidationException(FieldError.of("value", "validation.outcome.value"));
            }
        }
        return db.inTransaction(c -> {
            int changed = 0;
            for (Outcome o : outcomes) {
                if (repo.upsertOutcome(c, o)) {
                    changed++;
                }
            }
            return changed;
        });
    }

    public List<Outcome> outcomes(Long groupId, LocalDate from, LocalDate to) {
        return db.read(c -> outcomesIn(c, groupId, from, to));
    }

    /** The same in the caller's transaction. */
    public List<Outcome> outcomesIn(Connection c, Long groupId, LocalDate from, LocalDate to) throws SQLException {
        return repo.outcomes(c, groupId, from, to);
    }

    public int setStats(List<DailyStat> stats) {
        List<FieldError> errors = new ArrayList<>();
        for (DailyStat s : stats) {
            if (s.top3Share() < 0 || s.top3Share() > 1) {
                errors.add(FieldError.of("top3Share", "validation.stats.top3"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return db.inTransaction(c -> {
            int changed = 0;
            for (DailyStat s : stats) {
                if (dailyStats.upsert(c, s)) {
                    changed++;
                }
            }
            return changed;
        });
    }

    public List<DailyStat> stats(Long groupId, LocalDate from, LocalDate to) {
        return db.read(c -> statsIn(c, groupId, from, to));
    }

    /** The same in the caller's transaction. */
    public List<DailyStat> statsIn(Connection c, Long groupId, LocalDate from, LocalDate to) throws SQLException {
        return dailyStats.stats(c, groupId, from, to);
    }

    private static void validate(ValueEvent e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.title() == null || e.title().isBlank()) {
            errors.add(FieldError.of("title", "validation.value.title"));
        }
        if (e.dimension() == null) {
            errors.add(FieldError.of("dimension", "validation.value.dimension"));
        }
        if (e.reach() < 0) {
            errors.add(FieldError.of("reach", "validation.value.reach"));
        }
        if (e.at() == null) {
            errors.add(FieldError.of("at", "validation.value.at"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
