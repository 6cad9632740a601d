package com.qundesk.imports.chat.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code users.json} PyWxDump writes beside a chat's pages: an object keyed by id, each
 * {@code {wxid, nickname, remark, …, extra}}; for a chat room {@code extra} holds {@code roomWxids} (the member list
 * at export time), {@code owner} and {@code wxid2userinfo} (per member, with {@code roomNickname}). Small (one chat's
 * people), so it is read whole with the tree model.
 */
final class PyWxDumpUsers {

    static final PyWxDumpUsers NONE = new PyWxDumpUsers(Map.of(), Map.of());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record Room(String name, List<String> members, Map<String, String> memberNames) {
    }

    /** wxid → display name (remark, else nickname). */
    private final Map<String, String> names;
    private final Map<String, Room> rooms;

    private PyWxDumpUsers(Map<String, String> names, Map<String, Room> rooms) {
        this.names = names;
        this.rooms = rooms;
    }

    /** The users.json in the page's folder, else in its parent; {@link #NONE} when there is none or it is unreadable. */
    static PyWxDumpUsers find(Path page, ParseContext context) {
        Path dir = page.toAbsolutePath().getParent();
        for (int i = 0; i < 2 && dir != null; i++, dir = dir.getParent()) {
            Path f = dir.resolve("users.json");
            if (Files.isRegularFile(f)) {
                try {
                    return parse(MAPPER.readTree(f.toFile()));
                } catch (IOException | RuntimeException e) {
                    context.warn("import.warn.usersJson");
                    return NONE;
                }
            }
        }
        return NONE;
    }

    static PyWxDumpUsers parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("users.json is not an object");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, Room> rooms = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode u = e.getValue();
            if (!u.isObject()) {
                continue;
            }
            String id = text(u, "wxid");
            if (id == null) {
                id = e.getKey();
            }
            String name = WeChatMsgFormat.firstNonBlank(text(u, "remark"), text(u, "nickname"));
            if (name != null) {
                names.put(id, name);
            }
            JsonNode extra = u.get("extra");
            if (extra != null && extra.isObject()) {
                List<String> members = null;
                JsonNode list = extra.get("roomWxids");
                if (list != null && list.isArray()) {
                    members = new ArrayList<>(list.size());
                    for (JsonNode m : list) {
                        if (m.isTextual() && !m.asText().isBlank()) {
                            members.add(m.asText().strip());
                        }
                    }
                }
                Map<String, String> memberNames = new HashMap<>();
                JsonNode info = extra.get("wxid2userinfo");
                if (info != null && info.isObject()) {
                    for (Map.Entry<String, JsonNode> m : info.properties()) {
                        JsonNode mu = m.getValue();
                        if (!mu.isObject()) {
                            continue;
                        }
                        String mn = WeChatMsgFormat.firstNonBlank(text(mu, "roomNickname"),
                                WeChatMsgFormat.firstNonBlank(text(mu, "remark"), text(mu, "nickname")));
                        if (mn != null) {
                            memberNames.put(m.getKey(), mn);
                        }
                    }
                }
                rooms.put(id, new Room(name, members, memberNames));
            }
        }
        return new PyWxDumpUsers(names, rooms);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    /** The chat's name (remark, else nickname), or null. */
    String chatName(String chatId) {
        Room room = rooms.get(chatId);
        return room != null && room.name() != null ? room.name() : names.get(chatId);
    }

    /** The room's member wxids at export time, or null when users.json has no member list for it. */
    List<String> members(String chatId) {
        Room room = rooms.get(chatId);
        return room == null ? null : room.members();
    }

    /** A sender's display name in the chat: group nickname, else remark, else nickname; null when unknown. */
    String nameOf(String chatId, String wxid) {
        Room room = chatId == null ? null : rooms.get(chatId);
        if (room != null) {
            String n = room.memberNames().get(wxid);
            if (n != null) {
                return n;
            }
        }
        return names.get(wxid);
    }
}
