package com.qundesk.imports;

import com.qundesk.i18n.LocalizedException;

/**
 * A file that cannot be imported at all (not a known format, empty, not JSON where JSON is expected…), with a
 * message key for the operator and the line where the problem was found (0 when it concerns the whole file).
 */
public final class ImportFormatException extends LocalizedException {
    private final long line;

    public ImportFormatException(long line, String key, Object... args) {
        super(key, null, args);
        this.line = line;
    }

    public long line() {
        return line;
    }

    @Override
    public String getMessage() {
        return messageKey() + " at line " + line;
    }
}
