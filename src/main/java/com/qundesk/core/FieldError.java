package com.qundesk.core;

import com.qundesk.i18n.Localizable;

import java.util.List;

/** One problem with one field of a form or a row, as a message key and its arguments. */
public record FieldError(String field, String messageKey, List<Object> messageArgs) implements Localizable {
    public FieldError {
        messageArgs = List.copyOf(messageArgs);
    }

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args));
    }
}
