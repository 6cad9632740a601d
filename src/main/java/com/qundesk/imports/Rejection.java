package com.qundesk.imports;

import com.qundesk.i18n.Localizable;

import java.util.List;

/** A refused row: its line (1-based; 0 for the whole file) and why, as a message key with arguments. */
public record Rejection(long line, String messageKey, List<Object> messageArgs) implements Localizable {
    public Rejection {
        messageArgs = List.copyOf(messageArgs);
    }
}
