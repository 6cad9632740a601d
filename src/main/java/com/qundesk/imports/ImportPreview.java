package com.qundesk.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a file holds before it is imported: its format and encoding, the chats found with the group each would go
 * to, and the first rows as they would be stored.
 *
 * @param scannedAll false when only the first {@code rowsScanned} rows were read
 */
public record ImportPreview(Path file, String format, String charset, List<Chat> chats, List<Row> rows,
                            List<Rejection> rejected, long rejectedCount, List<String> warnings, long rowsScanned,
                            boolean scannedAll) {

    public ImportPreview {
        chats = List.copyOf(chats);
        rows = List.copyOf(rows);
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
    }

    /**
     * A chat of the file.
     *
     * @param groupId   the group it would go to (null: none found)
     * @param matchedBy how that group was found: {@code option}, {@code id}, {@code name} or {@code none}
     * @param oneToOne  a one-to-one chat, which is never imported
     */
    public record Chat(String chatKey, String chatId, String chatName, boolean oneToOne, Long groupId,
                       String matchedBy, long messages) {
    }

    /** One row as it would be stored (no content beyond a notice's kind). */
    public record Row(long line, String chatKey, Instant at, boolean exactTime, String sender, boolean self,
                      MessageKind kind) {
    }
}
