package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * chatlog's chat-room list ({@code Name,Remark,NickName,Owner,UserCount}): one row per group the account is in. It is
 * not a message file ({@link ChatlogCsvFormat} refuses it); it names each {@code …@chatroom}, its owner and its size.
 * The list is small (one row a group), so it is read whole.
 */
public final class ChatlogRoomList {

    private static final String[] HEADER = {"name", "remark", "nickname", "owner", "usercount"};

    /**
     * One chat room.
     *
     * @param name      the room id ({@code …@chatroom})
     * @param remark    the account's remark for the room, or null
     * @param nickName  the room's name, or null
     * @param owner     the owner's wxid, or null
     * @param userCount the member count, or -1 when the cell is not a number
     */
    public record Room(String name, String remark, String nickName, String owner, int userCount) {
    }

    private ChatlogRoomList() {
    }

    /** True when {@code headerLine} (BOM and quotes tolerated) is the room list header. */
    public static boolean looksLike(String headerLine) {
        if (headerLine == null) {
            return false;
        }
        String line = headerLine.strip();
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        String[] cells = line.split(",", -1);
        if (cells.length != HEADER.length) {
            return false;
        }
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!c.equals(HEADER[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads every room of the list. Rows with the wrong number of cells or without a room id are skipped.
     *
     * @throws ImportFormatException when the file is empty or not a room list
     */
    public static List<Room> read(Path file, Charset charset) throws IOException {
        List<Room> rooms = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(Files.newInputStream(file), charset, false)) {
            try {
                CsvRow header = rows.next();
                if (header == null) {
                    throw new ImportFormatException(0, "import.error.empty");
                }
                if (!looksLike(String.join(",", header.toList()))) {
                    throw new ImportFormatException(1, "import.error.notFormat", "chatlog chat-room list");
                }
                for (CsvRow r = rows.next(); r != null; r = rows.next()) {
                    if (r.size() != HEADER.length || r.get(0).isBlank()) {
                        continue;
                    }
                    Long count = ChatJsonSupport.parseLong(r.get(4));
                    rooms.add(new Room(r.get(0).strip(), ChatJsonSupport.blankToNull(r.get(1)),
                            ChatJsonSupport.blankToNull(r.get(2)), ChatJsonSupport.blankToNull(r.get(3)),
                            count == null || count < 0 || count > Integer.MAX_VALUE ? -1 : count.intValue()));
                }
            } catch (CsvRows.Broken e) {
                // a cut last row: keep the rooms read so far
            }
        }
        return rooms;
    }
}
