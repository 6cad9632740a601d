package com.qundesk.imports.wecom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.wecom.WecomResponse.Data;
import com.qundesk.imports.wecom.WecomResponse.DayStatistic;
import com.qundesk.imports.wecom.WecomResponse.GroupDetail;
import com.qundesk.imports.wecom.WecomResponse.GroupList;
import com.qundesk.imports.wecom.WecomResponse.OwnerStatistic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads saved WeCom customer-group API responses ({@code groupchat/list}, {@code groupchat/get}, {@code
 * groupchat/statistic}, {@code statistic_group_by_day}) and {@code change_external_chat} callbacks.
 *
 * <p>A JSON file may hold one response, a JSON array of responses, or one response a line (JSON Lines: operators
 * save the pages of a paged call that way); the kind of each is told by its keys ({@code group_chat_list}, {@code
 * group_chat}, {@code items} with {@code owner} or {@code stat_time}), so one file may mix kinds. An XML file holds
 * one or more callbacks ({@code <xml>…</xml>} one after the other). The file is read as a stream; each response is
 * small.
 *
 * <p>Anything wrong stops the file with an {@link ImportFormatException} naming the line and the field: a response
 * with {@code errcode != 0} ({@code import.wecom.errcode}), unknown JSON, malformed JSON or XML, a negative count, a
 * number that is not a whole number in range, an implausible time, a missing id. A saved response is all or nothing:
 * half a member list would read as mass leaves.
 */
public final class WecomReader {

    static final String FORMAT = "WeCom";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WecomReader() {
    }

    /** Reads a file that holds exactly one response or callback. */
    public static WecomResponse read(Path file) throws IOException {
        List<WecomResponse> all = readAll(file);
        if (all.size() != 1) {
            throw new ImportFormatException(0, "import.wecom.several", String.valueOf(all.size()));
        }
        return all.getFirst();
    }

    /** Reads every response (JSON object, array or lines) or callback (XML) of a file, in file order. */
    public static List<WecomResponse> readAll(Path file) throws IOException {
        int first = firstChar(file);
        if (first < 0) {
            throw new ImportFormatException(0, "import.error.empty");
        }
        if (first == '{' || first == '[') {
            return readJson(file);
        }
        if (first == '<') {
            return WecomCallbackReader.readAll(file);
        }
        throw new ImportFormatException(1, "import.error.notFormat", FORMAT);
    }

    /** The first character that is not blank or a BOM, or -1 for an empty file. */
    private static int firstChar(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int b;
            int pos = 0;
            while ((b = in.read()) >= 0) {
                if (pos < 3 && (b == 0xEF && pos == 0 || b == 0xBB && pos == 1 || b == 0xBF && pos == 2)) {
                    pos++;
                    continue;
                }
                pos = 3;
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b;
                }
            }
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------- JSON

    private static List<WecomResponse> readJson(Path file) throws IOException {
        List<WecomResponse> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.START_OBJECT) {
                    out.add(response(p.readValueAsTree(), line));
                } else if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        long at = p.currentTokenLocation().getLineNr();
                        if (t != JsonToken.START_OBJECT) {
                            throw new ImportFormatException(at, "import.error.notFormat", FORMAT);
                        }
                        out.add(response(p.readValueAsTree(), at));
                    }
                } else {
                    throw new ImportFormatException(line, "import.error.notFormat", FORMAT);
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ImportFormatException(Math.max(line, 0), "import.error.json", e.getOriginalMessage());
        }
        if (out.isEmpty()) {
            throw new ImportFormatException(0, "import.error.empty");
        }
        return out;
    }

    private static WecomResponse response(JsonNode n, long line) {
        Fields f = new Fields(line, "");
        JsonNode ec = n.get("errcode");
        if (ec != null && !ec.isNull()) {
            Long code = f.longValue(n, "errcode");
            if (code != null && code != 0) {
                throw new ImportFormatException(line, "import.wecom.errcode", String.valueOf(code),
                        f.text(n, "errmsg") == null ? "" : f.text(n, "errmsg"));
            }
        }
        if (n.has("group_chat_list")) {
            return groupList(n, f);
        }
        if (n.has("group_chat")) {
            return groupDetail(n.get("group_chat"), f.in("group_chat"));
        }
        if (n.has("items")) {
            return statistic(n, f);
        }
        throw new ImportFormatException(line, "import.error.notFormat", FORMAT);
    }

    private static GroupList groupList(JsonNode n, Fields f) {
        JsonNode list = f.array(n, "group_chat_list");
        List<GroupList.Entry> chats = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Fields e = f.in("group_chat_list[" + i + "]");
            JsonNode c = e.object(list.get(i));
            chats.add(new GroupList.Entry(e.required(c, "chat_id"), e.count(c, "status")));
        }
        String cursor = f.text(n, "next_cursor");
        return new GroupList(chats, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static GroupDetail groupDetail(JsonNode raw, Fields f) {
        JsonNode g = f.object(raw);
        List<GroupDetail.Member> members = new ArrayList<>();
        JsonNode ml = g.get("member_list");
        if (ml != null && !ml.isNull()) {
            ml = f.array(g, "member_list");
            for (int i = 0; i < ml.size(); i++) {
                Fields m = f.in("member_list[" + i + "]");
                JsonNode node = m.object(ml.get(i));
                String inviter = null;
                JsonNode inv = node.get("invitor");
                if (inv != null && !inv.isNull()) {
                    inviter = m.in("invitor").text(m.in("invitor").object(inv), "userid");
                }
                members.add(new GroupDetail.Member(m.required(node, "userid"), m.count(node, "type"),
                        m.text(node, "unionid"), m.time(node, "join_time"), m.count(node, "join_scene"), inviter,
                        m.text(node, "group_nickname"), m.text(node, "name")));
            }
        }
        List<String> admins = new ArrayList<>();
        JsonNode al = g.get("admin_list");
        if (al != null && !al.isNull()) {
            al = f.array(g, "admin_list");
            for (int i = 0; i < al.size(); i++) {
                Fields a = f.in("admin_list[" + i + "]");
                admins.add(a.required(a.object(al.get(i)), "userid"));
            }
        }
        return new GroupDetail(f.required(g, "chat_id"), f.text(g, "name"), f.text(g, "owner"),
                f.time(g, "create_time"), f.text(g, "notice"), members, admins, f.text(g, "member_version"));
    }

    /**
     * The two statistic calls share {@code items}; each item has {@code owner} (per owner) or {@code stat_time} (per
     * day). An empty page is per owner when it carries the per-owner paging fields {@code total}/{@code
     * next_offset}, else per day.
     */
    private static WecomResponse statistic(JsonNode n, Fields f) {
        JsonNode items = f.array(n, "items");
        boolean byOwner;
        if (items.isEmpty()) {
            byOwner = n.has("total") || n.has("next_offset");
        } else {
            JsonNode first = f.in("items[0]").object(items.get(0));
            if (first.has("owner")) {
                byOwner = true;
            } else if (first.has("stat_time")) {
                byOwner = false;
            } else {
                throw new ImportFormatException(f.line, "import.error.notFormat", FORMAT);
            }
        }
        List<OwnerStatistic.Item> owners = new ArrayList<>();
        List<DayStatistic.Item> days = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields it = f.in("items[" + i + "]");
            JsonNode item = it.object(items.get(i));
            JsonNode d = item.get("data");
            if (d == null || d.isNull()) {
                throw new ImportFormatException(f.line, "import.wecom.missing", it.path("data"));
            }
            Data data = data(it.in("data").object(d), it.in("data"));
            if (byOwner) {
                owners.add(new OwnerStatistic.Item(it.required(item, "owner"), data));
            } else {
                Long day = it.time(item, "stat_time");
                if (day == null) {
                    throw new ImportFormatException(f.line, "import.wecom.missing", it.path("stat_time"));
                }
                days.add(new DayStatistic.Item(day, data));
            }
        }
        return byOwner ? new OwnerStatistic(owners) : new DayStatistic(days);
    }

    private static Data data(JsonNode d, Fields f) {
        return new Data(f.count(d, "new_chat_cnt"), f.count(d, "chat_total"), f.count(d, "chat_has_msg"),
                f.count(d, "new_member_cnt"), f.count(d, "member_total"), f.count(d, "member_has_msg"),
                f.count(d, "msg_total"), f.count(d, "migrate_trainee_chat_cnt"));
    }

    /** Typed, checked access to the fields of one response; errors name the line and the field's path. */
    private record Fields(long line, String prefix) {

        Fields in(String child) {
            return new Fields(line, path(child));
        }

        String path(String field) {
            return prefix.isEmpty() ? field : prefix + "." + field;
        }

        JsonNode object(JsonNode n) {
            if (n == null || !n.isObject()) {
                throw new ImportFormatException(line, "import.wecom.badValue", prefix);
            }
            return n;
        }

        JsonNode array(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || !n.isArray()) {
                throw new ImportFormatException(line, "import.wecom.badValue", path(field));
            }
            return n;
        }

        String text(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isValueNode()) {
                throw new ImportFormatException(line, "import.wecom.badValue", path(field));
            }
            return n.asText();
        }

        String required(JsonNode parent, String field) {
            String v = text(parent, field);
            if (v == null || v.isBlank()) {
                throw new ImportFormatException(line, "import.wecom.missing", path(field));
            }
            return v;
        }

        /** A whole number (a JSON integer, or a string of digits), or null when absent. */
        Long longValue(JsonNode parent, String field) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.longValue();
            }
            if (n.isTextual()) {
                Long v = wholeNumber(n.asText().strip());
                if (v != null) {
                    return v;
                }
            }
            throw new ImportFormatException(line, "import.wecom.badNumber", path(field), n.toString());
        }

        /** A count or code: a whole number from 0 to 2^31-1, or null when absent. */
        Integer count(JsonNode parent, String field) {
            Long v = longValue(parent, field);
            if (v == null) {
                return null;
            }
            if (v < 0) {
                throw new ImportFormatException(line, "import.wecom.negative", path(field), String.valueOf(v));
            }
            if (v > Integer.MAX_VALUE) {
                throw new ImportFormatException(line, "import.wecom.badNumber", path(field), String.valueOf(v));
            }
            return v.intValue();
        }

        /** An epoch second between 2000 and 2100, or null when absent. */
        Long time(JsonNode parent, String field) {
            Long v = longValue(parent, field);
            if (v != null && !LocalTimes.plausible(v)) {
                throw new ImportFormatException(line, "import.wecom.badTime", path(field), String.valueOf(v));
            }
            return v;
        }
    }

    private static boolean isDigits(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Digits with an optional minus sign that fit a long, else null (19 nines do not fit: not an exception). */
    static Long wholeNumber(String s) {
        if (s.isEmpty() || s.length() > 20 || !isDigits(s)) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
