package com.qundesk.flash;

import java.time.Instant;
import java.util.Collection;

/**
 * How the registry's flash groups ended or stand: dissolved on time (within the grace after their due time) or
 * late, and of those not ended, by their {@linkplain FlashLifecycle#stateAt state now}: overdue (due), open
 * (open or extended) or still to open (planned) — the same states Today, Groups and the CLI show.
 */
public record FlashDiscipline(int onTime, int late, int overdue, int open, int planned) {

    /** Dissolutions on time and late (final: they do not move with the clock). */
    public record Endings(int onTime, int late) {
    }

    /** The discipline from the endings and the lifecycles of the groups still live. */
    public static FlashDiscipline of(Endings endings, Collection<FlashLifecycle> live, Instant now) {
        int overdue = 0;
        int open = 0;
        int planned = 0;
        for (FlashLifecycle l : live) {
            switch (l.stateAt(now)) {
                case DUE -> overdue++;
                case OPEN, EXTENDED -> open++;
                case PLANNED -> planned++;
                case DISSOLVED, CONVERTED -> { }
            }
        }
        return new FlashDiscipline(endings.onTime(), endings.late(), overdue, open, planned);
    }
}
