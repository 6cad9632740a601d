package com.qundesk.db;

import com.qundesk.i18n.Localizable;

import java.util.List;

/** The workspace file could not be created, opened or upgraded. Carries a message key for the operator. */
public class WorkspaceException extends RuntimeException implements Localizable {
    private final String key;
    private final List<Object> args;

    public WorkspaceException(String key, Throwable cause, Object... args) {
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
