package com.qundesk.imports.chat.format;



/** Where a parser streams what it reads, in file order. */
public interface MessageSink {
    /** One message (or system notice). */
    void message(ParsedMessage message);

    /** What the file says about a chat (may be called before, between or after its messages; at most once a chat). */
    default void chat(ChatInfo info) {
    }
}
