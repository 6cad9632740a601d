package com.qundesk.imports.chat;

import com.qundesk.imports.chat.RealExports.Event;
import com.qundesk.imports.chat.RealExports.What;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.qundesk.imports.chat.RealExports.NAMES;
import static com.qundesk.imports.chat.RealExports.OWNER;
import static com.qundesk.imports.chat.RealExports.ZONE;
import static com.qundesk.imports.chat.RealExports.name;

/** The JSON exporters of {@link RealExports}: chatlog's {@code export} JSON, WeFlow json and arkme-json, ChatLab. */
final class RealExportsJson {

    /** WeChat 4.x {@code local_type} of a red packet (49/2001) and of a pat (49/62): {@code SubType << 32 | Type}. */
    private static final long RED_PACKET_4X = (2001L << 32) | 49;
    private static final long PAT_4X = (62L << 32) | 49;

    private RealExportsJson() {
    }

    /**
     * The {@code chatlog export --format json} file ({@code exportJSON}): Go's {@code json.Encoder} with two-space
     * indent (it escapes {@code <}, {@code >}, {@code &}), RFC 3339 times with the offset, a final newline.
     */
    static Path chatlog(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        long seq = 1_762_044_000_000L;
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            long[] type = switch (e.what()) {
                case TEXT -> new long[]{1, 0};
                case IMAGE -> new long[]{3, 0};
                case RED_PACKET -> new long[]{49, 2001};
                case RECALL, JOIN -> new long[]{10000, 0};
                case PAT -> new long[]{49, 62};
            };
            String desc = switch (e.what()) {
                case TEXT -> "文本消息";
                case IMAGE -> "图片消息";
                case RED_PACKET -> "应用消息(2001)";
                case PAT -> "拍一拍";
                default -> "系统消息";
            };
            String time = e.at().atZone(ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            sb.append("  {\n    \"seq\": ").append(seq + i * 1000L).append(",\n    \"time\": ").append(go(time))
                    .append(",\n    \"talker\": ").append(go(chat.id())).append(",\n    \"talkerName\": ").append(go(chat.name()))
                    .append(",\n    \"isChatRoom\": true,\n    \"sender\": ").append(go(e.sender() == null ? "" : e.sender()))
                    .append(",\n    \"senderName\": ").append(go(name(e.sender()))).append(",\n    \"isSelf\": ")
                    .append(e.self()).append(",\n    \"type\": ").append(type[0]).append(",\n    \"subType\": ")
                    .append(type[1]).append(",\n    \"content\": ").append(go(RealExportsCsv.rendered(e)))
                    .append(",\n    \"typeDesc\": ").append(go(desc)).append("\n  }")
                    .append(i + 1 < events.size() ? ",\n" : "\n");
        }
        sb.append("]\n");
        Path file = dir.resolve("chatlog_export.json");
        RealExports.write(file, sb.toString(), false);
        return file;
    }

    /**
     * WeFlow's {@code exportSessionToDetailedJson}: {@code JSON.stringify(…, null, 2)}, UTF-8, no BOM; {@code isSend}
     * 1/0; {@code localType} the 4.x value and {@code type} from {@code getMessageTypeName}. The arkme-json variant
     * names senders by {@code senderID} into {@code senders} (numbered in message order, {@code unknown} for none)
     * and lists {@code groupMembers} after the messages, most messages first.
     */
    static Path weflow(Path dir, RealExports.Chat chat, List<Event> events, boolean arkme) throws IOException {
        List<String> messages = new ArrayList<>();
        Map<String, Integer> senderIds = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int localId = 1;
        for (Event e : events) {
            long localType = switch (e.what()) {
                case TEXT -> 1;
                case IMAGE -> 3;
                case RED_PACKET -> RED_PACKET_4X;
                case PAT -> PAT_4X;
                case RECALL, JOIN -> 10000;
            };
            String label = switch (e.what()) {
                case TEXT -> "文本消息";
                case IMAGE -> "图片消息";
                case RED_PACKET, PAT -> "其他消息";
                case RECALL, JOIN -> "系统消息";
            };
            String content = switch (e.what()) {
                case IMAGE -> "[图片]";
                case RED_PACKET -> "[红包] 恭喜发财，大吉大利";
                default -> e.text();
            };
            boolean send = e.bySelf();
            String username = e.sender() == null ? "" : e.sender();
            if (e.sender() != null) {
                counts.merge(e.sender(), 1, Integer::sum);
            }
            StringBuilder m = new StringBuilder("    {\n      \"localId\": ").append(localId++)
                    .append(",\n      \"createTime\": ").append(e.epoch()).append(",\n      \"formattedTime\": ")
                    .append(js(e.local())).append(",\n      \"type\": ").append(js(label))
                    .append(",\n      \"localType\": ").append(localType).append(",\n      \"content\": ")
                    .append(js(content)).append(",\n      \"isSend\": ").append(send ? 1 : 0);
            if (arkme) {
                String key = username.isEmpty() ? "unknown" : username;
                int id = senderIds.computeIfAbsent(key, k -> senderIds.size() + 1);
                m.append(",\n      \"senderID\": ").append(id).append(",\n      \"source\": \"\"");
            } else {
                m.append(",\n      \"senderUsername\": ").append(js(username)).append(",\n      \"senderDisplayName\": ")
                        .append(js(e.sender() == null ? "" : name(e.sender()))).append(",\n      \"source\": \"\"")
                        .append(",\n      \"senderAvatarKey\": ").append(js(username));
            }
            messages.add(m.append("\n    }").toString());
        }
        long last = events.getLast().epoch();
        StringBuilder sb = new StringBuilder("{\n  \"weflow\": {\n    \"version\": \"1.2.3\",\n    \"exportedAt\": ")
                .append(last + 3600).append(",\n    \"generator\": \"WeFlow\"")
                .append(arkme ? ",\n    \"format\": \"arkme-json\"" : "").append("\n  },\n  \"session\": {\n    \"wxid\": ")
                .append(js(chat.id())).append(",\n    \"nickname\": ").append(js(chat.name())).append(",\n    \"remark\": \"\",\n"
                        + "    \"displayName\": ").append(js(chat.name())).append(",\n    \"type\": \"群聊\",\n"
                        + "    \"lastTimestamp\": ").append(last).append(",\n    \"messageCount\": ")
                .append(events.size()).append("\n  },\n");
        if (arkme) {
            sb.append("  \"senders\": [");
            String sep = "\n";
            for (var s : senderIds.entrySet()) {
                String n = s.getKey().equals("unknown") ? "unknown" : name(s.getKey());
                sb.append(sep).append("    {\n      \"senderID\": ").append(s.getValue()).append(",\n      \"wxid\": ")
                        .append(js(s.getKey())).append(",\n      \"displayName\": ").append(js(n))
                        .append(",\n      \"nickname\": ").append(js(n)).append("\n    }");
                sep = ",\n";
            }
            sb.append("\n  ],\n");
        }
        sb.append("  \"messages\": [\n").append(String.join(",\n", messages)).append("\n  ]");
        if (arkme) {
            List<String> members = new ArrayList<>(NAMES.keySet());
            members.sort((a, b) -> counts.getOrDefault(b, 0) - counts.getOrDefault(a, 0));
            sb.append(",\n  \"groupMembers\": [");
            String sep = "\n";
            for (String w : members) {
                sb.append(sep).append("    {\n      \"wxid\": ").append(js(w)).append(",\n      \"displayName\": ")
                        .append(js(name(w))).append(",\n      \"nickname\": ").append(js(name(w)))
                        .append(",\n      \"remark\": \"\",\n      \"alias\": \"\",\n      \"isFriend\": false,\n"
                                + "      \"messageCount\": ").append(counts.getOrDefault(w, 0)).append("\n    }");
                sep = ",\n";
            }
            sb.append("\n  ]");
        }
        sb.append("\n}");
        Path file = dir.resolve((arkme ? "arkme_" : "") + chat.name() + ".json");
        RealExports.write(file, sb.toString(), false);
        return file;
    }

    /**
     * WeFlow's ChatLab writer ({@code exportChatLabWriter.ts}): {@code {chatlab, meta, members, messages}} by
     * {@code JSON.stringify(…, null, 2)}; types 0 text, 1 image, 20 red packet, 22 pat, 80 system, 81 recall; the
     * owner is {@code meta.ownerId}.
     */
    static Path chatLab(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder("{\n  \"chatlab\": {\n    \"version\": \"0.0.2\",\n    \"exportedAt\": ")
                .append(events.getLast().epoch() + 3600).append(",\n    \"generator\": \"WeFlow\"\n  },\n"
                        + "  \"meta\": {\n    \"name\": ").append(js(chat.name()))
                .append(",\n    \"platform\": \"wechat\",\n    \"type\": \"group\",\n    \"groupId\": ").append(js(chat.id()))
                .append(",\n    \"ownerId\": ").append(js(OWNER)).append("\n  },\n  \"members\": [");
        String sep = "\n";
        for (String w : NAMES.keySet()) {
            sb.append(sep).append("    {\n      \"platformId\": ").append(js(w)).append(",\n      \"accountName\": ")
                    .append(js(name(w))).append("\n    }");
            sep = ",\n";
        }
        sb.append("\n  ],\n  \"messages\": [");
        sep = "\n";
        long id = 4_611_686_018_427_387_904L;
        for (Event e : events) {
            int type = switch (e.what()) {
                case TEXT -> 0;
                case IMAGE -> 1;
                case RED_PACKET -> 20;
                case PAT -> 22;
                case JOIN -> 80;
                case RECALL -> 81;
            };
            String content = e.what() == What.IMAGE ? "[图片]"
                    : e.what() == What.RED_PACKET ? "[红包] 恭喜发财，大吉大利" : e.text();
            String sender = e.sender() == null ? chat.id() : e.sender();
            sb.append(sep).append("    {\n      \"sender\": ").append(js(sender)).append(",\n      \"accountName\": ")
                    .append(js(e.sender() == null ? chat.name() : name(e.sender()))).append(",\n      \"timestamp\": ")
                    .append(e.epoch()).append(",\n      \"type\": ").append(type).append(",\n      \"content\": ")
                    .append(js(content)).append(",\n      \"platformMessageId\": ").append(js(Long.toUnsignedString(id++)));
            if ("读完了".equals(e.text())) {
                // a forwarded chat is nested in one message: its records are not messages of this group
                sb.append(",\n      \"chatRecords\": [\n        {\n          \"sender\": \"别的群的人\",\n"
                        + "          \"accountName\": \"别的群的人\",\n          \"timestamp\": ")
                        .append(e.epoch() - 86_400).append(",\n          \"type\": 0,\n"
                        + "          \"content\": \"转发来的一句话\"\n        }\n      ]");
            }
            sb.append("\n    }");
            sep = ",\n";
        }
        sb.append("\n  ]\n}");
        Path file = dir.resolve(chat.name() + "_chatlab.json");
        RealExports.write(file, sb.toString(), false);
        return file;
    }

    /** A JavaScript {@code JSON.stringify} string: quotes, backslashes and control characters escaped, the rest as is. */
    static String js(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** A Go {@code encoding/json} string: as {@link #js}, and {@code <}, {@code >}, {@code &} as {@code \u003c} …. */
    static String go(String s) {
        return js(s).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
