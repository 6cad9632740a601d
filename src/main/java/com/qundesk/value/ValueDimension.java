package com.qundesk.value;

import java.util.Locale;
import java.util.Optional;

/** The six things a member can gain from a group (PRODUCT.md). */
public enum ValueDimension {
    BENEFITS("benefits", "福利"),
    INFORMATION("information", "信息"),
    RESOURCES("resources", "资源"),
    CASES("cases", "案例"),
    ACTIVITIES("activities", "活动"),
    CONNECTIONS("connections", "链接");

    private final String token;
    private final String chinese;

    ValueDimension(String token, String chinese) {
        this.token = token;
        this.chinese = chinese;
    }

    public String token() {
        return token;
    }

    public String messageKey() {
        return "dimension." + token;
    }

    /** Stored tokens, for the exact match that every row read from the database takes. */
    private static final java.util.Map<String, ValueDimension> BY_TOKEN = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(v -> v.token, v -> v));

    public static ValueDimension fromToken(String t) {
        ValueDimension exact = t == null ? null : BY_TOKEN.get(t);
        if (exact != null) {
            return exact;
        }
        return parse(t).orElseThrow(() -> new IllegalArgumentException("Unknown dimension: " + t));
    }

    /** English token or name (benefits, Benefit), or the Chinese name (福利; 连接 too). */
    public static Optional<ValueDimension> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (ValueDimension d : values()) {
            if (d.token.equals(t) || d.token.equals(t + "s") || d.chinese.equals(text.strip())) {
                return Optional.of(d);
            }
        }
        if (text.strip().equals("连接") || text.strip().equals("人脉")) {
            return Optional.of(CONNECTIONS);
        }
        if (t.equals("info")) {
            return Optional.of(INFORMATION);
        }
        return Optional.empty();
    }
}
