package com.qundesk.imports.chat.format;

import com.qundesk.imports.MessageKind;

/**
 * WeChat message type codes and the exporters' Chinese type labels, mapped to {@link MessageKind}. The mapping is
 * part of a message's identity: the same message read from a numeric-code export (WeChatMsg, chatlog) and from a
 * label export (PyWxDump, WeChatMsg v2) must land on the same kind, so every table here follows one list.
 */
public final class WeChatTypes {

    private WeChatTypes() {
    }

    /** The kind of a PC WeChat 3.x message by its {@code Type} and {@code SubType}; unknown codes are APP. */
    public static MessageKind kindOf(int type, int subType) {
        return WeChatCodes.kind(type, subType);
    }

    /** The kind of a WeChat 4.x {@code local_type} ({@code SubType << 32 | Type}). */
    public static MessageKind kindOfLocalType(long localType) {
        return WeChatCodes.kind(localType, 0);
    }

    /**
     * The kind of an exporter's Chinese type label (PyWxDump {@code type_name}, WeChatMsg v2 {@code 类型});
     * labels not in the table (links, forwards, mini programs, unknown) are APP.
     */
    public static MessageKind kindOfLabel(String label) {
        MessageKind k = WeChatCodes.kindOfLabel(label);
        return k == null ? MessageKind.APP : k;
    }
}
