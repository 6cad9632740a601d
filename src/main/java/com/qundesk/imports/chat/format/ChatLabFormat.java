package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.Sniff;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * ChatLab's interchange format, written by ChatLab itself, WeFlow and chatlog forks, in two shapes:
 * <ul>
 * <li>JSON: {@code {chatlab:{version, exportedAt}, meta:{name, platform, type:"group"|"private", groupId, ownerId},
 * members:[{platformId, accountName, groupNickname, roles}], messages:[{sender, accountName, groupNickname, timestamp,
 * type, content, platformMessageId, replyToMessageId}]}}, top-level keys in any order, messages streamed;</li>
 * <li>JSONL: one JSON object per line. The first line(s) hold the header ({@code {"_type":"header", "chatlab":…,
 * "meta":…}}, or the same without {@code _type}) and the members ({@code {"_type":"member", "platformId":…}}), then
 * one message per line ({@code {"_type":"message", "sender":…, "timestamp":…}}; a line without {@code _type} is
 * told by its keys). A line that is not valid JSON is rejected with its line number and the rest imports.</li>
 * </ul>
 * Detection is by content: a top-level {@code chatlab} key, or a first line whose {@code _type} is header, member or
 * message. The JSONL shape is chosen when the first line is a complete object without {@code messages}, or has
 * {@code _type}.
 *
 * <p>{@code timestamp} is epoch seconds or milliseconds (above 10^11 it is milliseconds). Types map by
 * {@link ChatLabTypes}. Self is {@code sender == meta.ownerId} (so the meta must come before the messages, as every
 * writer puts it). Members go to {@link ChatInfo#members()} as platform ids, only when the whole list was read: a
 * member list cut short would look like departures. Note that writers build that list from the current roster and
 * from the senders seen, so it may name people who have left. The {@link ChatInfo} is emitted after the last record.
 * {@code line} is the 1-based record number in {@code messages} (JSON) or the text line (JSONL).
 */
public final class ChatLabFormat implements ChatFormat {

    public static final String ID = "chatlab";
    private static final String NAME = "ChatLab";

    @Override
    public boolean membersAreRoster() {
        // ChatLab builds its member list from the roster plus everyone seen sending: people who left are in it
        return false;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean accepts(Sniff sniff) {
        ChatJsonSupport.Peek peek = ChatJsonSupport.peek(sniff.head());
        if (peek.array()) {
            return false;
        }
        if (peek.has("chatlab")) {
            return true;
        }
        String type = peek.keys().get("_type");
        return "header".equals(type) || "member".equals(type) || "message".equals(type);
    }

    /** True when the file is the line-per-record shape. */
    static boolean isJsonLines(Sniff sniff) {
        String head = sniff.head().stripLeading();
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        ChatJsonSupport.Peek peek = ChatJsonSupport.peek(first);
        if (peek.has("_type")) {
            return true;
        }
        return peek.complete() && !peek.has("messages") && nl >= 0;
    }

    @Override
    public void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException {
        try (ChatJsonSupport.CountingStream in = ChatJsonSupport.CountingStream.open(sniff.file())) {
            Run run = new Run(context, sink, in);
            if (isJsonLines(sniff)) {
                try (BufferedReader reader = ChatJsonSupport.reader(in, sniff.charset())) {
                    run.lines(reader);
                }
            } else {
                try (JsonParser p = ChatJsonSupport.parser(sniff, in)) {
                    run.json(p);
                }
            }
        }
    }

    /** One object's fields, whatever kind of record it turns out to be. */
    private static final class Rec {
        String kind;
        JsonNode chatlab;
        JsonNode meta;
        List<String> members;
        boolean hasMessages;
        String platformId;
        String sender;
        String accountName;
        String groupNickname;
        Long timestamp;
        String timestampText;
        Long type;
        String content;
    }

    private static final class Run {
        private final ParseContext context;
        private final MessageSink sink;
        private final ChatJsonSupport.CountingStream in;
        private final ChatJsonSupport.Times times;
        private boolean header;
        private boolean metaSeen;
        private Long exportedAt;
        private String chatId;
        private String chatName;
        private Boolean group;
        private String ownerId;
        private List<String> members;

        Run(ParseContext context, MessageSink sink, ChatJsonSupport.CountingStream in) {
            this.context = context;
            this.sink = sink;
            this.in = in;
            this.times = new ChatJsonSupport.Times(context);
        }

        // ---- JSON

        void json(JsonParser p) throws IOException {
            if (ChatJsonSupport.firstToken(p) != JsonToken.START_OBJECT) {
                throw new ImportFormatException(1, "import.error.notFormat", NAME);
            }
            ChatJsonSupport.Records records = new ChatJsonSupport.Records();
            try {
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "chatlab" -> {
                            if (v == JsonToken.START_OBJECT) {
                                header(p.readValueAsTree());
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "meta" -> {
                            if (v == JsonToken.START_OBJECT) {
                                meta(p.readValueAsTree());
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "members" -> members = memberArray(p, v);
                        case "messages" -> {
                            if (!header) {
                                throw new ImportFormatException(ChatJsonSupport.textLine(p), "import.error.notFormat",
                                        NAME);
                            }
                            if (v != JsonToken.START_ARRAY) {
                                p.skipChildren();
                                break;
                            }
                            ChatJsonSupport.readRecords(p, context, in, records, n -> message(readRec(p), n));
                        }
                        default -> p.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw eof(p);
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
            finish();
        }

        /** A {@code members} array's platform ids, or null when it is not an array. */
        private List<String> memberArray(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_ARRAY) {
                p.skipChildren();
                return null;
            }
            List<String> ids = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw eof(p);
                }
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                Rec r = readRec(p);
                String id = ChatJsonSupport.blankToNull(r.platformId);
                if (id != null) {
                    ids.add(id.strip());
                }
            }
            return ids;
        }

        // ---- JSONL

        void lines(BufferedReader reader) throws IOException {
            long lineNo = 0;
            long firstMessageLine = 0;
            long firstBrokenLine = 0;
            List<String> lineMembers = null;
            boolean any = false;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                tick(lineNo);
                String s = line.strip();
                if (s.isEmpty() || s.charAt(0) == '#') {
                    continue;
                }
                Rec r;
                try (JsonParser p = ChatJsonSupport.FACTORY.createParser(s)) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        context.reject(lineNo, "import.reject.record");
                        continue;
                    }
                    r = readRec(p);
                    if (p.nextToken() != null) {
                        throw new com.fasterxml.jackson.core.JsonParseException(p, "text after the object");
                    }
                } catch (JsonProcessingException e) {
                    if (firstBrokenLine == 0) {
                        firstBrokenLine = lineNo;
                    }
                    context.reject(lineNo, "import.reject.jsonLine");
                    continue;
                }
                String kind = r.kind;
                if (!any) {
                    // the first record must say it is ChatLab: a typed record or the chatlab header
                    boolean typed = "header".equals(kind) || "member".equals(kind) || "message".equals(kind);
                    if (!typed && r.chatlab == null) {
                        throw new ImportFormatException(lineNo, "import.error.notFormat", NAME);
                    }
                    any = true;
                }
                if (kind == null) {
                    kind = r.chatlab != null || r.meta != null ? "header"
                            : r.timestamp != null || r.timestampText != null || r.sender != null ? "message"
                            : r.platformId != null ? "member" : "";
                }
                switch (kind) {
                    case "header" -> {
                        if (r.chatlab != null) {
                            header(r.chatlab);
                        } else {
                            header = true;
                        }
                        if (r.meta != null) {
                            meta(r.meta);
                        }
                        if (r.members != null) {
                            lineMembers = lineMembers == null ? new ArrayList<>() : lineMembers;
                            lineMembers.addAll(r.members);
                        }
                    }
                    case "member" -> {
                        String id = ChatJsonSupport.blankToNull(r.platformId);
                        if (id != null) {
                            lineMembers = lineMembers == null ? new ArrayList<>() : lineMembers;
                            lineMembers.add(id.strip());
                        }
                    }
                    case "message" -> {
                        if (firstMessageLine == 0) {
                            firstMessageLine = lineNo;
                        }
                        message(r, lineNo);
                    }
                    default -> context.reject(lineNo, "import.reject.record");
                }
            }
            if (!any && firstBrokenLine == 0) {
                throw new ImportFormatException(0, "import.error.empty");
            }
            // a broken line before the messages may have been a member: then the list is not the whole roster
            boolean membersWhole = firstBrokenLine == 0 || (firstMessageLine != 0 && firstBrokenLine > firstMessageLine);
            members = membersWhole ? lineMembers : null;
            finish();
        }

        // ---- shared

        private void tick(long n) {
            if (n % ChatJsonSupport.CHECK_EVERY == 0) {
                context.checkCancelled();
                context.progress(in.count());
            }
        }

        private void header(JsonNode node) {
            header = true;
            JsonNode at = node.get("exportedAt");
            if (at != null && at.canConvertToLong()) {
                exportedAt = ChatJsonSupport.epochSecond(at.asLong());
            } else if (at != null && at.isTextual()) {
                Long n = ChatJsonSupport.parseLong(at.asText());
                exportedAt = n == null ? null : ChatJsonSupport.epochSecond(n);
            }
        }

        private void meta(JsonNode node) {
            metaSeen = true;
            chatId = ChatJsonSupport.blankToNull(node.path("groupId").asText(null));
            chatName = ChatJsonSupport.blankToNull(node.path("name").asText(null));
            String type = node.path("type").asText("");
            group = type.equals("group") ? Boolean.TRUE : type.equals("private") ? Boolean.FALSE : null;
            String owner = ChatJsonSupport.blankToNull(node.path("ownerId").asText(null));
            ownerId = owner == null ? null : owner.strip();
        }

        private Rec readRec(JsonParser p) throws IOException {
            Rec r = new Rec();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "_type" -> r.kind = ChatJsonSupport.text(p, v);
                    case "chatlab" -> r.chatlab = tree(p, v);
                    case "meta" -> r.meta = tree(p, v);
                    case "members" -> r.members = memberArray(p, v);
                    case "messages" -> {
                        r.hasMessages = true;
                        p.skipChildren();
                    }
                    case "platformId" -> r.platformId = ChatJsonSupport.text(p, v);
                    case "sender" -> r.sender = ChatJsonSupport.text(p, v);
                    case "accountName" -> r.accountName = ChatJsonSupport.text(p, v);
                    case "groupNickname" -> r.groupNickname = ChatJsonSupport.text(p, v);
                    case "timestamp" -> {
                        if (v == JsonToken.VALUE_STRING) {
                            r.timestampText = p.getText();
                            r.timestamp = ChatJsonSupport.parseLong(r.timestampText);
                        } else {
                            r.timestamp = ChatJsonSupport.longValue(p, v);
                        }
                    }
                    case "type" -> r.type = ChatJsonSupport.longValue(p, v);
                    case "content" -> r.content = ChatJsonSupport.text(p, v);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw eof(p);
            }
            return r;
        }

        private static JsonNode tree(JsonParser p, JsonToken v) throws IOException {
            if (v != JsonToken.START_OBJECT) {
                p.skipChildren();
                return null;
            }
            return p.readValueAsTree();
        }

        private void message(Rec r, long line) {
            Long epoch;
            if (r.timestamp != null) {
                epoch = times.epoch(r.timestamp, line);
            } else if (r.timestampText != null) {
                epoch = times.parse(r.timestampText, line);
            } else {
                context.reject(line, "import.reject.noTime");
                return;
            }
            if (epoch == null) {
                return;
            }
            MessageKind kind = r.type == null ? MessageKind.APP : ChatLabTypes.kind(r.type);
            String senderId = ChatJsonSupport.blankToNull(r.sender);
            String senderName = ChatJsonSupport.blankToNull(r.groupNickname);
            if (senderName == null) {
                senderName = ChatJsonSupport.blankToNull(r.accountName);
            }
            boolean self = false;
            if (kind == MessageKind.SYSTEM) {
                senderId = null;
                senderName = null;
            } else if (senderId != null) {
                senderId = senderId.strip();
                self = senderId.equals(ownerId);
            }
            sink.message(new ParsedMessage(chatId, chatName, epoch, times.exact, senderId, senderName, self, kind,
                    r.content, line));
        }

        private void finish() {
            if (metaSeen || members != null) {
                sink.chat(new ChatInfo(chatId, chatName, group, ownerId, members, members == null ? null : exportedAt));
            }
            context.progress(in.count());
        }

        private static com.fasterxml.jackson.core.io.JsonEOFException eof(JsonParser p) {
            return new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "end of input");
        }
    }
}
