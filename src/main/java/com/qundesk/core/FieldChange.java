package com.qundesk.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One recorded field that differs between two versions of a record: its history name and both values as text (null:
 * empty). Groups and campaigns list their fields ({@link Of}) and compare them here, so that edits are written into
 * their history and a refused save ({@link RefusedSave}) is shown field by field the same way.
 */
public record FieldChange(String field, String oldValue, String newValue) {

    /** A recorded field of {@code T}: its name in the history and how to read its value. */
    public interface Of<T> {
        String name();

        Function<T, Object> get();
    }

    /** The fields in which {@code after} differs from {@code before}, in the order of {@code fields}. */
    public static <T> List<FieldChange> between(T before, T after, List<? extends Of<T>> fields) {
        List<FieldChange> changes = new ArrayList<>();
        for (Of<T> f : fields) {
            String a = text(f.get().apply(before));
            String b = text(f.get().apply(after));
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(f.name(), a, b));
            }
        }
        return changes;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof Instant i ? i.toString() : v.toString();
        return s.isEmpty() ? null : s;
    }
}
