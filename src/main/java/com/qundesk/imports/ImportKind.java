package com.qundesk.imports;

/**
 * The two kinds of file the Import view and the CLI take: chat exports (read by the chat import's formats) and
 * saved WeCom customer-group API responses or callbacks (read by the WeCom import). Told apart by content.
 */
public enum ImportKind {
    CHAT,
    WECOM;

    /** The kind of file whose start this is: WeCom when it looks like a saved WeCom response or callback. */
    public static ImportKind of(Sniff sniff) {
        return looksLikeWecom(sniff.head()) ? WECOM : CHAT;
    }

    /** True when the start of a file (BOM removed or not) looks like a saved WeCom response or callback. */
    private static boolean looksLikeWecom(String head) {
        if (head == null) {
            return false;
        }
        String h = head.startsWith("\uFEFF") ? head.substring(1).stripLeading() : head.stripLeading();
        if (h.startsWith("{") || h.startsWith("[")) {
            return h.contains("\"group_chat_list\"") || h.contains("\"group_chat\"") || h.contains("\"new_chat_cnt\"")
                    || h.contains("\"items\"") && h.contains("\"stat_time\"")
                    || h.contains("\"errcode\"") && h.contains("\"errmsg\"") && !h.contains("\"messages\"");
        }
        if (h.startsWith("<?xml")) {
            int e = h.indexOf("?>");
            h = e < 0 ? "" : h.substring(e + 2).stripLeading();
        }
        return h.startsWith("<xml") && (h.contains("change_external_chat")
                || h.contains("<Encrypt>") && h.contains("<ToUserName>"));
    }
}
