package com.qundesk.group;

import com.qundesk.core.RefusedSave;

import java.util.Set;

/**
 * A save refused because the group changed since the editor read it: nothing was written. It says who changed it,
 * when, the version the save was made from and the version now, and per field the stored value ("theirs") beside the
 * one saved ("mine") ({@link RefusedSave}), from which {@link GroupFields#merge} builds the record to save against
 * {@link #theirs()}' version.
 */
public final class ConflictException extends RefusedSave {

    private final Group theirs;
    private final Group mine;

    ConflictException(long sinceVersion, Group theirs, Group mine, Since since) {
        super("group.conflict", theirs.name(), sinceVersion, theirs.version(), since,
                GroupFields.diff(theirs, mine));
        this.theirs = theirs;
        this.mine = mine;
    }

    /** The group as stored now. */
    public Group theirs() {
        return theirs;
    }

    /** The group as the refused save had it. */
    public Group mine() {
        return mine;
    }

    /** The group to save: theirs with mine's value in each field named in {@code useMine}, at theirs' version. */
    public Group merge(Set<String> useMine) {
        return GroupFields.merge(theirs(), mine(), useMine);
    }
}
