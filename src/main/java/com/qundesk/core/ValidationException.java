package com.qundesk.core;

import com.qundesk.i18n.Localizable;

import java.util.List;

/** Input that breaks a rule; nothing was written. Each error names its field. */
public class ValidationException extends RuntimeException implements Localizable {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public ValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String messageKey() {
        return errors.getFirst().messageKey();
    }

    @Override
    public List<Object> messageArgs() {
        return errors.getFirst().messageArgs();
    }
}
