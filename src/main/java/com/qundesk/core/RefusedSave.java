package com.qundesk.core;

import com.qundesk.i18n.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A save refused because the record changed since the editor read it: nothing was written. The part a group's and a
 * campaign's refusal share: who changed it ({@link #actors()}, display names; "—" for changes made before operators
 * were recorded), when, the version the save was made from, and per field the stored value ("theirs") beside the one
 * saved ("mine"), marked where they changed it since. Each record kind merges its own fields from these.
 * The stored record ("theirs") and the refused one ("mine") are the subclass's, typed.
 */
public abstract class RefusedSave extends LocalizedException {

    /** One field in which the stored record and the refused save differ; {@code theyChanged}: changed since. */
    public record Field(String field, String theirs, String mine, boolean theyChanged) {
    }

    /** One recorded change past the version the save was made from: who (a login, or null), which field, when. */
    public record PastChange(String actor, String field, Instant at) {
    }

    /** What the history says about the changes since: the actors' names in order, each once, the fields, the last time. */
    public record Since(List<String> actors, Set<String> fields, Instant changedAt) {

        /** Reads {@code changes} (oldest first), naming each login by its display name in {@code names}. */
        public static Since of(List<PastChange> changes, Map<String, String> names) {
            Set<String> actors = new LinkedHashSet<>();
            Set<String> fields = new LinkedHashSet<>();
            Instant last = null;
            for (PastChange h : changes) {
                actors.add(h.actor() == null ? "—" : names.getOrDefault(h.actor(), h.actor()));
                if (h.field() != null) {
                    fields.add(h.field());
                }
                last = h.at();
            }
            if (actors.isEmpty()) {
                actors.add("—");
            }
            return new Since(List.copyOf(actors), Collections.unmodifiableSet(fields), last);
        }
    }

    private final long sinceVersion;
    private final Since since;
    private final List<Field> fields;

    /**
     * {@code differences}: the fields in which theirs (old) and mine (new) differ, in the form's order.
     * The message's arguments: the record's name, who changed it, the version the save was made from, the version now,
     * and the fields they changed (history names, in order).
     */
    protected RefusedSave(String key, String name, long sinceVersion, long versionNow, Since since,
                          List<FieldChange> differences) {
        super(key, null, name, String.join(", ", since.actors()), sinceVersion, versionNow,
                String.join(", ", since.fields()));
        this.sinceVersion = sinceVersion;
        this.since = since;
        List<Field> out = new ArrayList<>();
        for (FieldChange d : differences) {
            out.add(new Field(d.field(), d.oldValue(), d.newValue(), since.fields().contains(d.field())));
        }
        this.fields = List.copyOf(out);
    }

    /** The version the refused save was made from. */
    public long sinceVersion() {
        return sinceVersion;
    }

    /** Who changed the record since {@link #sinceVersion()}, in order, each once. */
    public List<String> actors() {
        return since.actors();
    }

    /** When the last of those changes was made (null if the history does not say). */
    public Instant changedAt() {
        return since.changedAt();
    }

    /** The fields in which the stored record and the refused save differ, in the form's order. */
    public List<Field> fields() {
        return fields;
    }

    /** The fields whose value the save would take from "mine" unless the operator chooses: those they left alone. */
    public Set<String> mineByDefault() {
        Set<String> out = new LinkedHashSet<>();
        fields.stream().filter(f -> !f.theyChanged()).forEach(f -> out.add(f.field()));
        return out;
    }
}
