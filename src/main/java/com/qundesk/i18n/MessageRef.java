package com.qundesk.i18n;

import java.util.List;

/** A message argument that is itself translated (e.g. a state name inside an error sentence). */
public record MessageRef(String messageKey, List<Object> messageArgs) implements Localizable {
    public static MessageRef of(String key, Object... args) {
        return new MessageRef(key, List.of(args));
    }
}
