package com.qundesk.imports.chat.format;

import com.qundesk.imports.MessageKind;

/**
 * ChatLab's message type numbers (its {@code MessageType} enum) mapped to a {@link MessageKind}, using the same
 * families as the WeChat codes: a reply is text, a pat or a recall is a system notice, links, shares and forwarded
 * chats are app messages.
 */
public final class ChatLabTypes {

    public static final int TEXT = 0;
    public static final int IMAGE = 1;
    public static final int VOICE = 2;
    public static final int VIDEO = 3;
    public static final int FILE = 4;
    public static final int EMOJI = 5;
    public static final int LINK = 7;
    public static final int LOCATION = 8;
    public static final int RED_PACKET = 20;
    public static final int TRANSFER = 21;
    public static final int POKE = 22;
    public static final int CALL = 23;
    public static final int SHARE = 24;
    public static final int REPLY = 25;
    public static final int FORWARD = 26;
    public static final int CONTACT = 27;
    public static final int SYSTEM = 80;
    public static final int RECALL = 81;
    public static final int OTHER = 99;

    private ChatLabTypes() {
    }

    /** The family of a ChatLab type number; unknown numbers are {@link MessageKind#APP}. */
    public static MessageKind kind(long type) {
        if (type < 0 || type > Integer.MAX_VALUE) {
            return MessageKind.APP;
        }
        return switch ((int) type) {
            case TEXT, REPLY -> MessageKind.TEXT;
            case IMAGE -> MessageKind.IMAGE;
            case VOICE -> MessageKind.VOICE;
            case VIDEO -> MessageKind.VIDEO;
            case FILE -> MessageKind.FILE;
            case EMOJI -> MessageKind.EMOJI;
            case LOCATION, CONTACT -> MessageKind.CARD;
            case RED_PACKET, TRANSFER -> MessageKind.MONEY;
            case CALL -> MessageKind.CALL;
            case POKE, SYSTEM, RECALL -> MessageKind.SYSTEM;
            default -> MessageKind.APP;
        };
    }
}
