package com.qundesk.imports.chat;

import com.qundesk.imports.chat.RealExports.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static com.qundesk.imports.chat.RealExports.OWNER;
import static com.qundesk.imports.chat.RealExports.name;

/** The CSV exporters of {@link RealExports}, each with its writer's line ends, BOM and quoting. */
final class RealExportsCsv {

    private static final String RED_PACKET_XML = "<msg><appmsg appid=\"\" sdkver=\"0\"><title>微信红包</title>"
            + "<des>恭喜发财，大吉大利</des><type>2001</type></appmsg></msg>";
    private static final String IMAGE_XML = "<?xml version=\"1.0\"?><msg><img aeskey=\"3b9f\" length=\"20480\" /></msg>";

    private RealExportsCsv() {
    }

    /**
     * WeChatMsg's per-chat file {@code <remark>(<wxid>)/<remark>.csv}: Python's {@code csv.writer} (QUOTE_MINIMAL,
     * {@code \r\n}), {@code utf-8-sig}; Type/SubType codes; notices without a sender.
     */
    static Path wechatMsg(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder(
                "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n");
        int id = 1;
        for (Event e : events) {
            int[] code = switch (e.what()) {
                case TEXT -> new int[]{1, 0};
                case IMAGE -> new int[]{3, 0};
                case RED_PACKET -> new int[]{49, 2001};
                case RECALL -> new int[]{10000, 1};
                case JOIN -> new int[]{10000, 0};
                case PAT -> new int[]{10000, 4};
            };
            String content = e.what() == RealExports.What.IMAGE ? IMAGE_XML
                    : e.what() == RealExports.What.RED_PACKET ? RED_PACKET_XML : e.text();
            boolean self = e.bySelf();
            String sender = e.sender() == null ? "" : e.sender();
            row(sb, "\r\n", false, String.valueOf(id++), "12", String.valueOf(code[0]), String.valueOf(code[1]),
                    self ? "1" : "0", String.valueOf(e.epoch()), "2", content, e.local(), name(e.sender()),
                    name(e.sender()), sender);
        }
        Path file = dir.resolve(chat.name() + "(" + chat.id() + ")").resolve(chat.name() + ".csv");
        RealExports.write(file, sb.toString(), true);
        return file;
    }

    /**
     * A PyWxDump 3.x page in {@code <my_wxid>/csv/<chat_id>/<chat_id>_0_5000.csv}, with users.json beside it:
     * Python's {@code csv.writer} ({@code \r\n}), UTF-8 without BOM, local times, {@code type_converter}'s labels
     * (a recall {@code 消息撤回1} with talker {@code 未知}, a red packet {@code 未知}), the owner's talker {@code 我}.
     */
    static Path pyWxDump(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder("id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\r\n");
        int id = 1;
        for (Event e : events) {
            String label = switch (e.what()) {
                case TEXT -> "文本";
                case IMAGE -> "图片";
                case RED_PACKET -> "未知";
                case RECALL -> "消息撤回1";
                case JOIN -> "系统通知";
                case PAT -> "拍一拍";
            };
            boolean self = e.bySelf();
            String talker = e.what() == RealExports.What.RECALL ? (self ? "我" : "未知")
                    : e.notice() ? "系统" : self ? "我" : e.sender();
            String msg = e.what() == RealExports.What.IMAGE ? "图片"
                    : e.what() == RealExports.What.RED_PACKET ? RED_PACKET_XML : e.text();
            String src = e.what() == RealExports.What.IMAGE ? "FileStorage\\MsgAttach\\9e20\\Image\\2026-11\\a1.dat" : "";
            row(sb, "\r\n", false, String.valueOf(id), String.valueOf(7_390_000_000_000_000_000L + id * 7919L), label,
                    self ? "1" : "0", talker, chat.id(), msg, src, e.local());
            id++;
        }
        Path folder = dir.resolve(OWNER).resolve("csv").resolve(chat.id());
        Path page = folder.resolve(chat.id() + "_0_5000.csv");
        RealExports.write(page, sb.toString(), false);
        StringBuilder users = new StringBuilder("{\n    \"" + chat.id() + "\": {\n        \"wxid\": \"" + chat.id()
                + "\",\n        \"nickname\": \"" + chat.name() + "\",\n        \"remark\": \"\",\n        \"extra\": {\n"
                + "            \"wxid\": \"" + chat.id() + "\",\n            \"roomWxids\": [");
        String sep = "\n";
        for (String wxid : RealExports.NAMES.keySet()) {
            users.append(sep).append("                \"").append(wxid).append('"');
            sep = ",\n";
        }
        users.append("\n            ],\n            \"wxid2userinfo\": {");
        sep = "\n";
        for (var p : RealExports.NAMES.entrySet()) {
            users.append(sep).append("                \"").append(p.getKey()).append("\": {\"wxid\": \"")
                    .append(p.getKey()).append("\", \"nickname\": \"").append(p.getValue())
                    .append("\", \"remark\": \"\", \"roomNickname\": \"").append(p.getValue()).append("\"}");
            sep = ",\n";
        }
        users.append("\n            }\n        }\n    }\n}");
        RealExports.write(folder.resolve("users.json"), users.toString(), false);
        return page;
    }

    /**
     * chatlog's HTTP API CSV ({@code route.go}, {@code Message.CSV}): Go's {@code encoding/csv} ({@code \n}, no
     * BOM), local {@code 2006-01-02 15:04:05}, sender {@code 系统消息} for notices, contents rendered as placeholders.
     */
    static Path chatlogApi(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder("Time,SenderName,Sender,TalkerName,Talker,Content\n");
        for (Event e : events) {
            String sender = e.notice() ? "系统消息" : e.sender();
            String senderName = e.notice() ? "" : name(e.sender());
            row(sb, "\n", true, e.local(), senderName, sender, chat.name(), chat.id(), rendered(e));
        }
        Path file = dir.resolve(chat.id() + "_2026-11-02_2026-11-05.csv");
        RealExports.write(file, sb.toString(), false);
        return file;
    }

    /**
     * The {@code chatlog export} command's CSV ({@code internal/export/export.go}): Go's {@code encoding/csv},
     * {@code IsSelf} as {@code true}/{@code false}, {@code Type} the 3.x code and {@code TypeDesc} its name
     * ({@code 应用消息(2001)} for a red packet).
     */
    static Path chatlogExport(Path dir, RealExports.Chat chat, List<Event> events) throws IOException {
        StringBuilder sb = new StringBuilder("Time,Talker,TalkerName,Sender,SenderName,IsSelf,Type,TypeDesc,Content\n");
        for (Event e : events) {
            String[] type = switch (e.what()) {
                case TEXT -> new String[]{"1", "文本消息"};
                case IMAGE -> new String[]{"3", "图片消息"};
                case RED_PACKET -> new String[]{"49", "应用消息(2001)"};
                case RECALL, JOIN, PAT -> new String[]{"10000", "系统消息"};
            };
            String sender = e.sender() == null ? "" : e.sender();
            row(sb, "\n", true, e.local(), chat.id(), chat.name(), sender, name(e.sender()), String.valueOf(e.self()), type[0],
                    type[1], rendered(e));
        }
        Path file = dir.resolve("chatlog_export.csv");
        RealExports.write(file, sb.toString(), false);
        return file;
    }

    static String rendered(Event e) {
        return switch (e.what()) {
            case IMAGE -> "![图片](http://127.0.0.1:5030/image/3b9f)";
            case RED_PACKET -> "[红包]恭喜发财，大吉大利";
            default -> e.text();
        };
    }

    /**
     * One CSV record: a cell is quoted when it holds a comma, a quote or a line break (Python's QUOTE_MINIMAL), or,
     * for Go's writer, also when it starts with a space or tab.
     */
    private static void row(StringBuilder sb, String eol, boolean go, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                    || go && !c.isEmpty() && (c.charAt(0) == ' ' || c.charAt(0) == '\t');
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        sb.append(eol);
    }
}
