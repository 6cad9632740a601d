package com.qundesk.imports;

import com.qundesk.i18n.Localizable;

import java.util.List;

/**
 * A file that cannot be imported at all (not a known format, empty, not JSON where JSON is expected…), with a
 * message key for the operator and the line where the problem was found (0 when it concerns the whole file).
 */
public final class ImportFormatException extends RuntimeException implements Localizable {
    private final String key;
    private final List<Object> args;
    private final long line;

    public ImportFormatException(long line, String key, Object... args) {
        super(key + " at line " + line);
        this.key = key;
        this.args = List.of(args);
        this.line = line;
    }

    public long line() {
        return line;
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
