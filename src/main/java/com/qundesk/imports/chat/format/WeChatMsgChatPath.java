package com.qundesk.imports.chat.format;

import java.nio.file.Path;

/**
 * What a WeChatMsg file's place says about its chat. Folder {@code <remark>(<id>)}: the id is kept as the chat
 * id when it ends with {@code @chatroom} (a group) or looks like a WeChat id ({@code wxid_…}, ASCII letters,
 * digits, {@code _} and {@code -}, 6–40 characters, starting with a letter: a one-to-one chat, whose id every
 * exporter gives as the friend's wxid); anything else in parentheses is part of the remark. Folder
 * {@code <remark>} with {@code <remark>_utf8.csv} or {@code <remark>.csv}: only the name is known.
 */
record WeChatMsgChatPath(String chatId, String chatName, Boolean group) {
    static final WeChatMsgChatPath UNKNOWN = new WeChatMsgChatPath(null, null, null);

    static WeChatMsgChatPath of(Path file) {
        Path fn = file.getFileName();
        if (fn == null) {
            return UNKNOWN;
        }
        String base = fn.toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        boolean utf8Suffix = base.endsWith("_utf8");
        if (utf8Suffix) {
            base = base.substring(0, base.length() - 5);
        }
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        if (folder != null && folder.endsWith(")")) {
            int open = folder.lastIndexOf('(');
            if (open > 0) {
                String remark = folder.substring(0, open).strip();
                String id = folder.substring(open + 1, folder.length() - 1).strip();
                if (!remark.isEmpty()) {
                    if (id.endsWith("@chatroom") && id.length() > 9) {
                        return new WeChatMsgChatPath(id, remark, Boolean.TRUE);
                    }
                    if (looksLikeWxid(id)) {
                        return new WeChatMsgChatPath(id, remark, Boolean.FALSE);
                    }
                }
            }
        }
        if (!base.isBlank() && (base.equals(folder) || utf8Suffix)) {
            return new WeChatMsgChatPath(null, base.strip(), null);
        }
        return UNKNOWN;
    }

    static boolean looksLikeWxid(String id) {
        int n = id.length();
        if (n < 6 || n > 40) {
            return false;
        }
        char c0 = id.charAt(0);
        if (!(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z')) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
