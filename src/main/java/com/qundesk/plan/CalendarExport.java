package com.qundesk.plan;

import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.Reminder;
import com.qundesk.i18n.Messages;
import com.qundesk.io.OutputFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calendar as an iCalendar file (RFC 5545) that Outlook, Apple and Google Calendar and WeCom's calendar
 * import: flash-group openings and dissolutions, reminders and the plan's deliveries in a window. Each item has
 * a stable UID, so importing the file again updates the events (a moved dissolution moves) rather than adding
 * them twice. Times are written in UTC; calendars show them in the reader's zone.
 */
public final class CalendarExport {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One event of the file. */
    record Event(String uid, Instant start, int minutes, String summary, String description, String category) {
    }

    private final FlashService flash;
    private final PlanService plans;
    private final Clock clock;
    private final OutputFiles outputs;

    public CalendarExport(FlashService flash, PlanService plans, Clock clock, OutputFiles outputs) {
        this.flash = flash;
        this.plans = plans;
        this.clock = clock;
        this.outputs = outputs;
    }

    /**
     * Writes the file for [from, to) through {@link OutputFiles}: never over the workspace or a backup, over an
     * existing file only when {@code replace} (CLI {@code --force}, or a save dialog that asked).
     *
     * @return how many events the file holds
     */
    public int write(Path out, boolean replace, Instant from, Instant to, Messages m) {
        outputs.check(out, replace);
        String ics = ics(from, to, m);
        outputs.write(out, replace, tmp -> Files.writeString(tmp, ics, StandardCharsets.UTF_8));
        return ics.split("BEGIN:VEVENT", -1).length - 1;
    }

    /** The events in [from, to), in time order. */
    List<Event> events(Instant from, Instant to, Messages m) {
        List<Event> out = new ArrayList<>();
        Map<Long, FlashGroup> byId = new HashMap<>();
        for (FlashGroup f : flash.list()) {
            byId.put(f.group().id(), f);
            String name = f.group().name();
            if (within(f.lifecycle().opensAt(), from, to)) {
                out.add(new Event("flash-open-" + f.group().id() + "@qundesk", f.lifecycle().opensAt(), 15,
                        m.get("ics.open", name), campaign(f, m), m.get("ics.category.flash")));
            }
            if (within(f.lifecycle().dueAt(), from, to) && !f.lifecycle().state().isFinal()) {
                out.add(new Event("flash-due-" + f.group().id() + "@qundesk", f.lifecycle().dueAt(), 15,
                        m.get("ics.dissolve", name), campaign(f, m), m.get("ics.category.flash")));
            }
        }
        for (Reminder r : flash.activeReminders()) {
            FlashGroup f = byId.get(r.groupId());
            if (r.kind() == Reminder.Kind.REMINDER && f != null && !f.lifecycle().state().isFinal()
                    && within(r.fireAt(), from, to)) {
                out.add(new Event("reminder-" + r.id() + "@qundesk", r.fireAt(), 5,
                        m.get("ics.reminder", f.group().name()), m.get("ics.reminderText", r.offsetMinutes() / 60),
                        m.get("ics.category.reminder")));
            }
        }
        for (PlannedDelivery d : plans.occurrences(from, to, clock.instant())) {
            String state = d.state().open() ? "" : " (" + m.get(d.state().messageKey()) + ")";
            out.add(new Event(d.uid(), d.occurrence(), 15,
                    m.get("ics.delivery", d.groupName(), d.item().title()) + state,
                    m.get(d.item().dimension().messageKey()) + (d.text() == null ? "" : "\n\n" + d.text()),
                    m.get("ics.category.delivery")));
        }
        out.sort(Comparator.comparing(Event::start).thenComparing(Event::uid));
        return out;
    }

    /** The whole file, lines ending in CRLF and folded at 75 octets as RFC 5545 §3.1 asks. */
    public String ics(Instant from, Instant to, Messages m) {
        String stamp = UTC.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//QunDesk//QunDesk calendar//" + m.locale().getLanguage().toUpperCase());
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "X-WR-CALNAME:" + text(m.get("ics.calendarName")));
        for (Event e : events(from, to, m)) {
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:" + e.uid());
            line(sb, "DTSTAMP:" + stamp);
            line(sb, "DTSTART:" + UTC.format(e.start()));
            line(sb, "DTEND:" + UTC.format(e.start().plus(e.minutes(), ChronoUnit.MINUTES)));
            line(sb, "SUMMARY:" + text(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(sb, "DESCRIPTION:" + text(e.description()));
            }
            line(sb, "CATEGORIES:" + text(e.category()));
            line(sb, "TRANSP:TRANSPARENT");
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    private static String campaign(FlashGroup f, Messages m) {
        return f.campaignName() == null ? m.get(f.lifecycle().preset().messageKey())
                : f.campaignName() + " · " + m.get(f.lifecycle().preset().messageKey());
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** TEXT value escaping (RFC 5545 §3.3.11). */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n");
    }

    /** Appends a content line folded so no physical line exceeds 75 octets, never inside a UTF-8 character. */
    static void line(StringBuilder sb, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + len > 75) {
                sb.append("\r\n ");
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        sb.append("\r\n");
    }
}
