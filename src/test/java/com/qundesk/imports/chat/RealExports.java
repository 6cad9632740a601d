package com.qundesk.imports.chat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One group's three days written the way each exporter's own code writes them, byte for byte: WeChatMsg (Python
 * {@code csv}, UTF-8 with BOM, CRLF), PyWxDump (Python {@code csv}, no BOM, CRLF, its {@code type_converter} labels,
 * talker {@code 我}/{@code 未知}/{@code 系统}, users.json), chatlog (Go {@code encoding/csv}: LF, no BOM; the HTTP
 * API's layout and the {@code export} command's; Go's JSON with {@code <} escaped), WeFlow ({@code JSON.stringify(…,
 * null, 2)}, its json and arkme-json shapes) and ChatLab. The expected daily stats are counted here from the same
 * events by the daily-stats definition, independently of the importer: a recall, a join and a pat are notices; a red
 * packet is a message of its sender.
 */
public final class RealExports {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String ROOM = "3344556677@chatroom";
    public static final String NAME = "周末读书会";
    public static final String OWNER = "wxid_qd_owner";
    private static final String A = "wxid_qd_aqing";
    private static final String B = "wxid_qd_xiaobai";
    private static final String C = "wxid_qd_laochen";
    private static final String D = "wxid_qd_dingding";
    static final Map<String, String> NAMES = new LinkedHashMap<>();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static {
        NAMES.put(OWNER, "小周");
        NAMES.put(A, "阿青");
        NAMES.put(B, "小白");
        NAMES.put(C, "老陈");
        NAMES.put(D, "丁丁");
    }

    /** What happened; the last three are notices. */
    public enum What { TEXT, IMAGE, RED_PACKET, RECALL, JOIN, PAT }

    /** One event of the group: its local time, what, who (null for a notice no person sent) and its text. */
    public record Event(LocalDateTime at, What what, String sender, String text) {
        public boolean notice() {
            return what == What.RECALL || what == What.JOIN || what == What.PAT;
        }

        public long epoch() {
            return at.atZone(ZONE).toEpochSecond();
        }

        boolean self() {
            return OWNER.equals(sender);
        }

        /** The exporting account did it: its own messages, and its own recall notice (你撤回了一条消息). */
        boolean bySelf() {
            return self() || text != null && text.startsWith("你");
        }

        String local() {
            return LOCAL.format(at);
        }
    }

    /** The chat an export is of: its id and name (tests that import several exports give each its own). */
    public record Chat(String id, String name) {
    }

    /** The chat of {@link #events}. */
    public static final Chat CHAT = new Chat(ROOM, NAME);

    /** A day's figures as {@code stats daily} shows them. */
    public record Day(int messages, int speakers, int owner, int joins) {
    }

    /** The exporters, each with the file or folder an operator would import. */
    public enum Exporter {
        WECHATMSG(true), PYWXDUMP_FOLDER(true), PYWXDUMP_PAGE(true), CHATLOG_API_CSV(false), CHATLOG_EXPORT_CSV(true),
        CHATLOG_JSON(true), WEFLOW_JSON(true), WEFLOW_ARKME(true), CHATLAB(true);

        /** Whether the file tells the exporting account's messages in a group (chatlog's API CSV does not). */
        public final boolean knowsOwner;

        Exporter(boolean knowsOwner) {
            this.knowsOwner = knowsOwner;
        }

        /** Writes the export of {@link #CHAT} under {@code dir} and returns what to import. */
        public Path write(Path dir) throws IOException {
            return write(dir, CHAT);
        }

        /** Writes the export of {@code chat} under {@code dir} and returns what to import. */
        public Path write(Path dir, Chat chat) throws IOException {
            Files.createDirectories(dir);
            List<Event> e = events();
            return switch (this) {
                case WECHATMSG -> RealExportsCsv.wechatMsg(dir, chat, e);
                case PYWXDUMP_FOLDER -> RealExportsCsv.pyWxDump(dir, chat, e).getParent().getParent().getParent();
                case PYWXDUMP_PAGE -> RealExportsCsv.pyWxDump(dir, chat, e);
                case CHATLOG_API_CSV -> RealExportsCsv.chatlogApi(dir, chat, e);
                case CHATLOG_EXPORT_CSV -> RealExportsCsv.chatlogExport(dir, chat, e);
                case CHATLOG_JSON -> RealExportsJson.chatlog(dir, chat, e);
                case WEFLOW_JSON -> RealExportsJson.weflow(dir, chat, e, false);
                case WEFLOW_ARKME -> RealExportsJson.weflow(dir, chat, e, true);
                case CHATLAB -> RealExportsJson.chatLab(dir, chat, e);
            };
        }
    }

    private RealExports() {
    }

    /** Three days of the group: texts with commas, quotes and a line break, images in one second, red packets, a
     * member's and the owner's recall, a join, a pat, and messages one second either side of local midnight. */
    public static List<Event> events() {
        List<Event> e = new ArrayList<>();
        LocalDate d1 = LocalDate.of(2026, 11, 2);
        e.add(ev(d1, "09:00:00", What.TEXT, OWNER, "早上好，今天读第三章"));
        e.add(ev(d1, "09:00:05", What.TEXT, A, "收到"));
        e.add(ev(d1, "09:00:05", What.TEXT, B, "好的, 马上到"));
        e.add(ev(d1, "09:01:10", What.IMAGE, A, null));
        e.add(ev(d1, "09:02:00", What.RED_PACKET, OWNER, "恭喜发财，大吉大利"));
        e.add(ev(d1, "09:02:30", What.TEXT, C, "谢谢老板\n红包收到"));
        e.add(ev(d1, "09:03:00", What.JOIN, null, "\"阿青\"邀请\"丁丁\"加入了群聊"));
        e.add(ev(d1, "09:03:40", What.RECALL, null, "\"小白\" 撤回了一条消息"));
        e.add(ev(d1, "23:59:59", What.TEXT, D, "晚安"));
        LocalDate d2 = d1.plusDays(1);
        e.add(ev(d2, "00:00:01", What.TEXT, D, "新的一天"));
        e.add(ev(d2, "08:30:00", What.PAT, null, "\"阿青\" 拍了拍 \"老陈\""));
        e.add(ev(d2, "12:00:00", What.TEXT, B, "他说\"好\"，那就定了"));
        e.add(ev(d2, "12:00:30", What.RED_PACKET, A, "恭喜发财，大吉大利"));
        e.add(ev(d2, "12:01:00", What.TEXT, OWNER, "今晚八点见"));
        e.add(ev(d2, "12:05:00", What.RECALL, null, "你撤回了一条消息"));
        LocalDate d4 = d1.plusDays(3);
        e.add(ev(d4, "20:00:00", What.IMAGE, C, null));
        e.add(ev(d4, "20:00:00", What.IMAGE, C, null));
        e.add(ev(d4, "20:10:00", What.TEXT, A, "读完了"));
        return e;
    }

    private static Event ev(LocalDate day, String time, What what, String sender, String text) {
        return new Event(day.atTime(java.time.LocalTime.parse(time)), what, sender, text);
    }

    /**
     * The daily stats by the definition: messages are the events of people (a red packet included), notices are not;
     * speakers are the distinct people with a message; owner messages are the exporting account's, when the file can
     * tell them; joins count the persons a join notice names.
     */
    public static Map<LocalDate, Day> expected(List<Event> events, boolean knowsOwner) {
        Map<LocalDate, int[]> counts = new TreeMap<>();
        Map<LocalDate, Set<String>> speakers = new TreeMap<>();
        for (Event e : events) {
            LocalDate day = e.at().toLocalDate();
            int[] c = counts.computeIfAbsent(day, d -> new int[3]);
            Set<String> s = speakers.computeIfAbsent(day, d -> new HashSet<>());
            if (e.what() == What.JOIN) {
                c[2] += e.text().split("邀请")[1].split("、").length;
            } else if (!e.notice()) {
                c[0]++;
                s.add(e.sender());
                if (knowsOwner && e.self()) {
                    c[1]++;
                }
            }
        }
        Map<LocalDate, Day> out = new TreeMap<>();
        counts.forEach((d, c) -> out.put(d, new Day(c[0], speakers.get(d).size(), c[1], c[2])));
        return out;
    }

    static String name(String wxid) {
        return wxid == null ? "" : NAMES.get(wxid);
    }

    static void write(Path file, String text, boolean bom) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, bom ? "\uFEFF" + text : text, StandardCharsets.UTF_8);
    }
}
