package com.qundesk.imports.chat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes chat exports of a synthetic group in the exporters' real layouts (WeChatMsg per-chat CSV with BOM and CRLF,
 * PyWxDump 3.x pages), so service tests run real files through the real parsers.
 */
public final class ChatFixtures {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ROOM = "2233445566@chatroom";
    public static final String OWNER = "wxid_owner01";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One message: WeChat type/subtype codes, sender wxid (null for notices), whether the exporter sent it. */
    public record Msg(long at, int type, int subType, String sender, boolean self, String content) {
        public boolean system() {
            return type == 10000 || type == 10002;
        }
    }

    private ChatFixtures() {
    }

    public static Msg text(long at, String sender, String content) {
        return new Msg(at, 1, 0, sender, sender.equals(OWNER), content);
    }

    public static Msg image(long at, String sender) {
        return new Msg(at, 3, 0, sender, sender.equals(OWNER), "<msg><img length=\"1\"/></msg>");
    }

    public static Msg notice(long at, String content) {
        return new Msg(at, 10000, 0, null, false, content);
    }

    public static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toEpochSecond();
    }

    /** A group's week: several speakers, owner messages, images in one second, joins, a removal, a revoke, an ad. */
    public static List<Msg> week() {
        List<Msg> m = new ArrayList<>();
        long d1 = at("2026-11-02T09:00:00");
        m.add(notice(d1 - 60, "\"张三\"邀请\"李四、王五\"加入了群聊"));
        m.add(text(d1, OWNER, "欢迎大家，今晚 8 点夜话会"));
        m.add(text(d1 + 5, "wxid_zhang3", "收到"));
        m.add(text(d1 + 5, "wxid_li4", "好的，准时到"));
        m.add(image(d1 + 9, "wxid_li4"));
        m.add(image(d1 + 9, "wxid_li4"));
        m.add(image(d1 + 9, "wxid_li4"));
        m.add(text(d1 + 30, "wxid_wang5", "有资料吗？\n想先看看"));
        m.add(text(d1 + 31, "wxid_ad01", "兼职日赚，加V私聊"));
        m.add(notice(d1 + 40, "你将\"广告哥\"移出了群聊"));
        long d2 = at("2026-11-03T21:15:00");
        m.add(text(d2, "wxid_zhang3", "昨天的分享太有用了"));
        m.add(notice(d2 + 3, "\"张三\"撤回了一条消息"));
        m.add(text(d2 + 10, OWNER, "资料已发群文件，记得领取福利券"));
        m.add(notice(d2 + 20, "\"赵六\"通过扫描\"张三\"分享的二维码加入群聊"));
        // late evening in Shanghai, still the same local day
        long d3 = at("2026-11-04T23:59:59");
        m.add(text(d3, "wxid_li4", "晚安"));
        m.add(text(d3 + 1, "wxid_li4", "新的一天"));
        Random r = new Random(7);
        long d4 = at("2026-11-06T10:00:00");
        String[] speakers = {"wxid_zhang3", "wxid_li4", "wxid_wang5", "wxid_zhao6", OWNER, "wxid_sun7"};
        for (int i = 0; i < 120; i++) {
            String s = speakers[r.nextInt(speakers.length)];
            m.add(r.nextInt(6) == 0 ? image(d4 + i * 17L, s) : text(d4 + i * 17L, s, "第" + i + "条，\"引号\",逗号"));
        }
        return m;
    }

    /** A WeChatMsg per-chat export in a {@code <remark>(<wxid>)} folder: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
    public static Path wechatMsg(Path dir, String remark, String roomId, List<Msg> msgs) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(remark + "(" + roomId + ")"));
        Path file = folder.resolve(remark + ".csv");
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n");
        int id = 1;
        for (Msg x : msgs) {
            String sender = x.system() ? "" : x.sender();
            sb.append(id++).append(",7,").append(x.type()).append(',').append(x.subType()).append(',')
                    .append(x.self() ? 1 : 0).append(',').append(x.at()).append(",2,").append(csv(x.content()))
                    .append(',').append(LOCAL.format(Instant.ofEpochSecond(x.at()).atZone(ZONE))).append(',')
                    .append(csv(name(sender))).append(',').append(csv(name(sender))).append(',').append(sender)
                    .append("\r\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    /** A PyWxDump 3.x page of the room, in {@code <owner>/csv/<room>/}, local times, no BOM. */
    public static Path pyWxDump(Path dir, String pageName, List<Msg> msgs, Charset charset) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(OWNER).resolve("csv").resolve(ROOM));
        Path file = folder.resolve(pageName);
        StringBuilder sb = new StringBuilder("id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n");
        int id = 1;
        for (Msg x : msgs) {
            String label = x.system() ? "系统通知" : x.type() == 3 ? "图片" : "文本";
            String talker = x.system() ? "系统" : x.sender();
            String content = x.type() == 3 ? "图片" : x.content();
            sb.append(id++).append(',').append(1_000_000L + id).append(',').append(label).append(',')
                    .append(x.self() ? 1 : 0).append(',').append(talker).append(',').append(ROOM).append(',')
                    .append(csv(content)).append(",,").append(LOCAL.format(Instant.ofEpochSecond(x.at()).atZone(ZONE)))
                    .append('\n');
        }
        Files.writeString(file, sb, charset);
        return file;
    }

    private static String name(String wxid) {
        return wxid == null || wxid.isEmpty() ? "" : "昵称" + wxid.substring(wxid.length() - 2);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
