package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * chatlog's JSON export: a top-level array of {@code {seq, time, talker, talkerName, isChatRoom, sender, senderName,
 * isSelf, type, subType, content, contents?}} (what its HTTP API returns; Go writes it on one line with {@code <},
 * {@code >}, {@code &} escaped). Streamed element by element.
 *
 * <p>{@code time} is RFC 3339 with an offset. {@code type}/{@code subType} are WeChat codes; a {@code type} holding
 * a 4.x {@code local_type} ({@code SubType << 32 | Type}) is split. The sender {@code 系统消息} marks a system notice.
 * One array may hold several chats (chatlog accepts {@code talker=a,b}); a {@link ChatInfo} per talker is emitted
 * after the last record, with the exporting account's wxid when one of its messages was seen.
 *
 * <p>{@code line} of messages and rejections is the 1-based record number in the array (chatlog writes the whole
 * array on one text line). A file cut mid-array keeps the records before the cut; the cut is one rejection
 * ({@code import.reject.truncated}, argument: the text line) at the record it broke.
 */
public final class ChatlogJsonFormat implements ChatFormat {

    public static final String ID = "chatlog-json";
    private static final String NAME = "chatlog JSON";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        ChatJsonSupport.Peek peek = ChatJsonSupport.peek(sniff.head());
        return peek.array() && looksLikeChatlog(peek.keys().keySet());
    }

    private static boolean looksLikeChatlog(java.util.Set<String> keys) {
        return keys.contains("talker")
                && (keys.contains("seq") || keys.contains("isChatRoom") || keys.contains("isSelf"));
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (ChatJsonSupport.CountingStream in = ChatJsonSupport.CountingStream.open(sniff.file());
             JsonParser p = ChatJsonSupport.parser(sniff, in)) {
            new Run(context, sink, p, in).run();
        }
    }

    /** What a record said about its chat, kept until the end (a handful of chats per file). */
    private static final class Chat {
        String name;
        Boolean group;
        String selfId;
    }

    private static final class Run {
        private final ParseContext context;
        private final MessageSink sink;
        private final JsonParser p;
        private final ChatJsonSupport.CountingStream in;
        private final ChatJsonSupport.Times times;
        private final Map<String, Chat> chats = new LinkedHashMap<>();
        private String selfId;
        private final ChatJsonSupport.Records records = new ChatJsonSupport.Records();

        Run(ParseContext context, MessageSink sink, JsonParser p, ChatJsonSupport.CountingStream in) {
            this.context = context;
            this.sink = sink;
            this.p = p;
            this.in = in;
            this.times = new ChatJsonSupport.Times(context);
        }

        void run() throws IOException {
            if (ChatJsonSupport.firstToken(p) != JsonToken.START_ARRAY) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            try {
                ChatJsonSupport.readRecords(p, context, in, records, this::readRecord);
            } catch (IOException e) {
                if (!(e instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
                    throw e;
                }
                ChatJsonSupport.rejectBroken(context, p, records, e);
            }
            finish();
        }

        private void readRecord(long record) throws IOException {
            Long seq = null;
            String time = null;
            String talker = null;
            String talkerName = null;
            Boolean isChatRoom = null;
            String sender = null;
            String senderName = null;
            boolean isSelf = false;
            Long type = null;
            long subType = 0;
            String content = null;
            boolean sawTalker = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "seq" -> seq = ChatJsonSupport.longValue(p, v);
                    case "time" -> time = ChatJsonSupport.text(p, v);
                    case "talker" -> {
                        talker = ChatJsonSupport.text(p, v);
                        sawTalker = true;
                    }
                    case "talkerName" -> talkerName = ChatJsonSupport.text(p, v);
                    case "isChatRoom" -> isChatRoom = ChatJsonSupport.bool(p, v);
                    case "sender" -> sender = ChatJsonSupport.text(p, v);
                    case "senderName" -> senderName = ChatJsonSupport.text(p, v);
                    case "isSelf" -> isSelf = Boolean.TRUE.equals(ChatJsonSupport.bool(p, v));
                    case "type" -> type = ChatJsonSupport.longValue(p, v);
                    case "subType" -> {
                        Long s = ChatJsonSupport.longValue(p, v);
                        subType = s == null ? 0 : s;
                    }
                    case "content" -> content = ChatJsonSupport.text(p, v);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, t, "end of input in record");
            }
            if (record == 1 && !sawTalker && seq == null) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            Long epoch = time == null ? noTime(seq, record) : times.parse(time, record);
            if (epoch == null) {
                return;
            }
            talker = ChatJsonSupport.blankToNull(talker);
            talkerName = ChatJsonSupport.blankToNull(talkerName);
            boolean system = ChatlogCsvFormat.SYSTEM_SENDER.equals(sender);
            MessageKind kind = system ? MessageKind.SYSTEM
                    : type == null ? MessageKind.APP : WeChatCodes.kind(type, subType);
            sender = ChatJsonSupport.blankToNull(sender);
            senderName = ChatJsonSupport.blankToNull(senderName);
            boolean self = false;
            if (kind == MessageKind.SYSTEM) {
                sender = null;
                senderName = null;
            } else {
                self = isSelf;
            }
            if (talker != null) {
                Chat chat = chats.computeIfAbsent(talker, k -> new Chat());
                if (chat.name == null) {
                    chat.name = talkerName;
                }
                if (chat.group == null) {
                    chat.group = isChatRoom != null ? isChatRoom : talker.endsWith("@chatroom");
                }
                if (self && sender != null && chat.selfId == null) {
                    chat.selfId = sender;
                }
            }
            if (self && sender != null && selfId == null) {
                selfId = sender;
            }
            sink.message(new ParsedMessage(talker, talkerName, epoch, times.exact, sender, senderName, self, kind,
                    content, record));
        }

        /** A record without {@code time}: chatlog's {@code seq} starts with the send time in seconds. */
        private Long noTime(Long seq, long record) {
            if (seq != null && seq > 1_000_000_000_000L) {
                return times.epoch(seq / 1000, record);
            }
            context.reject(record, "import.reject.noTime");
            return null;
        }

        private void finish() {
            for (Map.Entry<String, Chat> e : chats.entrySet()) {
                Chat c = e.getValue();
                sink.chat(new ChatInfo(e.getKey(), c.name, c.group, c.selfId != null ? c.selfId : selfId, null,
                        null));
            }
            context.progress(in.count());
        }
    }
}
