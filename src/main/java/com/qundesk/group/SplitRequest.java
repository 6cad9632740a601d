package com.qundesk.group;

/**
 * Split a group into {@code count} sub-groups. The name pattern may use {@code {name}} (the parent's name)
 * and {@code {k}} (1..count); the parent's members are divided among the children as evenly as possible.
 */
public record SplitRequest(int count, String namePattern) {
    public static final String DEFAULT_PATTERN = "{name}-{k}";
    public static final int MAX_CHILDREN = 50;

    public String nameFor(String parentName, int k) {
        String pattern = namePattern == null || namePattern.isBlank() ? DEFAULT_PATTERN : namePattern;
        String name = pattern.replace("{name}", parentName).replace("{k}", Integer.toString(k));
        if (!pattern.contains("{k}")) {
            name = name + "-" + k;
        }
        return name;
    }

    /** The share of {@code members} that child {@code k} (1-based) receives. */
    public int membersFor(int members, int k) {
        int base = members / count;
        return base + (k <= members % count ? 1 : 0);
    }
}
