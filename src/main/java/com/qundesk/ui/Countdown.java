package com.qundesk.ui;

import com.qundesk.i18n.Messages;

import java.time.Duration;
import java.time.Instant;

/** "in 2 d 3 h", "in 14 min", "3 h overdue" — a countdown an operator reads at a glance. */
public final class Countdown {

    private Countdown() {
    }

    public static String format(Messages m, Instant now, Instant target) {
        Duration d = Duration.between(now, target);
        boolean past = d.isNegative();
        Duration abs = d.abs();
        String span;
        if (abs.toDays() >= 1) {
            span = m.get("countdown.daysHours", abs.toDays(), abs.toHoursPart());
        } else if (abs.toHours() >= 1) {
            span = m.get("countdown.hoursMinutes", abs.toHours(), abs.toMinutesPart());
        } else if (abs.toMinutes() >= 1) {
            span = m.get("countdown.minutesSeconds", abs.toMinutes(), abs.toSecondsPart());
        } else {
            span = m.get("countdown.seconds", abs.toSeconds());
        }
        return m.get(past ? "countdown.overdue" : "countdown.in", span);
    }
}
