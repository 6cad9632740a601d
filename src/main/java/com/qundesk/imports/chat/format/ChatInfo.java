package com.qundesk.imports.chat.format;

import java.util.List;

/**
 * What a file says about a chat besides its messages: its id and name, whether it is a group, the exporting account
 * and, where the format carries one, the member list at export time (used to find voluntary leaves).
 *
 * @param chatId        the chat's id ({@code …@chatroom}, WeCom chat id) or null
 * @param chatName      the chat's display name (group nickname, remark) or null
 * @param group         true for a group chat, false for a one-to-one chat, null when the file does not say
 * @param selfId        the exporting account's id when known, else null
 * @param members       member ids at export time, or null when the format has no member list
 * @param snapshotEpoch when that member list was taken (epoch second), or null to use the file's last message
 */
public record ChatInfo(String chatId, String chatName, Boolean group, String selfId, List<String> members,
                       Long snapshotEpoch) {
    public ChatInfo {
        members = members == null ? null : List.copyOf(members);
    }

    public static ChatInfo of(String chatId, String chatName, Boolean group) {
        return new ChatInfo(chatId, chatName, group, null, null, null);
    }
}
