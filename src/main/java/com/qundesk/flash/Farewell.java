package com.qundesk.flash;

import com.qundesk.template.Template;
import com.qundesk.template.TemplateKind;
import com.qundesk.template.TemplateService;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The farewell posted in a flash group before it is dissolved: the group's farewell template (or the default
 * one in the operator's language) with the dissolution time it announces — never a time already past.
 */
public final class Farewell {

    /** The least notice a farewell gives members of an overdue group (to add the owner as a friend). */
    public static final Duration NOTICE = Duration.ofMinutes(10);
    private static final long QUARTER_HOUR_MS = Duration.ofMinutes(15).toMillis();

    private Farewell() {
    }

    /**
     * The time the farewell announces: the due time while it is ahead; for a group already overdue, the next
     * quarter hour at least {@link #NOTICE} from now (the operator dissolves it then).
     */
    public static Instant announcedDissolution(Instant due, Instant now) {
        if (due.isAfter(now.plus(NOTICE))) {
            return due;
        }
        long earliest = now.plus(NOTICE).toEpochMilli();
        return Instant.ofEpochMilli((earliest + QUARTER_HOUR_MS - 1) / QUARTER_HOUR_MS * QUARTER_HOUR_MS);
    }

    /** The filled farewell of {@code fg} as of {@code now}, or "" when the workspace has no farewell template. */
    public static String text(TemplateService templates, FlashGroup fg, String language, Instant now, ZoneId zone) {
        List<Template> used = templates.usedBy(fg.group().id());
        Template t = used.stream().filter(x -> x.kind() == TemplateKind.FAREWELL).findFirst()
                .orElseGet(() -> templates.list().stream()
                        .filter(x -> x.kind() == TemplateKind.FAREWELL && x.language().equals(language))
                        .findFirst().orElse(null));
        if (t == null) {
            return "";
        }
        return templates.render(t, fg.group().name(), fg.campaignName(),
                announcedDissolution(fg.lifecycle().dueAt(), now), fg.group().owner(), zone);
    }
}
