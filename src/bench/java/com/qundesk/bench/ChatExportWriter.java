package com.qundesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes synthesised chats byte for byte as the exporters do (../shared/FORMATS.md §1–2): WeChatMsg's per-chat CSV
 * in {@code <remark>(<id>@chatroom)/<remark>.csv} (UTF-8 with BOM, CRLF rows, RFC 4180 quoting, line feeds inside
 * quoted cells), and PyWxDump 3.x pages {@code <owner>/csv/<chat_id>/<chat_id>_<i>_<j>.csv} of 5,000 rows (UTF-8
 * without BOM, CRLF) with the {@code users.json} beside them. Writing needs no CSV library: the generator must
 * control the exact bytes (BOM, CRLF rows with LF inside cells) that the exporters produce.
 */
final class ChatExportWriter {

    static final int PYWXDUMP_PAGE = 5000;
    private static final String WECHATMSG_HEADER =
            "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender";
    private static final String PYWXDUMP_HEADER = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime";

    private ChatExportWriter() {
    }

    /** Writes a WeChatMsg per-chat export; returns the CSV file. */
    static Path writeWeChatMsg(Path root, String remark, String chatId, ChatSynth synth, Instant from, Instant to,
                               long total, int talkerId) throws IOException {
        Path dir = root.resolve(remark + "(" + chatId + ")");
        Files.createDirectories(dir);
        Path file = dir.resolve(remark + ".csv");
        try (Writer w = writer(file)) {
            w.write('\uFEFF');
            w.write(WECHATMSG_HEADER);
            w.write("\r\n");
            StringBuilder sb = new StringBuilder(512);
            long[] localId = {0};
            LocalClock clock = new LocalClock();
            IoSink sink = m -> {
                sb.setLength(0);
                sb.append(++localId[0]).append(',').append(talkerId).append(',').append(m.kind.type).append(',')
                        .append(m.kind.subType).append(',').append(m.sender == 0 ? '1' : '0').append(',')
                        .append(m.epoch).append(',').append(m.kind.system() ? "4" : (localId[0] % 7 == 0 ? "" : "2"))
                        .append(',');
                quote(sb, m.content);
                sb.append(',');
                clock.append(sb, m.epoch);
                sb.append(',');
                if (m.sender >= 0) {
                    String name = m.sender == 0 ? synth.ownerName() : synth.name(m.sender);
                    quote(sb, m.sender % 5 == 1 ? name + "-备注" : "");
                    sb.append(',');
                    quote(sb, name);
                    sb.append(',').append(synth.wxid(m.sender));
                } else {
                    sb.append(",,");
                }
                sb.append("\r\n");
                w.append(sb);
            };
            synth.generate(from, to, total, sink);
        }
        return file;
    }

    /** Writes a PyWxDump 3.x export of one chat room (pages and users.json); returns the chat's folder. */
    static Path writePyWxDump(Path root, String roomName, String chatId, ChatSynth synth, Instant from, Instant to,
                              long total) throws IOException {
        Path dir = root.resolve(BenchPlan.OWNER_WXID).resolve("csv").resolve(chatId);
        Files.createDirectories(dir);
        writeUsers(dir.resolve("users.json"), roomName, chatId, synth);
        StringBuilder sb = new StringBuilder(512);
        long[] id = {0};
        Writer[] page = {null};
        LocalClock clock = new LocalClock();
        IoSink sink = m -> {
            if (id[0] % PYWXDUMP_PAGE == 0) {
                if (page[0] != null) {
                    page[0].close();
                }
                long start = id[0];
                page[0] = writer(dir.resolve(chatId + "_" + start + "_" + (start + PYWXDUMP_PAGE) + ".csv"));
                page[0].write(PYWXDUMP_HEADER);
                page[0].write("\r\n");
            }
            id[0]++;
            sb.setLength(0);
            boolean self = m.sender == 0;
            String talker = m.sender < 0 ? "系统" : synth.wxid(m.sender);
            sb.append(id[0]).append(',').append(7_000_000_000L + id[0] * 13).append(',').append(m.kind.label)
                    .append(',').append(self ? '1' : '0').append(',').append(talker).append(',').append(chatId)
                    .append(',');
            String src = "";
            String msg = switch (m.kind) {
                case IMAGE -> {
                    src = "File\\" + Long.toHexString(m.epoch) + "\\Image\\" + id[0] + ".dat";
                    yield "图片";
                }
                case VOICE -> "语音时长：" + (1 + (id[0] % 50)) + "秒";
                case VIDEO -> "视频";
                case STICKER -> {
                    src = "http://emoji.qpic.cn/" + Long.toHexString(m.epoch) + ".gif";
                    yield "表情";
                }
                case LINK -> {
                    src = "https://mp.weixin.qq.com/s/" + Long.toString(m.epoch, 36);
                    yield "分享链接";
                }
                case QUOTE -> m.content.substring(m.content.indexOf("<title>") + 7, m.content.indexOf("</title>"))
                        + "\n\n[引用](2024-01-01 00:00:00)" + synth.name(1) + ":收到";
                case PAT -> m.content.substring(m.content.indexOf("<title>") + 7, m.content.indexOf("</title>"));
                case JOIN, REMOVAL, REVOKE, TEXT, AD -> m.content;
            };
            quote(sb, msg);
            sb.append(',');
            quote(sb, src);
            sb.append(',');
            clock.append(sb, m.epoch);
            sb.append("\r\n");
            page[0].append(sb);
        };
        try {
            synth.generate(from, to, total, sink);
        } finally {
            if (page[0] != null) {
                page[0].close();
            }
        }
        return dir;
    }

    private static void writeUsers(Path file, String roomName, String chatId, ChatSynth synth) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode room = root.putObject(chatId);
        room.put("wxid", chatId);
        room.put("nickname", roomName);
        room.put("remark", "");
        ObjectNode extra = room.putObject("extra");
        extra.put("wxid", chatId);
        ArrayNode ids = extra.putArray("roomWxids");
        ObjectNode info = extra.putObject("wxid2userinfo");
        for (int i = 0; i <= synth.memberCount(); i++) {
            ids.add(synth.wxid(i));
            ObjectNode u = info.putObject(synth.wxid(i));
            u.put("wxid", synth.wxid(i));
            u.put("nickname", i == 0 ? synth.ownerName() : synth.name(i));
            u.put("remark", "");
            u.put("roomNickname", i % 4 == 1 ? synth.name(i) + "（群昵称）" : "");
        }
        ObjectNode owner = extra.putObject("owner");
        owner.put("wxid", BenchPlan.OWNER_WXID);
        owner.put("nickname", synth.ownerName());
        extra.put("Announcement", "本群为基准测试生成的数据。");
        for (int i = 0; i <= synth.memberCount(); i++) {
            ObjectNode u = root.putObject(synth.wxid(i));
            u.put("wxid", synth.wxid(i));
            u.put("nickname", i == 0 ? synth.ownerName() : synth.name(i));
            u.put("remark", "");
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Appends a cell, quoted when it holds a comma, quote or line break (RFC 4180). */
    static void quote(StringBuilder sb, String s) {
        boolean needs = false;
        for (int i = 0; i < s.length() && !needs; i++) {
            char c = s.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needs) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** A message sink whose writes may fail. */
    @FunctionalInterface
    private interface IoSink extends ChatSynth.Sink {
        void write(ChatSynth.Message m) throws IOException;

        @Override
        default void message(ChatSynth.Message m) {
            try {
                write(m);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Formats epoch seconds as local {@code yyyy-MM-dd HH:mm:ss} without a formatter per row. */
    static final class LocalClock {
        private long dayStart = Long.MIN_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private String date;

        void append(StringBuilder sb, long epoch) {
            if (epoch < dayStart || epoch >= dayEnd) {
                LocalDate d = Instant.ofEpochSecond(epoch).atZone(BenchPlan.ZONE).toLocalDate();
                dayStart = d.atStartOfDay(BenchPlan.ZONE).toEpochSecond();
                dayEnd = d.plusDays(1).atStartOfDay(BenchPlan.ZONE).toEpochSecond();
                date = d + " ";
            }
            long s = epoch - dayStart;
            sb.append(date);
            two(sb, s / 3600);
            sb.append(':');
            two(sb, s / 60 % 60);
            sb.append(':');
            two(sb, s % 60);
        }

        private static void two(StringBuilder sb, long v) {
            if (v < 10) {
                sb.append('0');
            }
            sb.append(v);
        }
    }
}
