package com.qundesk.imports.format;

import com.qundesk.imports.MessageKind;

import java.util.HashMap;
import java.util.Map;

/**
 * WeChat message type codes and the exporters' Chinese type labels, mapped to {@link MessageKind}. The mapping is
 * part of a message's identity: the same message read from a numeric-code export (WeChatMsg, chatlog) and from a
 * label export (PyWxDump, WeChatMsg v2) must land on the same kind, so every table here follows one list.
 */
public final class WeChatTypes {

    private static final Map<String, MessageKind> LABELS = new HashMap<>();

    static {
        label(MessageKind.TEXT, "文本", "引用回复", "引用消息");
        label(MessageKind.IMAGE, "图片");
        label(MessageKind.VOICE, "语音");
        label(MessageKind.VIDEO, "视频");
        label(MessageKind.EMOJI, "动画表情", "表情", "表情包");
        label(MessageKind.FILE, "文件");
        label(MessageKind.MONEY, "转账", "红包");
        label(MessageKind.CARD, "名片", "位置", "位置分享", "个人/公众号名片", "企业微信名片");
        label(MessageKind.CALL, "语音/视频通话", "语音通话", "视频通话", "音视频通话");
        label(MessageKind.SYSTEM, "系统通知", "拍一拍", "消息撤回", "邀请加群", "系统消息", "撤回消息");
        // every other label (卡片链接, 合并转发, 小程序, 接龙, 群公告, 音乐, 视频号, 分享链接…) is APP
    }

    private WeChatTypes() {
    }

    private static void label(MessageKind kind, String... labels) {
        for (String l : labels) {
            LABELS.put(l, kind);
        }
    }

    /** The kind of a PC WeChat 3.x message by its {@code Type} and {@code SubType}; unknown codes are APP. */
    public static MessageKind kindOf(int type, int subType) {
        return switch (type) {
            case 1 -> MessageKind.TEXT;
            case 3 -> MessageKind.IMAGE;
            case 34 -> MessageKind.VOICE;
            case 43 -> MessageKind.VIDEO;
            case 47 -> MessageKind.EMOJI;
            case 42, 48 -> MessageKind.CARD;
            case 50 -> MessageKind.CALL;
            case 37, 10000, 10002 -> MessageKind.SYSTEM;
            case 49 -> appKind(subType);
            default -> MessageKind.APP;
        };
    }

    private static MessageKind appKind(int subType) {
        return switch (subType) {
            case 1, 57 -> MessageKind.TEXT;
            case 8 -> MessageKind.EMOJI;
            case 6, 74 -> MessageKind.FILE;
            case 2000, 2001, 2003 -> MessageKind.MONEY;
            case 62 -> MessageKind.SYSTEM;
            default -> MessageKind.APP;
        };
    }

    /** The kind of a WeChat 4.x {@code local_type} ({@code SubType << 32 | Type}). */
    public static MessageKind kindOfLocalType(long localType) {
        return kindOf((int) (localType & 0xFFFF_FFFFL), (int) (localType >>> 32));
    }

    /**
     * The kind of an exporter's Chinese type label (PyWxDump {@code type_name}, WeChatMsg v2 {@code 类型});
     * labels not in the table (links, forwards, mini programs, unknown) are APP.
     */
    public static MessageKind kindOfLabel(String label) {
        if (label == null) {
            return MessageKind.APP;
        }
        MessageKind k = LABELS.get(label);
        if (k == null) {
            k = LABELS.get(label.strip());
        }
        return k == null ? MessageKind.APP : k;
    }
}
