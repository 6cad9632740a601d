package com.qundesk.group;

import com.qundesk.i18n.LocalizedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A save refused because the group changed since the editor read it: nothing was written. It says who changed it
 * ({@link #actors()}, display names; "unknown" for changes made before operators were recorded), when, the version the
 * save was made from and the version now, and per field the stored value ("theirs") beside the one saved ("mine"),
 * from which {@link GroupFields#merge} builds the record to save against {@link #theirs()}' version.
 */
public final class ConflictException extends LocalizedException {

    /** One field in which the stored group and the refused save differ; {@code theyChanged}: changed since. */
    public record Field(String field, String theirs, String mine, boolean theyChanged) {
    }

    private final long sinceVersion;
    private final Group theirs;
    private final Group mine;
    private final List<String> actors;
    private final Instant changedAt;
    private final List<Field> fields;

    ConflictException(long sinceVersion, Group theirs, Group mine, List<String> actors, Instant changedAt,
                      Set<String> changedFields) {
        super("group.conflict", null, theirs.name(), String.join(", ", actors), sinceVersion, theirs.version());
        this.sinceVersion = sinceVersion;
        this.theirs = theirs;
        this.mine = mine;
        this.actors = List.copyOf(actors);
        this.changedAt = changedAt;
        List<Field> out = new ArrayList<>();
        for (GroupFields.Change ch : GroupFields.diff(theirs, mine)) {
            out.add(new Field(ch.field(), ch.oldValue(), ch.newValue(), changedFields.contains(ch.field())));
        }
        this.fields = List.copyOf(out);
    }

    /** The version the refused save was made from. */
    public long sinceVersion() {
        return sinceVersion;
    }

    /** The group as stored now. */
    public Group theirs() {
        return theirs;
    }

    /** The group as the refused save had it. */
    public Group mine() {
        return mine;
    }

    /** Who changed the group since {@link #sinceVersion()}, in order, each once. */
    public List<String> actors() {
        return actors;
    }

    /** When the last of those changes was made (null if the history does not say). */
    public Instant changedAt() {
        return changedAt;
    }

    /** The fields in which the stored group and the refused save differ, in the form's order. */
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
