package com.qundesk.imports;

/** Receives how far an import is; called from the importing thread, every few thousand rows. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (bytes, total, rows) -> { };

    void update(long bytesRead, long totalBytes, long rows);
}
