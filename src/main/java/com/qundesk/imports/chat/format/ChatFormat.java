package com.qundesk.imports.chat.format;

import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.Sniff;

import java.io.IOException;

/**
 * One exporter's file format. Implementations are stateless: {@link #read} streams one file to a sink, reporting
 * bad rows to the context and going on; it throws {@link ImportFormatException} only for a file it cannot read at
 * all, {@link ImportCancelledException} when the context says the operator cancelled.
 */
public interface ChatFormat {

    /** The token used by {@code --format} and shown in the UI, e.g. {@code wechatmsg}, {@code pywxdump}. */
    String id();

    /** True when the start of the file (header line, JSON keys) is this format. */
    boolean accepts(Sniff sniff);

    /** Streams every message of the file at {@code sniff.file()} to {@code sink}. */
    void read(Sniff sniff, ParseContext context, MessageSink sink) throws IOException;

    /**
     * True when the member lists this format gives ({@link ChatInfo#members()}) are the roster at export time, so that
     * comparing two of them finds who left. ChatLab's list also names everyone who ever spoke: it is not one.
     */
    default boolean membersAreRoster() {
        return true;
    }
}
