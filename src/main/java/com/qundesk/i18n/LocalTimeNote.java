package com.qundesk.i18n;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What to tell the operator about a local date-time in a zone with DST: that it does not exist (skipped by a
 * spring-forward change) or happens twice (a fall-back change), and how it was read (Java's rule: a skipped
 * time moves forward by the gap, a doubled one takes the earlier offset). Used by the CLI and the UI's fields.
 */
public final class LocalTimeNote {

    private LocalTimeNote() {
    }

    /** The note, or empty for an ordinary local time. */
    public static Optional<String> of(LocalDateTime local, ZoneId zone, Messages m) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        ZonedDateTime read = local.atZone(zone);
        if (offsets.isEmpty()) {
            return Optional.of(m.get("cli.time.gap", local, zone.getId(), read.toOffsetDateTime()));
        }
        if (offsets.size() > 1) {
            return Optional.of(m.get("cli.time.overlap", local, zone.getId(), read.toOffsetDateTime(),
                    read.withLaterOffsetAtOverlap().toOffsetDateTime()));
        }
        return Optional.empty();
    }
}
