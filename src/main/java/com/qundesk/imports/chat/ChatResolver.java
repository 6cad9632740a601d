package com.qundesk.imports.chat;

import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.chat.format.ChatInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the group each chat of a file belongs to: the operator's choice, else the chat id in the file (matched
 * with a group's external id), else an exact name match; optionally creates a group for a chat that matches none.
 */
public final class ChatResolver {

    /** How a chat was resolved. */
    enum How { OPTION, ID, NAME, CREATED, ONE_TO_ONE, SKIPPED, NONE, AMBIGUOUS }

    /** The resolution of one chat key. */
    record Resolution(String chatKey, String chatId, String chatName, Long groupId, String groupName, How how) {
        boolean imports() {
            return groupId != null;
        }
    }

    private final GroupService groups;
    private final ImportOptions options;
    private final String fileLabel;
    private final Map<String, Group> byExternalId = new HashMap<>();
    private final Map<String, List<Group>> byName = new HashMap<>();
    private final Map<Long, Group> byId = new HashMap<>();
    private final Map<String, ChatInfo> infos = new LinkedHashMap<>();
    private final Map<String, Resolution> resolved = new HashMap<>();

    ChatResolver(Connection c, GroupService groups, ImportOptions options, String fileLabel) throws SQLException {
        this.groups = groups;
        this.options = options;
        this.fileLabel = fileLabel;
        for (Group g : groups.listIn(c)) {
            remember(g);
        }
    }

    /**
     * Makes a group findable by id, external id and name. A group created for a chat must be too: a chat is met
     * under more than one key (its id, and "name:…" from the member list of PyWxDump's users.json or WeFlow's
     * groupMembers), and the second key would otherwise create the group a second time.
     */
    private void remember(Group g) {
        byId.put(g.id(), g);
        if (g.externalId() != null) {
            byExternalId.put(g.externalId(), g);
        }
        byName.computeIfAbsent(g.name().strip(), k -> new java.util.ArrayList<>()).add(g);
    }

    static String keyOf(String chatId, String chatName) {
        if (chatId != null && !chatId.isBlank()) {
            return chatId.strip();
        }
        if (chatName != null && !chatName.isBlank()) {
            return "name:" + chatName.strip();
        }
        return "";
    }

    void info(ChatInfo info) {
        infos.putIfAbsent(keyOf(info.chatId(), info.chatName()), info);
        if (info.chatId() != null && info.chatName() != null) {
            infos.putIfAbsent(keyOf(null, info.chatName()), info);
        }
    }

    Map<String, ChatInfo> infos() {
        return infos;
    }

    /** The resolution of a chat met for the first time now, or null while it cannot be decided yet (no id, no name). */
    Resolution resolve(Connection c, String key, String chatId, String chatName, boolean atEnd) throws SQLException {
        Resolution r = resolved.get(key);
        if (r != null) {
            return r;
        }
        ChatInfo info = infos.get(key);
        if (key.isEmpty()) {
            // a file that names its chat nowhere but in a ChatInfo that may come later (WeFlow writes messages first)
            ChatInfo only = singleInfo();
            if (only == null && !atEnd && options.groupId() == null && !options.chatGroups().containsKey("")) {
                return null;
            }
            info = only;
        }
        if (info != null) {
            chatId = chatId != null ? chatId : info.chatId();
            chatName = chatName != null ? chatName : info.chatName();
        }
        r = decide(c, key, chatId, chatName, info);
        resolved.put(key, r);
        return r;
    }

    private ChatInfo singleInfo() {
        java.util.Set<ChatInfo> distinct = new java.util.HashSet<>(infos.values());
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    private Resolution decide(Connection c, String key, String chatId, String chatName, ChatInfo info)
            throws SQLException {
        if (info != null && Boolean.FALSE.equals(info.group())) {
            return new Resolution(key, chatId, chatName, null, null, How.ONE_TO_ONE);
        }
        Long chosen = options.chatGroups().get(key);
        if (chosen == null) {
            chosen = options.groupId();
        }
        if (chosen != null && chosen < 0) {
            // the operator chose not to import this chat
            return new Resolution(key, chatId, chatName, null, null, How.SKIPPED);
        }
        if (chosen != null) {
            Group g = byId.get(chosen);
            return new Resolution(key, chatId, chatName, chosen, g == null ? null : g.name(), How.OPTION);
        }
        if (chatId != null) {
            Group g = byExternalId.get(chatId.strip());
            if (g != null) {
                return new Resolution(key, chatId, chatName, g.id(), g.name(), How.ID);
            }
        }
        if (chatName != null) {
            List<Group> named = byName.getOrDefault(chatName.strip(), List.of());
            if (named.size() == 1) {
                Group g = named.getFirst();
                return new Resolution(key, chatId, chatName, g.id(), g.name(), How.NAME);
            }
            if (named.size() > 1) {
                return new Resolution(key, chatId, chatName, null, null, How.AMBIGUOUS);
            }
        }
        if (options.createGroups() && c != null) {
            Group g = create(c, chatId, chatName);
            remember(g);
            return new Resolution(key, chatId, chatName, g.id(), g.name(), How.CREATED);
        }
        return new Resolution(key, chatId, chatName, null, null, How.NONE);
    }

    private Group create(Connection c, String chatId, String chatName) throws SQLException {
        String id = chatId == null ? null : chatId.strip();
        Platform platform = id != null && Platform.WECOM.acceptsExternalId(id) && !id.endsWith("@chatroom")
                ? Platform.WECOM : Platform.WECHAT;
        String named = displayName(chatName);
        String name = !named.isEmpty() ? named : id != null ? id : displayName(fileLabel);
        Group draft = Group.draft(platform, name, Purpose.INDUSTRY, GroupKind.LONG_TERM);
        if (id != null && platform.acceptsExternalId(id)) {
            draft = draft.toBuilder().externalId(id).build();
        }
        return groups.insertIn(c, draft, "import", fileLabel);
    }

    /**
     * A chat's name from a file as a group name: control characters (NUL, escape sequences…) removed, blanks
     * stripped; "" when nothing is left.
     */
    public static String displayName(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.toString().strip();
    }

    /** Looks up what a chat would resolve to without creating anything (for the preview). */
    Resolution peek(String key, String chatId, String chatName) {
        try {
            ChatInfo info = infos.get(key);
            if (key.isEmpty()) {
                info = singleInfo();
            }
            if (info != null) {
                chatId = chatId != null ? chatId : info.chatId();
                chatName = chatName != null ? chatName : info.chatName();
            }
            return decide(null, key, chatId, chatName, info);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
