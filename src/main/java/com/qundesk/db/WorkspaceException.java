package com.qundesk.db;

import com.qundesk.i18n.LocalizedException;

/** The workspace file could not be created, opened or upgraded. Carries a message key for the operator. */
public class WorkspaceException extends LocalizedException {

    public WorkspaceException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
