package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.qundesk.imports.chat.format.HeaderedCsvReader.cell;
import static com.qundesk.imports.chat.format.HeaderedCsvReader.parseNonNegative;

/**
 * WeChatMsg (留痕 / MemoTrace) CSV exports of PC WeChat 3.x, every variant (told apart by the header line):
 * <ul>
 * <li>the per-chat file {@code localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,
 * NickName,Sender}: in a group {@code Sender} is the sender's wxid and {@code Remark}/{@code NickName} the sender's
 * names; a one-to-one chat's rows stop after {@code StrTime} (the exporter writes the last three cells only for chat
 * rooms). The chat is named by the folder: {@code <remark>(<wxid>)/<remark>.csv} or {@code <remark>/<remark>_utf8.csv};</li>
 * <li>the export-all file (same header, many chats, see {@link #isExportAll}): {@code Remark}/{@code NickName}
 * describe the chat and {@code Sender} is a display name, {@code 我} for the exporting account;</li>
 * <li>the old nine-column file (no sender columns at all);</li>
 * <li>the 2025 v2 file {@code 消息ID,类型,发送人,时间,内容,备注,昵称,更多信息} (type label, display name, local time).</li>
 * </ul>
 * {@code CreateTime} (epoch seconds) is authoritative; {@code StrTime} is only read when it is empty or absurd, as
 * spreadsheets re-save it as {@code 6/3/2021 17:30}.
 */
public final class WeChatMsgFormat implements ChatFormat {

    public static final String ID = "wechatmsg";

    static final List<String> FULL = List.of("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime",
            "Status", "StrContent", "StrTime", "Remark", "NickName", "Sender");
    static final List<String> OLD = FULL.subList(0, 9);
    static final List<String> V2 = List.of("消息ID", "类型", "发送人", "时间", "内容", "备注", "昵称", "更多信息");
    private static final List<String> V2_MIN = V2.subList(0, 5);

    /** Rows examined to tell an export-all file from a per-chat one when the file is not named messages.csv. */
    static final int DETECTION_ROWS = 200;

    private static final String SELF_NAME = "我";

    private enum Variant { FULL, OLD, V2 }

    private record Row(CsvRow record, long line) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        return variantOf(HeaderedCsvReader.headerOf(sniff.firstLine())) != null;
    }

    private static Variant variantOf(List<String> header) {
        if (HeaderedCsvReader.startsWith(header, FULL)) {
            return Variant.FULL;
        }
        if (HeaderedCsvReader.startsWith(header, OLD)) {
            return Variant.OLD;
        }
        if (HeaderedCsvReader.startsWith(header, V2_MIN)) {
            return Variant.V2;
        }
        return null;
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (HeaderedCsvReader in = new HeaderedCsvReader(sniff, context)) {
            Variant variant = variantOf(in.header());
            if (variant == null) {
                throw new ImportFormatException(1, "import.error.notFormat", "WeChatMsg");
            }
            WeChatMsgChatPath chat = WeChatMsgChatPath.of(sniff.file());
            switch (variant) {
                case OLD -> new PerChat(context, sink, chat, false).run(in, List.of());
                case V2 -> readV2(in, context, sink, chat);
                case FULL -> {
                    boolean byName = sniff.file().getFileName().toString().equalsIgnoreCase("messages.csv");
                    List<Row> head = new ArrayList<>();
                    if (!byName) {
                        for (int i = 0; i < DETECTION_ROWS; i++) {
                            CsvRow r = in.next();
                            if (r == null) {
                                break;
                            }
                            head.add(new Row(r, in.line()));
                        }
                    }
                    if (byName || isExportAll(head.stream().map(Row::record).toList())) {
                        new ExportAll(context, sink).run(in, head);
                    } else {
                        new PerChat(context, sink, chat, true).run(in, head);
                    }
                }
            }
        }
    }

    /**
     * The export-all rule, applied to the first {@value #DETECTION_ROWS} rows of a file with the twelve-column header
     * that is not named {@code messages.csv}: it is an export-all file when a {@code Sender} cell holds a display
     * name rather than a wxid ({@code 我}, or any non-ASCII or blank character), or when the rows come from two or
     * more {@code TalkerId}s each with one constant {@code Remark}/{@code NickName} pair (the columns then describe
     * the chat, not the sender). A per-chat group file has wxids as senders and names that vary by sender.
     */
    static boolean isExportAll(List<CsvRow> rows) {
        Map<String, Set<String>> namesByTalker = new HashMap<>();
        for (CsvRow r : rows) {
            if (r.size() < 12) {
                continue;
            }
            String sender = r.get(11).strip();
            if (!sender.isEmpty() && !isAsciiId(sender)) {
                return true;
            }
            namesByTalker.computeIfAbsent(r.get(1).strip(), k -> new HashSet<>()).add(r.get(9) + '\u0000' + r.get(10));
        }
        if (namesByTalker.size() < 2) {
            return false;
        }
        for (Set<String> names : namesByTalker.values()) {
            if (names.size() != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiId(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return null;
    }

    private static int intOr(String s, int dflt) {
        long v = parseNonNegative(s);
        return v < 0 || v > Integer.MAX_VALUE ? dflt : (int) v;
    }

    private static boolean isOne(String s) {
        String t = s.strip();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }

    /**
     * Reads the time of a twelve/nine-column row: {@code CreateTime} when it is a plausible epoch (milliseconds are
     * tolerated), else {@code StrTime} in the context's zone. Returns false after rejecting the row.
     */
    private static boolean time(CsvRow r, long line, ParseContext context, long[] epoch, boolean[] exact) {
        String created = cell(r, 5);
        long ct = parseNonNegative(created);
        if (ct > 100_000_000_000L) {
            ct /= 1000;
        }
        if (ct >= 0 && LocalTimes.plausible(ct)) {
            epoch[0] = ct;
            exact[0] = true;
            return true;
        }
        String str = cell(r, 8);
        LocalTimes.Parsed p = LocalTimes.parse(str, context.zone());
        if (p == null) {
            if (ct >= 0) {
                context.reject(line, "import.reject.timeRange", created.strip());
            } else {
                context.reject(line, "import.reject.time", str.isBlank() ? created.strip() : str.strip());
            }
            return false;
        }
        if (!LocalTimes.plausible(p.epochSecond())) {
            context.reject(line, "import.reject.timeRange", str.strip());
            return false;
        }
        epoch[0] = p.epochSecond();
        exact[0] = p.hasSeconds();
        if (!p.hasSeconds()) {
            context.warn("import.warn.minuteTimes");
        }
        return true;
    }

    /** A per-chat file, twelve-column ({@code withSenders}) or old nine-column. */
    private static final class PerChat {
        private final ParseContext context;
        private final MessageSink sink;
        private final WeChatMsgChatPath chat;
        private final boolean withSenders;
        private final long[] epoch = new long[1];
        private final boolean[] exact = new boolean[1];
        private String selfId;
        private boolean sawSender;
        private boolean sawShortRow;
        private boolean warnedNoSenders;

        PerChat(ParseContext context, MessageSink sink, WeChatMsgChatPath chat, boolean withSenders) {
            this.context = context;
            this.sink = sink;
            this.chat = chat;
            this.withSenders = withSenders;
        }

        void run(HeaderedCsvReader in, List<Row> head) {
            for (Row row : head) {
                row(row.record(), row.line());
            }
            for (CsvRow r = in.next(); r != null; r = in.next()) {
                row(r, in.line());
            }
            Boolean group = chat.group() != null ? chat.group()
                    : sawSender ? Boolean.TRUE
                    : withSenders && sawShortRow ? Boolean.FALSE : null;
            if (chat.chatId() != null || chat.chatName() != null || group != null || selfId != null) {
                sink.chat(new ChatInfo(chat.chatId(), chat.chatName(), group, selfId, null, null));
            }
        }

        private void row(CsvRow r, long line) {
            int n = r.size();
            if (n != 9 && !(withSenders && n == 12)) {
                context.reject(line, "import.reject.columns", withSenders ? 12 : 9, n);
                return;
            }
            if (!time(r, line, context, epoch, exact)) {
                return;
            }
            MessageKind kind = WeChatTypes.kindOf(intOr(r.get(2), -1), intOr(r.get(3), 0));
            boolean self = isOne(r.get(4));
            String senderId = null;
            String senderName = null;
            if (n == 9) {
                sawShortRow = true;
            }
            if (kind != MessageKind.SYSTEM) {
                String sender = n == 12 ? r.get(11).strip() : "";
                if (!sender.isEmpty()) {
                    sawSender = true;
                    senderId = sender;
                    senderName = firstNonBlank(r.get(9), r.get(10));
                    if (sender.equals(senderName)) {
                        senderName = null; // a member who left: the exporter writes the wxid as both names
                    }
                    if (self && selfId == null) {
                        selfId = sender;
                    }
                } else if (self) {
                    senderId = selfId;
                } else if (Boolean.FALSE.equals(chat.group()) || withSenders && n == 9 && chat.group() == null) {
                    // a one-to-one chat: the other person is the chat itself
                    senderId = chat.chatId();
                    senderName = chat.chatName();
                } else if (!warnedNoSenders && !sawSender) {
                    warnedNoSenders = true;
                    context.warn("import.warn.noSenders");
                }
            }
            sink.message(new ParsedMessage(chat.chatId(), chat.chatName(), epoch[0], exact[0], senderId, senderName,
                    self, kind, r.get(7), line));
        }
    }

    /** The export-all file: many chats, Remark/NickName name the chat, Sender is a display name. */
    private static final class ExportAll {
        private final ParseContext context;
        private final MessageSink sink;
        private final long[] epoch = new long[1];
        private final boolean[] exact = new boolean[1];
        private final Map<String, ChatAcc> chats = new LinkedHashMap<>();
        private String lastTalker;
        private ChatAcc last;

        private static final class ChatAcc {
            String chatId;
            String name;
            String remark;
            String nick;
            String firstOther;
            boolean manyOthers;
            boolean othersAreTheChat = true;
        }

        ExportAll(ParseContext context, MessageSink sink) {
            this.context = context;
            this.sink = sink;
        }

        void run(HeaderedCsvReader in, List<Row> head) {
            for (Row row : head) {
                row(row.record(), row.line());
            }
            for (CsvRow r = in.next(); r != null; r = in.next()) {
                row(r, in.line());
            }
            for (ChatAcc c : chats.values()) {
                Boolean group;
                if (c.chatId != null && c.chatId.endsWith("@chatroom") || c.manyOthers) {
                    group = Boolean.TRUE;
                } else if (c.firstOther != null && c.othersAreTheChat) {
                    group = Boolean.FALSE; // the only other sender is the chat's own name: a one-to-one chat
                } else {
                    group = null;
                }
                sink.chat(new ChatInfo(c.chatId, c.name, group, null, null, null));
            }
        }

        private ChatAcc chat(CsvRow r, int n) {
            String talker = r.get(1).strip();
            if (last != null && talker.equals(lastTalker)) {
                return last;
            }
            String remark = n == 12 ? r.get(9).strip() : "";
            String nick = n == 12 ? r.get(10).strip() : "";
            String key = talker.isEmpty() ? "\u0000" + remark + '\u0000' + nick : talker;
            ChatAcc c = chats.get(key);
            if (c == null) {
                c = new ChatAcc();
                c.chatId = talker.isEmpty() ? null : talker.endsWith("@chatroom") ? talker : "talker:" + talker;
                chats.put(key, c);
            }
            if (c.name == null && n == 12) {
                c.remark = remark;
                c.nick = nick;
                c.name = firstNonBlank(remark, nick);
            }
            lastTalker = talker;
            last = c;
            return c;
        }

        private void row(CsvRow r, long line) {
            int n = r.size();
            if (n != 12 && n != 9) {
                context.reject(line, "import.reject.columns", 12, n);
                return;
            }
            if (!time(r, line, context, epoch, exact)) {
                return;
            }
            ChatAcc chat = chat(r, n);
            MessageKind kind = WeChatTypes.kindOf(intOr(r.get(2), -1), intOr(r.get(3), 0));
            String sender = n == 12 ? r.get(11).strip() : "";
            boolean self = isOne(r.get(4)) || sender.equals(SELF_NAME);
            String senderName = null;
            if (kind != MessageKind.SYSTEM && !self && !sender.isEmpty()) {
                senderName = sender;
                if (chat.firstOther == null) {
                    chat.firstOther = sender;
                } else if (!chat.firstOther.equals(sender)) {
                    chat.manyOthers = true;
                }
                if (!sender.equals(chat.remark) && !sender.equals(chat.nick)) {
                    chat.othersAreTheChat = false;
                }
            }
            sink.message(new ParsedMessage(chat.chatId, chat.name, epoch[0], exact[0], null, senderName, self, kind,
                    r.get(7), line));
        }
    }

    /** The 2025 v2 file: 消息ID,类型,发送人,时间,内容,备注,昵称,更多信息. */
    private static void readV2(HeaderedCsvReader in, ParseContext context, MessageSink sink, WeChatMsgChatPath chat) {
        int width = in.header().size();
        String firstOther = null;
        boolean manyOthers = false;
        for (CsvRow r = in.next(); r != null; r = in.next()) {
            long line = in.line();
            int n = r.size();
            if (n < 5 || n > width) {
                context.reject(line, "import.reject.columns", width, n);
                continue;
            }
            String timeText = r.get(3);
            LocalTimes.Parsed t = LocalTimes.parse(timeText, context.zone());
            if (t == null) {
                context.reject(line, "import.reject.time", timeText.strip());
                continue;
            }
            if (!LocalTimes.plausible(t.epochSecond())) {
                context.reject(line, "import.reject.timeRange", timeText.strip());
                continue;
            }
            if (!t.hasSeconds()) {
                context.warn("import.warn.minuteTimes");
            }
            MessageKind kind = WeChatTypes.kindOfLabel(r.get(1));
            String sender = r.get(2).strip();
            boolean self = sender.equals(SELF_NAME);
            String senderName = null;
            if (kind != MessageKind.SYSTEM && !self) {
                senderName = firstNonBlank(sender, firstNonBlank(cell(r, 5), cell(r, 6)));
                if (senderName != null) {
                    if (firstOther == null) {
                        firstOther = senderName;
                    } else if (!firstOther.equals(senderName)) {
                        manyOthers = true;
                    }
                }
            }
            sink.message(new ParsedMessage(chat.chatId(), chat.chatName(), t.epochSecond(), t.hasSeconds(), null,
                    senderName, self, kind, r.get(4), line));
        }
        Boolean group = chat.group() != null ? chat.group() : manyOthers ? Boolean.TRUE : null;
        if (chat.chatId() != null || chat.chatName() != null || group != null) {
            sink.chat(new ChatInfo(chat.chatId(), chat.chatName(), group, null, null, null));
        }
    }
}
