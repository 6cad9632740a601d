package com.qundesk.imports;

/**
 * The coarse family of a chat message. It is part of a message's identity, so it is chosen coarse enough that two
 * exporters describing the same message (one by numeric type code, the other by a Chinese label) land on the same
 * family: a quote reply is {@link #TEXT} everywhere, every WeChat "app message" that is not a file, money or a pat is
 * {@link #APP}.
 */
public enum MessageKind {
    TEXT, IMAGE, VOICE, VIDEO, EMOJI, FILE, APP, CARD, MONEY, CALL,
    /** A system notice (joins, removals, revokes, pats, renames…): never counted as a message sent by a person. */
    SYSTEM;

    public boolean isPerson() {
        return this != SYSTEM;
    }
}
