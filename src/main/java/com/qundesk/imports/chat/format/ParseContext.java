package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportCancelledException;

import java.time.ZoneId;
import java.util.List;

/**
 * What a parser may ask of the import that runs it: the zone local times are read in, whether the operator
 * cancelled, and where refused rows and warnings go (as message keys, translated later).
 */
public interface ParseContext {

    /** The zone a file without zone information is read in (the operator's; default Asia/Shanghai). */
    ZoneId zone();

    /** True once the operator cancelled: a parser checks it now and then and stops by throwing {@link ImportCancelledException}. */
    boolean cancelled();

    /** A row that cannot be used; the rest of the file goes on. {@code line} is 1-based. */
    void reject(long line, String messageKey, Object... args);

    /** Something the operator should know about the whole file (e.g. minute-only dates), once per key. */
    void warn(String messageKey, Object... args);

    /** Reports how far the parser is, in bytes (for progress and ETA); optional. */
    default void progress(long bytesRead) {
    }

    /** Throws {@link ImportCancelledException} when cancelled; parsers call it every few thousand rows. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new ImportCancelledException();
        }
    }

    /** A context for tests and tools: collects rejections and warnings in lists. */
    static Collecting collecting(ZoneId zone) {
        return new Collecting(zone);
    }

    /** A simple context that records what it is told. */
    final class Collecting implements ParseContext {
        public record Entry(long line, String key, List<Object> args) {
        }

        private final ZoneId zone;
        public final List<Entry> rejected = new java.util.ArrayList<>();
        public final List<Entry> warnings = new java.util.ArrayList<>();

        Collecting(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId zone() {
            return zone;
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void reject(long line, String messageKey, Object... args) {
            rejected.add(new Entry(line, messageKey, List.of(args)));
        }

        @Override
        public void warn(String messageKey, Object... args) {
            if (warnings.stream().noneMatch(w -> w.key().equals(messageKey))) {
                warnings.add(new Entry(0, messageKey, List.of(args)));
            }
        }
    }
}
