package com.qundesk.i18n;

import java.util.List;

/** A failure told to the operator by a message key and its arguments; subclasses name where it happened. */
public class LocalizedException extends RuntimeException implements Localizable {
    private final String key;
    private final List<Object> args;

    public LocalizedException(String key, Throwable cause, Object... args) {
        super(key + " " + List.of(args), cause);
        this.key = key;
        this.args = List.of(args);
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public List<Object> messageArgs() {
        return args;
    }
}
