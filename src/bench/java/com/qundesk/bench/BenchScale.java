package com.qundesk.bench;

import java.util.Locale;

/**
 * The sizes of a benchmark workspace. {@link #BIG} is the large agency of issue 6: 2,000 groups (1,500 flash groups
 * over a year), 300 campaigns, 50,000 value events, 730,000 daily-stat rows and 5,000,000 imported messages, one
 * export of them holding 1,000,000 (the headline import). {@link #SMALL} runs in CI in seconds.
 *
 * @param chatLongTerm long-term groups whose messages come from chat exports (the headline group among them)
 * @param chatFlash    flash groups whose messages come from chat exports
 * @param historyDays  how far back the oldest long-term group's daily stats go
 */
public enum BenchScale {
    SMALL(50, 36, 8, 1_250, 500, 10_000, 50_000, 20_000, 4, 3, 730),
    MEDIUM(400, 250, 60, 10_000, 4_000, 146_000, 1_000_000, 250_000, 30, 20, 1460),
    BIG(2_000, 1_500, 300, 50_000, 20_000, 730_000, 5_000_000, 1_000_000, 150, 100, 1460);

    public final int groups;
    public final int flashGroups;
    public final int campaigns;
    public final int valueEvents;
    public final int outcomes;
    public final int dailyStats;
    public final long messages;
    public final int headlineMessages;
    public final int chatLongTerm;
    public final int chatFlash;
    public final int historyDays;

    BenchScale(int groups, int flashGroups, int campaigns, int valueEvents, int outcomes, int dailyStats,
               long messages, int headlineMessages, int chatLongTerm, int chatFlash, int historyDays) {
        this.groups = groups;
        this.flashGroups = flashGroups;
        this.campaigns = campaigns;
        this.valueEvents = valueEvents;
        this.outcomes = outcomes;
        this.dailyStats = dailyStats;
        this.messages = messages;
        this.headlineMessages = headlineMessages;
        this.chatLongTerm = chatLongTerm;
        this.chatFlash = chatFlash;
        this.historyDays = historyDays;
    }

    public int longTermGroups() {
        return groups - flashGroups;
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BenchScale parse(String s) {
        for (BenchScale b : values()) {
            if (b.token().equalsIgnoreCase(s.strip())) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown scale " + s + " (small, medium or big)");
    }
}
