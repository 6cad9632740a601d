package com.qundesk.imports.chat;

/**
 * The rows of an import waiting to be written, held as columns, and for each whether the database took it as new.
 * {@link ImportSession} fills it, {@link ChatMessageRepository} stores it, and the session aggregates the new rows.
 */
final class MessageBatch {
    static final int SIZE = 4096;

    // the columns of the rows; isNew is set when the batch is stored
    final ImportSession.Target[] target = new ImportSession.Target[SIZE];
    final long[] day = new long[SIZE];
    final int[] sender = new int[SIZE];
    final int[] flags = new int[SIZE];
    final int[] joins = new int[SIZE];
    final int[] removals = new int[SIZE];
    final boolean[] isNew = new boolean[SIZE];
    final long[] at = new long[SIZE];
    final int[] kind = new int[SIZE];
    final int[] seq = new int[SIZE];
    private int size;

    /** Appends a row; true when the batch is now full and must be stored. */
    boolean add(ImportSession.Target t, long at, int kind, int seq, long day, int sender, int flags, int joins,
                int removals) {
        int i = size++;
        this.at[i] = at;
        this.kind[i] = kind;
        this.seq[i] = seq;
        this.target[i] = t;
        this.day[i] = day;
        this.sender[i] = sender;
        this.flags[i] = flags;
        this.joins[i] = joins;
        this.removals[i] = removals;
        return size == SIZE;
    }

    int size() {
        return size;
    }

    /** Empties the batch (after its rows were stored and counted). */
    void clear() {
        size = 0;
    }
}
