package com.qundesk.imports;

import java.util.List;

/**
 * What importing one file did.
 *
 * @param importId   the import's id in the history (0 when nothing was stored)
 * @param rowsRead   messages and notices read from the file (rejected rows not included)
 * @param imported   rows stored
 * @param duplicates rows already in the workspace (from this file before, an overlapping file or another tool)
 * @param skipped    rows of one-to-one chats or of chats that have no group (see {@code unmapped})
 * @param rejected   the first refused rows (up to a thousand), {@code rejectedCount} all of them
 * @param warnings   notes on the whole file (message keys), e.g. minute-only times
 * @param chats      what went to which group
 * @param unmapped   chats that matched no group and were not imported
 */
public record ImportResult(long importId, String fileName, String format, long rowsRead, long imported,
                           long duplicates, long skipped, List<Rejection> rejected, long rejectedCount,
                           List<String> warnings, List<ChatOutcome> chats, List<UnmappedChat> unmapped)
        implements ImportOutcome {

    public ImportResult {
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        chats = List.copyOf(chats);
        unmapped = List.copyOf(unmapped);
    }

    /** True when nothing was refused and every group chat found its group. */
    @Override
    public boolean complete() {
        return rejectedCount == 0 && unmapped.isEmpty();
    }

    /** One chat of the file and the group its messages went to. */
    public record ChatOutcome(String chatKey, String chatName, long groupId, String groupName, long imported,
                              long duplicates, boolean created) {
    }

    /** A group chat that matched no group: give --group, --create-groups or pick one in the preview. */
    public record UnmappedChat(String chatKey, String chatName, long messages) {
    }
}
