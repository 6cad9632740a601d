package com.qundesk.value;

import com.qundesk.i18n.Localizable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rule that fired, with its evidence as named values (numbers, dates) and a sentence for the operator. */
public record RuleFinding(HealthRule rule, Map<String, Object> evidence, String messageKey, List<Object> messageArgs)
        implements Localizable {
    public RuleFinding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        messageArgs = List.copyOf(messageArgs);
    }
}
