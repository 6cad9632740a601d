package com.qundesk.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group's value index (0–100) and the named terms that produced it, so the number can be explained. */
public record ValueIndex(double value, Map<String, Double> terms) {
    public ValueIndex {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** False for a group whose member count is unknown: the index then holds no per-member figures. */
    public boolean perMember() {
        return terms.containsKey("valuePerMemberPerWeek");
    }
}
