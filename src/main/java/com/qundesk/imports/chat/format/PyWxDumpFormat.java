package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PyWxDump CSV pages of PC WeChat 3.x: 3.x {@code id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime}
 * and 2.x {@code id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime} ({@code content} a JSON
 * {@code {"src":…,"msg":…}}, the owner's talker {@code 我}). Each page {@code <chat_id>_<i>_<j>.csv} is read as a file
 * of its own; {@link #pages} lists a folder's pages in order and {@link #isUsersJson} tells the {@code users.json}
 * beside them, which {@link #read} uses for names and the member list.
 * <p>
 * Self: {@code is_sender == 1}, or the talker is the owner's wxid, or (2.x) the talker is {@code 我}. Real exports
 * contain rows with {@code is_sender = 0} whose talker is the owner (seen on pictures sent from the phone): they are
 * the owner's. The owner's wxid comes from the folder layout {@code <my_wxid>/csv/<chat_id>/<page>.csv}, else from
 * the talker of the first {@code is_sender = 1} row among the first {@value #OWNER_ROWS} rows; when neither is known,
 * in a one-to-one chat a talker other than the chat itself (and other than 未知/系统) is taken to be the owner.
 */
public final class PyWxDumpFormat implements ChatFormat {

    public static final String ID = "pywxdump";

    static final List<String> V3 = List.of("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg",
            "src", "CreateTime");
    static final List<String> V2 = List.of("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name",
            "content", "CreateTime");

    /** Rows buffered to find the owner's wxid when the folder layout does not give it. */
    static final int OWNER_ROWS = 500;

    private static final String USERS_JSON = "users.json";
    private static final String SELF_TALKER = "我";
    private static final JsonFactory JSON = new JsonFactory();

    private record Row(CsvRow record, long line) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        List<String> h = HeaderedCsvReader.headerOf(sniff.firstLine());
        return HeaderedCsvReader.startsWith(h, V3) || HeaderedCsvReader.startsWith(h, V2);
    }

    /** True for the {@code users.json} PyWxDump writes beside the pages (an importer skips it as a message file). */
    public static boolean isUsersJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().equalsIgnoreCase(USERS_JSON);
    }

    /**
     * The page CSVs under {@code folder} (recursively): files named {@code …_<i>_<j>.csv}, in page order: by folder,
     * then by the numbers i and j. Other files are left out.
     */
    public static List<Path> pages(Path folder) throws IOException {
        List<Path> found;
        try (Stream<Path> s = Files.walk(folder)) {
            found = s.filter(p -> pageNumbers(p) != null && Files.isRegularFile(p)).toList();
        }
        List<Path> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<Path, String>comparing(p -> String.valueOf(p.getParent()))
                .thenComparingLong(p -> pageNumbers(p)[0])
                .thenComparingLong(p -> pageNumbers(p)[1])
                .thenComparing(p -> p.getFileName().toString()));
        return sorted;
    }

    /** {i, j} of a page name {@code …_<i>_<j>.csv}, or null when the name is not one. */
    static long[] pageNumbers(Path file) {
        Path fn = file.getFileName();
        if (fn == null) {
            return null;
        }
        String name = fn.toString();
        if (name.length() < 9 || !name.regionMatches(true, name.length() - 4, ".csv", 0, 4)) {
            return null;
        }
        String base = name.substring(0, name.length() - 4);
        int u2 = base.lastIndexOf('_');
        if (u2 <= 0) {
            return null;
        }
        int u1 = base.lastIndexOf('_', u2 - 1);
        if (u1 <= 0) {
            return null;
        }
        long j = HeaderedCsvReader.parseNonNegative(base.substring(u2 + 1));
        long i = HeaderedCsvReader.parseNonNegative(base.substring(u1 + 1, u2));
        return i < 0 || j < 0 ? null : new long[] {i, j};
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (HeaderedCsvReader in = new HeaderedCsvReader(sniff, context)) {
            List<String> h = in.header();
            boolean v3 = HeaderedCsvReader.startsWith(h, V3);
            if (!v3 && !HeaderedCsvReader.startsWith(h, V2)) {
                throw new ImportFormatException(1, "import.error.notFormat", "PyWxDump");
            }
            Path file = sniff.file();
            PyWxDumpUsers users = PyWxDumpUsers.find(file, context);
            String owner = ownerFromLayout(file);
            List<Row> head = new ArrayList<>();
            if (owner == null && v3) {
                for (int i = 0; i < OWNER_ROWS && owner == null; i++) {
                    CsvRow r = in.next();
                    if (r == null) {
                        break;
                    }
                    head.add(new Row(r, in.line()));
                    if (r.size() == V3.size() && isOne(r.get(3)) && !isSpecial(r.get(4).strip())) {
                        owner = r.get(4).strip();
                    }
                }
            }
            Page page = new Page(context, sink, users, owner, v3, chatFromLayout(file));
            for (Row row : head) {
                page.row(row.record(), row.line());
            }
            for (CsvRow r = in.next(); r != null; r = in.next()) {
                page.row(r, in.line());
            }
            page.finish();
        }
    }

    /** {@code <my_wxid>/csv/<chat_id>/<page>.csv}: the folder two levels above the page's, when the middle one is csv. */
    static String ownerFromLayout(Path file) {
        Path chat = file.toAbsolutePath().getParent();
        Path csv = chat == null ? null : chat.getParent();
        Path owner = csv == null ? null : csv.getParent();
        if (owner == null || owner.getFileName() == null || !csv.getFileName().toString().equalsIgnoreCase("csv")) {
            return null;
        }
        String id = owner.getFileName().toString().strip();
        return id.isEmpty() || isSpecial(id) ? null : id;
    }

    /** The chat id the page's name and folder give (used only when a row's room_name is empty). */
    static String chatFromLayout(Path file) {
        Path fn = file.getFileName();
        Path parent = file.toAbsolutePath().getParent();
        if (fn == null || parent == null || parent.getFileName() == null) {
            return null;
        }
        String folder = parent.getFileName().toString();
        return fn.toString().contains(folder) ? folder : null;
    }

    private static boolean isSpecial(String talker) {
        return talker.isEmpty() || talker.equals("未知") || talker.equals("系统") || talker.equals(SELF_TALKER);
    }

    private static boolean isOne(String s) {
        String t = s.strip();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }

    /** The {@code msg} of a 2.x {@code content} cell; the cell itself when it is not that JSON. */
    static String msgOf(String content) {
        int i = 0;
        while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
            i++;
        }
        if (i >= content.length() || content.charAt(i) != '{') {
            return content;
        }
        try (JsonParser p = JSON.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return content;
            }
            String msg = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v == null) {
                    break;
                }
                if (v.isStructStart()) {
                    p.skipChildren();
                } else if ("msg".equals(field) && v == JsonToken.VALUE_STRING) {
                    msg = p.getText();
                }
            }
            return msg != null ? msg : content;
        } catch (IOException e) {
            return content;
        }
    }

    /** The state of one page while its rows stream through. */
    private static final class Page {
        private final ParseContext context;
        private final MessageSink sink;
        private final PyWxDumpUsers users;
        private final String owner;
        private final boolean v3;
        private final String layoutChat;
        private final int width;
        private final int timeIndex;
        private final Set<String> announced = new HashSet<>();
        private String lastChat;
        private String lastChatName;

        Page(ParseContext context, MessageSink sink, PyWxDumpUsers users, String owner, boolean v3, String layoutChat) {
            this.context = context;
            this.sink = sink;
            this.users = users;
            this.owner = owner;
            this.v3 = v3;
            this.layoutChat = layoutChat;
            this.width = v3 ? V3.size() : V2.size();
            this.timeIndex = v3 ? 8 : 7;
        }

        void row(CsvRow r, long line) {
            int n = r.size();
            if (n != width) {
                context.reject(line, "import.reject.columns", width, n);
                return;
            }
            String timeText = r.get(timeIndex);
            long epoch;
            boolean exact;
            long raw = HeaderedCsvReader.parseNonNegative(timeText);
            if (raw >= 0) {
                epoch = raw > 100_000_000_000L ? raw / 1000 : raw;
                exact = true;
            } else {
                LocalTimes.Parsed t = LocalTimes.parse(timeText, context.zone());
                if (t == null) {
                    context.reject(line, "import.reject.time", timeText.strip());
                    return;
                }
                epoch = t.epochSecond();
                exact = t.hasSeconds();
            }
            if (!LocalTimes.plausible(epoch)) {
                context.reject(line, "import.reject.timeRange", timeText.strip());
                return;
            }
            if (!exact) {
                context.warn("import.warn.minuteTimes");
            }
            String room = r.get(5).strip();
            String chatId = room.isEmpty() ? layoutChat : room;
            String chatName = chatName(chatId);
            MessageKind kind = WeChatTypes.kindOfLabel(r.get(2));
            String talker = r.get(4).strip();
            boolean group = chatId != null && chatId.endsWith("@chatroom");
            boolean self = isOne(r.get(3)) || talker.equals(SELF_TALKER)
                    || owner != null && talker.equals(owner)
                    || owner == null && !group && chatId != null && !isSpecial(talker) && !talker.equals(chatId);
            String senderId = null;
            String senderName = null;
            if (kind != MessageKind.SYSTEM) {
                senderId = self ? owner : isSpecial(talker) ? null : talker;
                senderName = senderId == null ? null : users.nameOf(chatId, senderId);
            }
            String text = v3 ? r.get(6) : msgOf(r.get(6));
            sink.message(new ParsedMessage(chatId, chatName, epoch, exact, senderId, senderName, self, kind, text,
                    line));
        }

        private String chatName(String chatId) {
            if (chatId == null) {
                return null;
            }
            if (!chatId.equals(lastChat)) {
                lastChat = chatId;
                lastChatName = users.chatName(chatId);
                announce(chatId, lastChatName);
            }
            return lastChatName;
        }

        private void announce(String chatId, String chatName) {
            if (announced.add(chatId)) {
                sink.chat(new ChatInfo(chatId, chatName, chatId.endsWith("@chatroom"), owner,
                        users.members(chatId), null));
            }
        }

        void finish() {
            if (announced.isEmpty() && layoutChat != null) {
                announce(layoutChat, users.chatName(layoutChat));
            }
        }
    }
}
