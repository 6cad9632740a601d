package com.qundesk.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Fills {@code {group}}, {@code {campaign}}, {@code {dissolve_at}} and {@code {owner}}; unknown braces stay. */
public final class TemplateRenderer {

    public static final String[] VARIABLES = {"{group}", "{campaign}", "{dissolve_at}", "{owner}"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TemplateRenderer() {
    }

    /**
     * The owner as a template says it: the owner's name, or — when the group has none recorded — the words a
     * member would read instead (群主 / the group owner), never an empty gap such as “请添加 为好友”.
     */
    public static String ownerOrDefault(String owner, String language) {
        if (owner != null && !owner.isBlank()) {
            return owner;
        }
        return language != null && language.startsWith("zh") ? "群主" : "the group owner";
    }

    public static String render(String body, String group, String campaign, Instant dissolveAt, String owner,
                                ZoneId zone) {
        Map<String, String> values = Map.of(
                "{group}", group == null ? "" : group,
                "{campaign}", campaign == null ? "" : campaign,
                "{dissolve_at}", dissolveAt == null ? "" : WHEN.format(dissolveAt.atZone(zone)),
                "{owner}", owner == null ? "" : owner);
        String out = body;
        for (var e : values.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
