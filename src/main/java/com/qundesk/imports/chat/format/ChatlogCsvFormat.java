package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * chatlog's CSVs: the HTTP API's ({@code Time,SenderName,Sender,TalkerName,Talker,Content}, {@code
 * internal/chatlog/http/route.go}) and the {@code chatlog export} command's
 * ({@code Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content}, {@code internal/export/export.go});
 * forks put a {@code MessageID} column first, and columns are found by header name. One file may hold several chats: a {@link ChatInfo} is
 * emitted for each {@code Talker} the first time it appears, before its first message.
 *
 * <p>The export command's {@code Type}/{@code TypeDesc} give the kind ({@link #kindOfType}) and its {@code IsSelf}
 * ({@code true}/{@code false}) the exporting account's messages. The HTTP API's CSV has neither: the kind is {@link MessageKind#SYSTEM} for the sender {@code 系统消息}, otherwise
 * it is read from the placeholder chatlog renders for non-text content ({@code ![图片](…)}, {@code [语音]},
 * {@code [文件|…](…)}, {@code [转账|…]}, {@code Type: 10002 Content: …} …, see {@link #kindOfContent}); anything
 * else is text. A pasted-text app message (49/1) is rendered like a link and is therefore read as
 * {@link MessageKind#APP}, not text — the CSV does not allow better.
 *
 * <p>Without {@code IsSelf}, in a one-to-one chat every message whose sender is not the talker was sent
 * by the exporting account (chatlog's own rule), so those are {@code self}. In a group the exporting account's wxid
 * cannot be known from the file, so its messages keep {@code self=false} with their wxid as sender id.
 *
 * <p>The chat-room list chatlog also exports ({@code Name,Remark,NickName,Owner,UserCount}) is not a message file;
 * {@link #accepts} refuses it and {@link ChatlogRoomList} reads it.
 */
public final class ChatlogCsvFormat implements ChatFormat {

    public static final String ID = "chatlog-csv";
    static final String SYSTEM_SENDER = "系统消息";
    private static final String NAME = "chatlog CSV";
    private static final String[] COLUMNS = {"time", "sendername", "sender", "talkername", "talker", "content"};
    /** The columns only the {@code chatlog export} command writes: found when present, -1 otherwise. */
    private static final String[] OPTIONAL = {"isself", "type", "typedesc"};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        String line = sniff.firstLine();
        if (line.isEmpty() || line.indexOf(',') < 0) {
            return false;
        }
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (c.length() >= 2 && c.charAt(0) == '"' && c.charAt(c.length() - 1) == '"') {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        return columns(List.of(cells)) != null;
    }

    /**
     * Indexes of Time, SenderName, Sender, TalkerName, Talker, Content, then IsSelf, Type, TypeDesc (-1 when
     * absent) in {@code header}, or null when a required one is missing.
     */
    private static int[] columns(List<String> header) {
        int[] idx = new int[COLUMNS.length + OPTIONAL.length];
        java.util.Arrays.fill(idx, -1);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1);
            }
            for (int c = 0; c < idx.length; c++) {
                String col = c < COLUMNS.length ? COLUMNS[c] : OPTIONAL[c - COLUMNS.length];
                if (col.equals(name) && idx[c] < 0) {
                    idx[c] = i;
                }
            }
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            if (idx[c] < 0) {
                return null;
            }
        }
        return idx;
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (ChatJsonSupport.CountingStream in = ChatJsonSupport.CountingStream.open(sniff.file());
             CsvRows rows = CsvRows.open(in, sniff.charset(), false)) {
            new Run(context, sink, rows, in).run();
        }
    }

    private static final class Run {
        private final ParseContext context;
        private final MessageSink sink;
        private final CsvRows rows;
        private final ChatJsonSupport.CountingStream in;
        private final ChatJsonSupport.Times times;
        private final Set<String> chats = new HashSet<>();

        Run(ParseContext context, MessageSink sink, CsvRows rows, ChatJsonSupport.CountingStream in) {
            this.context = context;
            this.sink = sink;
            this.rows = rows;
            this.in = in;
            this.times = new ChatJsonSupport.Times(context);
        }

        void run() throws IOException {
            CsvRow header;
            try {
                header = rows.next();
            } catch (CsvRows.Broken e) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            if (header == null) {
                throw new ImportFormatException(0, "import.error.empty");
            }
            int[] col = columns(header.toList());
            if (col == null) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            int width = header.size();
            long count = 0;
            while (true) {
                CsvRow rec;
                try {
                    rec = rows.next();
                } catch (CsvRows.Broken e) {
                    // a quoted cell never closed: the file was cut (or its quoting broken) here
                    context.reject(e.line(), "import.reject.truncated", e.line());
                    break;
                }
                if (rec == null) {
                    break;
                }
                long line = rec.line();
                if (++count % ChatJsonSupport.CHECK_EVERY == 0) {
                    context.checkCancelled();
                    context.progress(in.count());
                }
                if (rec.size() != width) {
                    context.reject(line, "import.reject.columns", width, rec.size());
                    continue;
                }
                row(rec, col, line);
            }
            context.progress(in.count());
        }

        private void row(CsvRow rec, int[] col, long line) {
            String timeText = rec.get(col[0]);
            Long epoch = times.parse(timeText, line);
            if (epoch == null) {
                return;
            }
            String senderName = ChatJsonSupport.blankToNull(rec.get(col[1]));
            String sender = ChatJsonSupport.blankToNull(rec.get(col[2]));
            String talkerName = ChatJsonSupport.blankToNull(rec.get(col[3]));
            String talker = ChatJsonSupport.blankToNull(rec.get(col[4]));
            String content = rec.get(col[5]);
            boolean group = talker != null && talker.endsWith("@chatroom");
            if (talker != null && chats.add(talker)) {
                sink.chat(ChatInfo.of(talker, talkerName, group));
            }
            boolean system = SYSTEM_SENDER.equals(sender);
            MessageKind byType = col[7] < 0 ? null : kindOfType(rec.get(col[7]), col[8] < 0 ? "" : rec.get(col[8]));
            MessageKind kind = system ? MessageKind.SYSTEM : byType != null ? byType : kindOfContent(content);
            boolean self = false;
            if (kind == MessageKind.SYSTEM) {
                sender = null;
                senderName = null;
            } else if (col[6] >= 0) {
                self = "true".equalsIgnoreCase(rec.get(col[6]).strip()) || "1".equals(rec.get(col[6]).strip());
            } else if (!group && talker != null && !talker.equals(sender)) {
                self = true;
            }
            sink.message(new ParsedMessage(talker, talkerName, epoch, times.exact, sender, senderName, self, kind,
                    content, line));
        }
    }

    /**
     * The kind of a {@code chatlog export} row from its {@code Type} (the 3.x type code, {@code %d}) and
     * {@code TypeDesc} ({@code GetMessageTypeDesc}: for Type 49 the sub-type's name, or {@code 应用消息(N)}); null
     * when the Type cell is not a number.
     */
    static MessageKind kindOfType(String type, String typeDesc) {
        long code = HeaderedCsvReader.parseNonNegative(type.strip());
        if (code < 0) {
            return null;
        }
        if (WeChatCodes.type(code) != 49 || WeChatCodes.subType(code) != 0) {
            return WeChatCodes.kind(code, 0);
        }
        String d = typeDesc.strip();
        long sub = switch (d) {
            case "链接分享" -> 5;
            case "文件" -> 6;
            case "合并转发" -> 19;
            case "小程序" -> 33;
            case "视频号" -> 51;
            case "引用消息" -> 57;
            case "拍一拍" -> 62;
            default -> d.startsWith("应用消息(") && d.endsWith(")")
                    ? HeaderedCsvReader.parseNonNegative(d.substring(5, d.length() - 1)) : -1;
        };
        return WeChatCodes.kind(49, Math.max(sub, 0));
    }

    /**
     * The kind chatlog's rendering of a message shows: {@code ![图片](…)} image, {@code [语音]…} voice,
     * {@code ![视频](…)} video, {@code [动画表情]}/{@code [表情]}/{@code [GIF表情]} emoji, {@code [文件|…]} file,
     * {@code [转账|…]}/{@code [红包]…} money, {@code [名片]}/{@code [位置|…]} card, {@code [语音通话]}/
     * {@code [视频通话]} call, {@code [链接|…]}, {@code [分享…]}, {@code [小程序…]}, {@code [视频号…]},
     * {@code [合并转发…]}, {@code [笔记…]}, {@code [群公告…]}, {@code [音乐…]} app, {@code Type: N Content: …} by the
     * code N, a pat template ({@code "${wxid}" 拍了拍 …}) system; anything else (including a quote reply's
     * {@code > …} lines) text.
     */
    static MessageKind kindOfContent(String content) {
        if (content == null || content.isEmpty()) {
            return MessageKind.TEXT;
        }
        char c0 = content.charAt(0);
        if (c0 == '!' && content.length() > 2 && content.charAt(1) == '[') {
            MessageKind k = kindOfTag(tag(content, 2));
            return k == null ? MessageKind.TEXT : k;
        }
        if (c0 == '[') {
            MessageKind k = kindOfTag(tag(content, 1));
            return k == null ? MessageKind.TEXT : k;
        }
        if (c0 == 'T' && content.startsWith("Type: ")) {
            int i = 6;
            long code = 0;
            int start = i;
            while (i < content.length() && i - start < 12 && Character.isDigit(content.charAt(i))) {
                code = code * 10 + (content.charAt(i) - '0');
                i++;
            }
            if (i > start && content.startsWith(" Content: ", i)) {
                return WeChatCodes.kind(code, 0);
            }
            return MessageKind.TEXT;
        }
        if ((c0 == '"' || c0 == '$' || c0 == '“') && content.contains("拍了拍")) {
            return MessageKind.SYSTEM;
        }
        return MessageKind.TEXT;
    }

    /** The tag of {@code [tag]…} / {@code [tag|…]…} starting at {@code from}, or null when there is none. */
    private static String tag(String s, int from) {
        int max = Math.min(s.length(), from + 8);
        for (int i = from; i < max; i++) {
            char c = s.charAt(i);
            if (c == ']' || c == '|') {
                return s.substring(from, i);
            }
        }
        return null;
    }

    private static MessageKind kindOfTag(String tag) {
        if (tag == null) {
            return null;
        }
        return switch (tag) {
            case "图片" -> MessageKind.IMAGE;
            case "语音" -> MessageKind.VOICE;
            case "视频" -> MessageKind.VIDEO;
            case "动画表情", "表情", "GIF表情" -> MessageKind.EMOJI;
            case "文件" -> MessageKind.FILE;
            case "转账", "红包", "红包封面" -> MessageKind.MONEY;
            case "名片", "位置" -> MessageKind.CARD;
            case "语音通话", "视频通话" -> MessageKind.CALL;
            case "引用" -> MessageKind.TEXT;
            case "链接", "分享", "小程序", "视频号", "视频号直播", "合并转发", "笔记", "群公告", "音乐", "聊天记录", "接龙" ->
                    MessageKind.APP;
            default -> null;
        };
    }
}
