package com.qundesk.io;

import com.qundesk.i18n.LocalizedException;

/** QunDesk would not write a file the operator keeps (the workspace, a backup, an existing file not to replace). */
public final class OutputRefusedException extends LocalizedException {

    public OutputRefusedException(String key, Object... args) {
        super(key, null, args);
    }
}
