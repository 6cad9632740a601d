package com.qundesk.group;

import com.qundesk.core.FieldChange;
import com.qundesk.core.FieldError;
import com.qundesk.core.RefusedSave;
import com.qundesk.core.ValidationException;
import com.qundesk.db.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The groups registry. Each public method is one transaction: it happens whole or not at all. */
public final class GroupService {

    private final Database db;
    private final GroupRepository repo;
    private final OperatorRepository operatorNames = new OperatorRepository();
    private final Clock clock;
    /** Who is working: written as the actor of every history row. */
    private final Supplier<String> operator;
    /** The last registry read, with the version token it was read at. */
    private volatile Registry registry;

    private record Registry(long token, List<Group> groups) {
    }

    public GroupService(Database db, GroupRepository repo, Clock clock, Supplier<String> operator) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.operator = operator;
    }

    /** The operators' display names by login (logins without one are absent): how assignees and history show them. */
    public Map<String, String> displayNames() {
        return db.read(operatorNames::displayNames);
    }

    /** Who is working now: the operator each change is recorded for ("mine" in filters). */
    public String operator() {
        return operator.get();
    }

    /** Every group, ordered by id (an unmodifiable list, shared while the registry does not change). */
    public List<Group> list() {
        return db.read(this::listIn);
    }

    public Group get(long id) {
        return db.read(c -> require(c, id));
    }

    public List<HistoryEntry> history(long id) {
        return db.read(c -> historyIn(c, id));
    }

    /** The same in the caller's transaction. */
    public List<HistoryEntry> historyIn(Connection c, long id) throws SQLException {
        return repo.history(c, id);
    }

    /** Whether the group is marked as a broadcast channel or shopping shelf (not judged by Dunbar's 150). */
    public boolean isBroadcast(long id) {
        return db.read(c -> repo.isBroadcast(c, id));
    }

    /** {@link #isBroadcast(long)} within the caller's transaction. */
    public boolean isBroadcastIn(Connection c, long id) throws SQLException {
        return repo.isBroadcast(c, id);
    }

    /** The ids of the groups marked as broadcast channels or shopping shelves, within the caller's transaction. */
    public Set<Long> broadcastIdsIn(Connection c) throws SQLException {
        return repo.broadcastIds(c);
    }

    public void setBroadcast(long id, boolean broadcast) {
        db.inTransaction(c -> {
            require(c, id);
            boolean before = repo.isBroadcast(c, id);
            if (before != broadcast) {
                repo.setBroadcast(c, id, broadcast);
                repo.addHistory(c, id, now(), "edited", "broadcast", Boolean.toString(before),
                        Boolean.toString(broadcast), null, operator.get(), require(c, id).version());
            }
            return null;
        });
    }

    /** Checks a group as it would be saved, without saving; an empty list means it is fine. */
    public List<FieldError> check(Group g) {
        return db.read(c -> validate(c, normalize(g)));
    }

    public Group create(Group draft) {
        return db.inTransaction(c -> insertValidated(c, draft, "created", null));
    }

    /** Creates many groups in one transaction (used by imports and the demo): all or nothing. */
    public List<Group> createAll(List<Group> drafts, String action) {
        return db.inTransaction(c -> {
            List<Group> out = new ArrayList<>();
            for (Group d : drafts) {
                out.add(insertValidated(c, d, action, null));
            }
            return out;
        });
    }

    /**
     * Saves {@code edited} if the stored group is still at {@code edited.version()} (the version the editor read);
     * otherwise nothing is written and a {@link ConflictException} says who changed what since.
     */
    public Group update(Group edited) {
        return db.inTransaction(c -> updateValidated(c, edited, null));
    }

    public Group duplicate(long id, String newName) {
        return db.inTransaction(c -> {
            Group src = require(c, id);
            Group copy = src.toBuilder().id(null).externalId(null).name(newName).status(GroupStatus.ACTIVE)
                    .dissolvedAt(null).dissolutionReason(null).createdAt(now()).reformedAt(null).build();
            return insertValidated(c, copy, "duplicated", "#" + id);
        });
    }

    public Group archive(long id) {
        return db.inTransaction(c -> {
            Group g = require(c, id);
            return updateValidated(c, g.toBuilder().status(GroupStatus.ARCHIVED).build(), "archived");
        });
    }

    public Group markDissolved(long id, String reason, Instant when) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(FieldError.of("dissolutionReason", "validation.dissolution.reasonRequired"));
        }
        return db.inTransaction(c -> {
            Group g = require(c, id);
            if (g.status() == GroupStatus.DISSOLVED) {
                throw new ValidationException(FieldError.of("status", "validation.dissolution.already", g.name()));
            }
            Group d = g.toBuilder().status(GroupStatus.DISSOLVED).dissolvedAt(when == null ? now() : when)
                    .dissolutionReason(reason.strip()).build();
            return updateValidated(c, d, "dissolved");
        });
    }

    /** Creates the sub-groups and links them to the parent; returns the children in order. */
    public List<Group> split(long parentId, SplitRequest request) {
        if (request.count() < 2 || request.count() > SplitRequest.MAX_CHILDREN) {
            throw new ValidationException(FieldError.of("count", "validation.split.count", SplitRequest.MAX_CHILDREN));
        }
        return db.inTransaction(c -> {
            Group parent = require(c, parentId);
            if (!parent.status().isLive()) {
                throw new ValidationException(FieldError.of("status", "validation.split.notLive", parent.name()));
            }
            List<Group> children = new ArrayList<>();
            for (int k = 1; k <= request.count(); k++) {
                Group child = parent.toBuilder().id(null).externalId(null).name(request.nameFor(parent.name(), k))
                        .memberCount(request.membersFor(parent.memberCount(), k)).parentId(parentId)
                        .status(GroupStatus.ACTIVE).createdAt(now()).reformedAt(null).dissolvedAt(null)
                        .dissolutionReason(null).build();
                children.add(insertValidated(c, child, "split-from", "#" + parentId));
            }
            repo.addHistory(c, parentId, now(), "split", null, null, null,
                    String.valueOf(request.count()), operator.get(), null);
            return children;
        });
    }

    /** Deletes a group that nothing references; otherwise explains what still points at it. */
    public void delete(long id) {
        db.inTransaction(c -> {
            Group g = require(c, id);
            int children = repo.countChildren(c, id);
            if (children > 0) {
                throw new ValidationException(FieldError.of("id", "validation.delete.hasChildren", g.name(), children));
            }
            try {
                repo.delete(c, id);
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("FOREIGN KEY")) {
                    throw new ValidationException(FieldError.of("id", "validation.delete.referenced", g.name()));
                }
                throw e;
            }
            return null;
        });
    }

    // --- inside a caller's transaction (used by other services composing one transaction) ---

    public Group insertIn(Connection c, Group draft, String action, String note) throws SQLException {
        return insertValidated(c, draft, action, note);
    }

    public Group updateIn(Connection c, Group edited, String action) throws SQLException {
        return updateValidated(c, edited, action);
    }

    /** The rule violations of {@code g} as it would be saved (within the caller's transaction). */
    public List<FieldError> checkIn(Connection c, Group g) throws SQLException {
        return validate(c, normalize(g));
    }

    /**
     * Every group as the caller's transaction sees it (unmodifiable). The registry is read and mapped only when
     * its version token (V6: changed by triggers on every insert, update and delete of a group or tag) differs
     * from the one of the copy kept here; at 2,000 groups that saves 12-20 ms per call.
     */
    public List<Group> listIn(Connection c) throws SQLException {
        java.util.OptionalLong token = repo.registryToken(c);
        Registry kept = registry;
        if (kept != null && token.isPresent() && kept.token() == token.getAsLong()) {
            return kept.groups();
        }
        List<Group> groups = List.copyOf(repo.findAll(c));
        if (token.isPresent()) {
            registry = new Registry(token.getAsLong(), groups);
        }
        return groups;
    }

    public Group requireIn(Connection c, long id) throws SQLException {
        return require(c, id);
    }

    /** Records an event in the group's history (lifecycle transitions, checklist, imports). */
    public void recordIn(Connection c, long groupId, String action, String field, String oldValue, String newValue,
                         String note) throws SQLException {
        repo.addHistory(c, groupId, now(), action, field, oldValue, newValue, note, operator.get(), null);
    }

    // --- inside a transaction -------------------------------------------------------------

    Group insertValidated(Connection c, Group draft, String action, String note) throws SQLException {
        Group g = normalize(draft).toBuilder().id(null).updatedAt(now()).build();
        if (g.createdAt() == null) {
            g = g.toBuilder().createdAt(now()).build();
        }
        List<FieldError> errors = validate(c, g);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = repo.insert(c, g);
        repo.addHistory(c, id, now(), action, null, null, null, note, operator.get(), 1L);
        return require(c, id);
    }

    /**
     * Saves {@code edited} over the stored group if that is still at the version {@code edited} was read at (a group
     * built without one, version 0, is taken as made from the stored one); the check and the write are one UPDATE
     * ({@link GroupRepository#update}). Each history row carries the operator and the version the change made.
     */
    private Group updateValidated(Connection c, Group edited, String action) throws SQLException {
        Group before = require(c, edited.id());
        long expected = edited.version() == 0 ? before.version() : edited.version();
        Group g = normalize(edited).toBuilder().updatedAt(now()).version(expected).build();
        if (before.version() != expected) {
            throw conflict(c, before, g);
        }
        List<FieldError> errors = validate(c, g);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<FieldChange> changes = GroupFields.diff(before, g);
        if (changes.isEmpty()) {
            return before;
        }
        if (!repo.update(c, g)) {
            throw conflict(c, require(c, g.id()), g);
        }
        Instant at = now();
        String actor = operator.get();
        long version = expected + 1;
        if (action != null) {
            repo.addHistory(c, g.id(), at, action, null, null, null, null, actor, version);
        }
        for (FieldChange ch : changes) {
            repo.addHistory(c, g.id(), at, "edited", ch.field(), ch.oldValue(), ch.newValue(), null, actor, version);
        }
        return require(c, g.id());
    }

    /** The refusal of {@code mine} (made from an older version) against {@code theirs}, the group as stored now. */
    private ConflictException conflict(Connection c, Group theirs, Group mine) throws SQLException {
        List<RefusedSave.PastChange> since = repo.historySince(c, theirs.id(), mine.version()).stream()
                .map(h -> new RefusedSave.PastChange(h.actor(), h.field(), h.at())).toList();
        return new ConflictException(mine.version(), theirs, mine,
                RefusedSave.Since.of(since, operatorNames.displayNames(c)));
    }

    private List<FieldError> validate(Connection c, Group g) throws SQLException {
        boolean taken = false;
        if (g.externalId() != null && g.platform() != null) {
            taken = repo.findByExternalId(c, g.platform(), g.externalId())
                    .filter(other -> !other.id().equals(g.id())).isPresent();
        }
        Map<Long, Long> links = Map.of();
        Set<Long> ids = Set.of();
        if (g.parentId() != null) {
            links = repo.parentLinks(c);
            ids = new HashSet<>();
            if (repo.findById(c, g.parentId()).isPresent()) {
                ids.add(g.parentId());
            }
        }
        return GroupValidator.validate(g, taken, links, ids);
    }

    private Group require(Connection c, long id) throws SQLException {
        return repo.findById(c, id).orElseThrow(
                () -> new ValidationException(FieldError.of("id", "validation.group.notFound", id)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Trims text, drops empty strings and duplicate tags/admins. */
    static Group normalize(Group g) {
        return g.toBuilder()
                .name(g.name() == null ? null : g.name().strip())
                .externalId(blankToNull(g.externalId()))
                .owner(blankToNull(g.owner()))
                .admins(cleanList(g.admins()))
                .tags(cleanList(g.tags()))
                .rules(blankToNull(g.rules()))
                .announcement(blankToNull(g.announcement()))
                .dissolutionReason(blankToNull(g.dissolutionReason()))
                .notes(blankToNull(g.notes()))
                .build();
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static List<String> cleanList(List<String> in) {
        List<String> out = new ArrayList<>();
        for (String s : in) {
            String t = blankToNull(s);
            if (t != null && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
