package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WeFlow's JSON export of one chat (WeChat 4.x): {@code {weflow:{version, exportedAt}, session:{wxid, nickname,
 * remark, displayName, type:"群聊"|"私聊"}, messages:[{localId, createTime, formattedTime, type, localType, content,
 * isSend, senderUsername, senderDisplayName, …}], avatars?}}, and its {@code arkme-json} variant
 * ({@code weflow.format = "arkme-json"}), where messages name their sender by {@code senderID} into a
 * {@code senders:[{senderID, wxid, displayName, …}]} table and a {@code groupMembers:[{wxid, displayName,
 * groupNickname, messageCount, …}]} list follows the messages.
 *
 * <p><b>Key order.</b> The top-level keys are read in whatever order they come and messages are streamed as they
 * come, never buffered. The {@code weflow} header must come before {@code messages} (WeFlow always writes it first;
 * detection needs it in the file's head anyway). When {@code session} comes first (WeFlow's order) every message
 * carries the chat's id and name; when {@code messages} come before {@code session}, the messages are emitted with a
 * null {@code chatId}/{@code chatName}. That is fine because WeFlow files hold exactly one chat: the importer maps
 * all messages of a single-chat file to one group. The {@link ChatInfo} is emitted once, after the whole file
 * was read, so it can carry the exporting account's wxid (the sender of the first {@code isSend} message) and the
 * {@code groupMembers} list written after the messages. A member list is only reported when it was read to its end
 * (a cut list would look like departures).
 *
 * <p><b>Kind.</b> {@code localType} wins when present (split when it is a 4.x combined value); a bare 49 without
 * SubType takes the label WeFlow derived from the message XML ({@code 文件消息}, {@code 转账消息}, {@code 引用消息} …),
 * and the label {@code 系统消息} always means a system notice. Without {@code localType} the Chinese {@code type}
 * label decides ({@link WeChatCodes#kindOfLabel}); unknown ones are {@link MessageKind#APP}.
 *
 * <p><b>Self.</b> {@code isSend} 1 or true; system notices (WeFlow writes {@code isSend} as {@code msg.isSend ? 1 :
 * 0}, older builds null) are never self and have no sender. {@code line} is the 1-based record number in {@code messages}.
 */
public final class WeFlowFormat implements ChatFormat {

    public static final String ID = "weflow";
    private static final String NAME = "WeFlow";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        ChatJsonSupport.Peek peek = ChatJsonSupport.peek(sniff.head());
        return !peek.array() && peek.has("weflow");
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (ChatJsonSupport.CountingStream in = ChatJsonSupport.CountingStream.open(sniff.file());
             JsonParser p = ChatJsonSupport.parser(sniff, in)) {
            new Run(context, sink, p, in).run();
        }
    }

    /**
     * The family of a WeFlow message from its {@code localType} (may be null) and Chinese {@code type} label (may be
     * null).
     */
    static MessageKind kindOf(Long localType, String label) {
        MessageKind byLabel = WeChatCodes.kindOfLabel(label);
        if (byLabel == MessageKind.SYSTEM) {
            return MessageKind.SYSTEM;
        }
        if (localType != null) {
            long type = WeChatCodes.type(localType);
            long sub = WeChatCodes.subType(localType);
            if (type == 49 && sub == 0 && byLabel != null) {
                return byLabel;
            }
            if (WeChatCodes.knownType(type)) {
                return WeChatCodes.kind(type, sub);
            }
        }
        return byLabel != null ? byLabel : MessageKind.APP;
    }

    private record Sender(String wxid, String name) {
    }

    private static final class Run {
        private final ParseContext context;
        private final MessageSink sink;
        private final JsonParser p;
        private final ChatJsonSupport.CountingStream in;
        private final ChatJsonSupport.Times times;
        private final Map<Long, Sender> senders = new HashMap<>();
        private boolean header;
        private Long exportedAt;
        private boolean session;
        private String chatId;
        private String chatName;
        private Boolean group;
        private String selfId;
        private List<String> members;
        private final ChatJsonSupport.Records records = new ChatJsonSupport.Records();

        Run(ParseContext context, MessageSink sink, JsonParser p, ChatJsonSupport.CountingStream in) {
            this.context = context;
            this.sink = sink;
            this.p = p;
            this.in = in;
            this.times = new ChatJsonSupport.Times(context);
        }

        void run() throws IOException {
            if (ChatJsonSupport.firstToken(p) != JsonToken.START_OBJECT) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            try {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "weflow" -> readHeader(v);
                        case "session" -> readSession(v);
                        case "senders" -> readSenders(v);
                        case "messages" -> readMessages(v);
                        case "groupMembers" -> readMembers(v);
                        default -> p.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.io.JsonEOFException(p, t, "end of input");
                }
            } catch (JsonProcessingException e) {
                if (!header) {
                    throw new ImportFormatException(ChatJsonSupport.textLine(p), "import.error.json",
                            ChatJsonSupport.shortMessage(e));
                }
                ChatJsonSupport.rejectBroken(context, p, records, e);
            }
            if (!header) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            if (session || members != null) {
                sink.chat(new ChatInfo(chatId, chatName, group, selfId, members, members == null ? null : exportedAt));
            }
            context.progress(in.count());
        }

        private void readHeader(JsonToken v) throws IOException {
            if (v != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            JsonNode node = p.readValueAsTree();
            header = true;
            JsonNode at = node.get("exportedAt");
            if (at != null && at.isNumber()) {
                exportedAt = ChatJsonSupport.epochSecond(at.asLong());
            } else if (at != null && at.isTextual()) {
                Long n = ChatJsonSupport.parseLong(at.asText());
                if (n != null) {
                    exportedAt = ChatJsonSupport.epochSecond(n);
                } else {
                    LocalTimes.Parsed parsed = LocalTimes.parse(at.asText(), context.zone());
                    exportedAt = parsed == null ? null : parsed.epochSecond();
                }
            }
        }

        private void readSession(JsonToken v) throws IOException {
            if (v != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            JsonNode node = p.readValueAsTree();
            session = true;
            chatId = ChatJsonSupport.blankToNull(node.path("wxid").asText(null));
            chatName = firstNonBlank(node.path("displayName").asText(null), node.path("remark").asText(null),
                    node.path("nickname").asText(null));
            String type = node.path("type").asText("");
            group = type.equals("群聊") ? Boolean.TRUE
                    : type.equals("私聊") ? Boolean.FALSE
                    : chatId == null ? null : chatId.endsWith("@chatroom");
        }

        private void readSenders(JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                JsonNode node = p.readValueAsTree();
                JsonNode id = node.get("senderID");
                if (id != null && id.canConvertToLong()) {
                    senders.put(id.asLong(), new Sender(senderId(node.path("wxid").asText(null)),
                            firstNonBlank(node.path("displayName").asText(null),
                                    node.path("groupNickname").asText(null), node.path("nickname").asText(null))));
                }
            }
            endArray(t);
        }

        private void readMembers(JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            List<String> ids = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                JsonNode node = p.readValueAsTree();
                String wxid = ChatJsonSupport.blankToNull(node.path("wxid").asText(null));
                if (wxid != null) {
                    ids.add(wxid);
                }
            }
            endArray(t);
            members = ids;
        }

        private void endArray(JsonToken t) throws IOException {
            if (t == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in array");
            }
            if (t != JsonToken.END_ARRAY) {
                p.skipChildren();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (n == null) {
                        throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input in array");
                    }
                    p.skipChildren();
                }
            }
        }

        private void readMessages(JsonToken v) throws IOException {
            if (!header) {
                throw new ImportFormatException(ChatJsonSupport.textLine(p), "import.error.notFormat", NAME);
            }
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            ChatJsonSupport.readRecords(p, context, in, records, this::readMessage);
        }

        private void readMessage(long record) throws IOException {
            Long createTime = null;
            String formattedTime = null;
            String label = null;
            Long localType = null;
            String content = null;
            Boolean isSend = null;
            String username = null;
            String displayName = null;
            Long senderIndex = null;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "createTime" -> createTime = ChatJsonSupport.longValue(p, v);
                    case "formattedTime" -> formattedTime = ChatJsonSupport.text(p, v);
                    case "type" -> label = ChatJsonSupport.text(p, v);
                    case "localType" -> localType = ChatJsonSupport.longValue(p, v);
                    case "content" -> content = ChatJsonSupport.text(p, v);
                    case "isSend" -> isSend = ChatJsonSupport.bool(p, v);
                    case "senderUsername" -> username = ChatJsonSupport.text(p, v);
                    case "senderDisplayName" -> displayName = ChatJsonSupport.text(p, v);
                    case "senderID" -> senderIndex = ChatJsonSupport.longValue(p, v);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(p, t, "end of input in record");
            }
            Long epoch;
            if (createTime != null) {
                epoch = times.epoch(createTime, record);
            } else if (formattedTime != null) {
                epoch = times.parse(formattedTime, record);
            } else {
                context.reject(record, "import.reject.noTime");
                return;
            }
            if (epoch == null) {
                return;
            }
            String senderId = senderId(username);
            String senderName = ChatJsonSupport.blankToNull(displayName);
            if (senderId == null && senderIndex != null) {
                Sender s = senders.get(senderIndex);
                if (s != null) {
                    senderId = s.wxid();
                    if (senderName == null) {
                        senderName = s.name();
                    }
                }
            }
            MessageKind kind = kindOf(localType, label);
            boolean self = false;
            if (kind == MessageKind.SYSTEM) {
                senderId = null;
                senderName = null;
            } else {
                self = Boolean.TRUE.equals(isSend);
                if (self && senderId != null && selfId == null) {
                    selfId = senderId;
                }
            }
            sink.message(new ParsedMessage(chatId, chatName, epoch, times.exact, senderId, senderName, self, kind,
                    content, record));
        }

        /** A sender wxid, or null for none: blank, WeFlow's {@code unknown} placeholder, or the chat room itself. */
        private static String senderId(String wxid) {
            String s = ChatJsonSupport.blankToNull(wxid);
            if (s == null || s.equals("unknown") || s.endsWith("@chatroom")) {
                return null;
            }
            return s.strip();
        }

        private static String firstNonBlank(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
            return null;
        }
    }
}
