package com.qundesk.imports.chat.format;

import com.qundesk.imports.MessageKind;

import java.util.HashMap;
import java.util.Map;

/**
 * WeChat message type codes and the Chinese type labels exporters write, mapped to a {@link MessageKind}, for the
 * every reader. The mapping is part of a message's identity: the same message must land on the same family whichever
 * tool exported it, so there is this one table ({@link WeChatTypes} is its face for the WeChatMsg/PyWxDump readers).
 *
 * <p>WeChat 4.x stores {@code local_type = SubType << 32 | Type}; {@link #type(long)} and {@link #subType(long)}
 * split such a value and leave a 3.x type code alone.
 */
public final class WeChatCodes {

    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final Map<String, MessageKind> LABELS = new HashMap<>();

    static {
        // labels PyWxDump, WeChatMsg v2 and others write
        put(MessageKind.TEXT, "文本", "引用回复", "文本消息", "引用消息");
        put(MessageKind.IMAGE, "图片", "图片消息");
        put(MessageKind.VOICE, "语音", "语音消息");
        put(MessageKind.VIDEO, "视频", "视频消息");
        put(MessageKind.EMOJI, "动画表情", "表情", "表情包", "GIF表情");
        put(MessageKind.FILE, "文件", "文件消息");
        put(MessageKind.MONEY, "转账", "红包", "转账消息", "转账卡片", "红包消息", "红包卡片", "红包封面");
        put(MessageKind.CARD, "名片", "位置", "名片消息", "位置消息", "位置分享", "个人/公众号名片", "企业微信名片");
        put(MessageKind.CALL, "语音/视频通话", "语音通话", "视频通话", "通话消息", "音视频通话");
        put(MessageKind.SYSTEM, "系统通知", "拍一拍", "消息撤回", "邀请加群", "系统消息", "拍一拍消息", "撤回消息");
        // PyWxDump's own labels (pywxdump/db/utils/common_utils.py, type_converter), where they are not the app
        // family: 49/1 pasted text, 49/8 GIF, 49/74 file, 49/2003 red-envelope cover, 37 friend request, 42 card
        put(MessageKind.TEXT, "粘贴的文本");
        put(MessageKind.EMOJI, "用户上传的GIF表情");
        put(MessageKind.FILE, "文件(猜)");
        put(MessageKind.MONEY, "赠送红包封面");
        put(MessageKind.SYSTEM, "添加好友");
        put(MessageKind.CARD, "推荐公众号");
        // WeFlow / EchoTrace labels for app messages
        put(MessageKind.APP, "卡片链接", "合并转发", "小程序", "接龙", "群公告", "音乐", "视频号", "链接消息", "卡片式链接",
                "图文消息", "小程序消息", "小程序分享", "聊天记录", "聊天记录合并转发", "音乐消息", "音乐分享", "音乐卡片",
                "视频号直播卡片", "微信礼物", "其他消息");
    }

    private WeChatCodes() {
    }

    private static void put(MessageKind kind, String... labels) {
        for (String label : labels) {
            LABELS.put(label, kind);
        }
    }

    /** The Type part of a code: a 4.x {@code local_type} is split, a 3.x Type is returned as is. */
    public static long type(long code) {
        return code > LOW_32 ? code & LOW_32 : code;
    }

    /** The SubType part of a 4.x {@code local_type}; 0 for a plain 3.x Type. */
    public static long subType(long code) {
        return code > LOW_32 ? code >>> 32 : 0;
    }

    /** True for the Type codes WeChat documents (section 6 of FORMATS.md). */
    public static boolean knownType(long type) {
        return type == 1 || type == 3 || type == 34 || type == 37 || type == 42 || type == 43 || type == 47
                || type == 48 || type == 49 || type == 50 || type == 10000 || type == 10002;
    }

    /**
     * The family of Type/SubType. A {@code type} holding a 4.x combined value is split first (its SubType wins over
     * {@code subType}). Unknown types are {@link MessageKind#APP}.
     */
    public static MessageKind kind(long type, long subType) {
        if (type > LOW_32) {
            subType = subType(type);
            type = type(type);
        }
        if (type < 0 || type > Integer.MAX_VALUE) {
            return MessageKind.APP;
        }
        return switch ((int) type) {
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

    /** The family of an app message (Type 49) by its SubType. */
    public static MessageKind appKind(long subType) {
        if (subType < 0 || subType > Integer.MAX_VALUE) {
            return MessageKind.APP;
        }
        return switch ((int) subType) {
            case 1, 57 -> MessageKind.TEXT;
            case 8 -> MessageKind.EMOJI;
            case 6, 74 -> MessageKind.FILE;
            case 2000, 2001, 2003 -> MessageKind.MONEY;
            case 62 -> MessageKind.SYSTEM;
            default -> MessageKind.APP;
        };
    }

    /**
     * The family of a Chinese type label ({@code 文本}, {@code 图片消息}, {@code 拍一拍} …), or null when the label is
     * not one QunDesk knows. WeFlow's {@code 未知类型(…)} labels are {@link MessageKind#APP}.
     */
    public static MessageKind kindOfLabel(String label) {
        if (label == null) {
            return null;
        }
        String s = label.strip();
        MessageKind kind = LABELS.get(s);
        if (kind == null && isRecallLabel(s)) {
            return MessageKind.SYSTEM;
        }
        if (kind == null && (s.startsWith("未知类型") || s.startsWith("未知消息类型"))) {
            return MessageKind.APP;
        }
        return kind;
    }

    /**
     * PyWxDump labels a recall {@code 消息撤回} followed by the 10000 sub-type it came with ({@code 消息撤回1},
     * {@code 消息撤回57} …): a notice, never a message of a person.
     */
    private static boolean isRecallLabel(String s) {
        if (!s.startsWith("消息撤回")) {
            return false;
        }
        for (int i = "消息撤回".length(); i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
