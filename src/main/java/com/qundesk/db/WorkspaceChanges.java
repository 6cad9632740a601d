package com.qundesk.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The changes of one open workspace: a version that goes up after every committed transaction that changed a
 * row, and the listeners told about it (the window's views, so each shows the workspace as it is now). One per
 * {@link Database}; listeners run on the thread that committed — or, for what another operator's copy committed to
 * a team workspace, on the thread that hears the server ({@link ServerChangeFeed}) — so a UI listener hands over to
 * its own thread.
 */
public final class WorkspaceChanges {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceChanges.class);

    private final AtomicLong version = new AtomicLong();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    /** The number of committed writes so far; a view loaded at an older version shows an older workspace. */
    public long version() {
        return version.get();
    }

    /** Runs once, when the first listener comes: what starts hearing other copies' commits (nobody listens in the CLI). */
    private Runnable whenFirstFollowed;

    /** Calls {@code listener} with the new version after each committed write; returns what removes it again. */
    public Runnable listen(LongConsumer listener) {
        Runnable first;
        synchronized (this) {
            first = whenFirstFollowed;
            whenFirstFollowed = null;
        }
        if (first != null) {
            first.run();
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** {@code start} runs when the first listener comes, on its thread, before it is added. */
    synchronized void whenFirstFollowed(Runnable start) {
        whenFirstFollowed = start;
    }

    void committed() {
        long now = version.incrementAndGet();
        for (LongConsumer l : listeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                log.warn("A workspace-change listener failed", e); // the write is committed: never undo it for a view
            }
        }
    }
}
