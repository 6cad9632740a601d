package com.qundesk.imports.chat.format;

import com.qundesk.imports.MessageKind;

/**
 * One message as an exporter wrote it, normalised. Only {@code text} carries message content; it is used while the
 * import runs (to read join/removal notices and to flag ads) and is never stored or logged.
 *
 * @param chatId      the chat's id when the file names it ({@code …@chatroom}, a WeCom {@code wr…} id), else null
 * @param chatName    the chat's display name when the file names it, else null
 * @param epochSecond when it was sent, as a UTC epoch second
 * @param exactTime   false when the file only gave the minute (a spreadsheet-damaged date): such rows cannot be
 *                    matched to the second against other files
 * @param senderId    a stable id of the sender (wxid) when the file has one; null for system notices
 * @param senderName  the sender's display name when the file has one
 * @param self        sent by the exporting account
 * @param kind        the message's family ({@link MessageKind#SYSTEM} for notices)
 * @param text        plain text or the exporter's rendering of the content (may be null)
 * @param line        the line (CSV) or record number (JSON) the message starts at, 1-based, for error messages
 */
public record ParsedMessage(String chatId, String chatName, long epochSecond, boolean exactTime, String senderId,
                            String senderName, boolean self, MessageKind kind, String text, long line) {

    /** The identity key of the sender: the exporting account is one sender whatever the tool calls it. */
    public String senderKey() {
        if (kind == MessageKind.SYSTEM) {
            return "";
        }
        if (self) {
            return "\u0000self";
        }
        if (senderId != null && !senderId.isBlank()) {
            return senderId;
        }
        return senderName == null ? "" : "\u0001" + senderName;
    }
}
