package com.qundesk.value;

import com.qundesk.stats.DailyStat;
import com.qundesk.stats.DailyStatRepository;
import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.db.Database;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.core.ValidationException;
import com.qundesk.io.RejectedRow;
import com.qundesk.io.Table;
import com.qundesk.io.TableReader;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CSV/xlsx imports of the value ledger, outcomes and daily stats, with the registry import's rules: columns by
 * header, good rows stored in one transaction, bad rows reported with their row numbers, re-importing the same
 * file changes nothing. {@code group} is a group's external id or exact name; {@code campaign} an id or name.
 */
public final class LedgerImporter {

    public enum Kind {
        VALUES(List.of("group", "time", "dimension", "title"), List.of("reach", "campaign", "note")),
        OUTCOMES(List.of("group", "day", "type", "value"), List.of("campaign")),
        STATS(List.of("group", "day"), List.of("members", "joins", "leaves", "removals", "messages", "speakers",
                "top3_share", "owner_messages", "flagged_ads"));

        final List<String> required;
        final List<String> optional;

        Kind(List<String> required, List<String> optional) {
            this.required = required;
            this.optional = optional;
        }
    }

    /** Chinese and alternative headers for the columns. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("群", "group"), Map.entry("群名", "group"), Map.entry("群名称", "group"), Map.entry("群id", "group"),
            Map.entry("groupid", "group"), Map.entry("时间", "time"), Map.entry("at", "time"), Map.entry("日期", "day"),
            Map.entry("date", "day"), Map.entry("维度", "dimension"), Map.entry("标题", "title"), Map.entry("触达", "reach"),
            Map.entry("触达人数", "reach"), Map.entry("活动", "campaign"), Map.entry("类型", "type"), Map.entry("数值", "value"),
            Map.entry("备注", "note"), Map.entry("人数", "members"), Map.entry("成员数", "members"), Map.entry("入群", "joins"),
            Map.entry("退群", "leaves"), Map.entry("移出", "removals"), Map.entry("消息数", "messages"),
            Map.entry("发言人数", "speakers"), Map.entry("top3share", "top3_share"), Map.entry("前三占比", "top3_share"),
            Map.entry("ownermessages", "owner_messages"), Map.entry("群主消息", "owner_messages"),
            Map.entry("flaggedads", "flagged_ads"), Map.entry("广告", "flagged_ads"));

    /** Value events, like days, fall in 2000–2100. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    public record Report(String fileName, Kind kind, int imported, int unchanged, List<RejectedRow> rejected) {
        public boolean complete() {
            return rejected.isEmpty();
        }
    }

    private final Database db;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final LedgerRepository repo;
    private final DailyStatRepository dailyStats = new DailyStatRepository();
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public LedgerImporter(Database db, GroupService groups, CampaignService campaigns, LedgerRepository repo,
                          Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.groups = groups;
        this.campaigns = campaigns;
        this.repo = repo;
        this.clock = clock;
        this.zone = zone;
    }

    public Report importFile(Path file, Kind kind) {
        Table t = TableReader.read(file);
        Map<String, Integer> cols = columns(t.headers());
        List<String> missing = kind.required.stream().filter(c -> !cols.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException(FieldError.of("file", "ledger.missingColumns", t.fileName(),
                    String.join(", ", missing), String.join(",", kind.required)));
        }
        return db.inTransaction(c -> {
            Lookup lookup = new Lookup(c);
            List<RejectedRow> rejected = new ArrayList<>();
            int imported = 0;
            int unchanged = 0;
            Instant now = clock.instant();
            for (Table.Row row : t.rows()) {
                List<FieldError> errors = new ArrayList<>();
                Long groupId = lookup.group(cell(row, cols, "group"), errors);
                Long campaignId = lookup.campaign(cell(row, cols, "campaign"), errors);
                boolean changed = false;
                switch (kind) {
                    case VALUES -> {
                        Instant at = time(cell(row, cols, "time"), errors);
                        ValueDimension d = ValueDimension.parse(cell(row, cols, "dimension")).orElse(null);
                        if (d == null) {
                            errors.add(FieldError.of("dimension", "ledger.badDimension", cell(row, cols, "dimension")));
                        }
                        String title = cell(row, cols, "title");
                        if (title.isBlank()) {
                            errors.add(FieldError.of("title", "validation.value.title"));
                        }
                        int reach = count(cell(row, cols, "reach"), "reach", errors);
                        if (errors.isEmpty()) {
                            changed = repo.insertEvent(c, new ValueEvent(null, groupId, campaignId, at, d, title.strip(),
                                    reach, emptyToNull(cell(row, cols, "note"))), now);
                        }
                    }
                    case OUTCOMES -> {
                        LocalDate day = day(cell(row, cols, "day"), errors);
                        OutcomeType type = OutcomeType.parse(cell(row, cols, "type")).orElse(null);
                        if (type == null) {
                            errors.add(FieldError.of("type", "ledger.badOutcomeType", cell(row, cols, "type")));
                        }
                        double value = amount(cell(row, cols, "value"), errors);
                        if (errors.isEmpty()) {
                            changed = repo.upsertOutcome(c, new Outcome(groupId, campaignId, day, type, value));
                        }
                    }
                    case STATS -> {
                        LocalDate day = day(cell(row, cols, "day"), errors);
                        Integer members = optionalCount(cell(row, cols, "members"), "members", errors);
                        Integer leaves = optionalCount(cell(row, cols, "leaves"), "leaves", errors);
                        double top3 = share(cell(row, cols, "top3_share"), errors);
                        DailyStat s = new DailyStat(groupId == null ? 0 : groupId, day, members,
                                count(cell(row, cols, "joins"), "joins", errors), leaves,
                                count(cell(row, cols, "removals"), "removals", errors),
                                count(cell(row, cols, "messages"), "messages", errors),
                                count(cell(row, cols, "speakers"), "speakers", errors), top3,
                                count(cell(row, cols, "owner_messages"), "owner_messages", errors),
                                count(cell(row, cols, "flagged_ads"), "flagged_ads", errors), "import");
                        if (errors.isEmpty()) {
                            changed = dailyStats.upsert(c, s);
                        }
                    }
                }
                if (!errors.isEmpty()) {
                    rejected.add(new RejectedRow(row.number(), errors));
                } else if (changed) {
                    imported++;
                } else {
                    unchanged++;
                }
            }
            return new Report(t.fileName(), kind, imported, unchanged, rejected);
        });
    }

    private static Map<String, Integer> columns(List<String> headers) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = TableReader.normalizeHeader(headers.get(i));
            String name = SYNONYMS.getOrDefault(h, h);
            if (name.equals("top3share")) {
                name = "top3_share";
            } else if (name.equals("ownermessages")) {
                name = "owner_messages";
            } else if (name.equals("flaggedads")) {
                name = "flagged_ads";
            }
            out.putIfAbsent(name, i);
        }
        return out;
    }

    private static String cell(Table.Row row, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        return i == null ? "" : row.cell(i).strip();
    }

    /** Resolves groups and campaigns by id or exact name, caching what it has looked up. */
    private final class Lookup {
        private final Map<String, Long> groupByKey = new HashMap<>();
        private final Map<String, Integer> nameCount = new HashMap<>();
        private final Map<String, Long> campaignByKey = new HashMap<>();

        Lookup(Connection c) throws java.sql.SQLException {
            for (Group g : groups.listIn(c)) {
                if (g.externalId() != null) {
                    groupByKey.put(g.externalId(), g.id());
                }
                nameCount.merge(g.name(), 1, Integer::sum);
                groupByKey.putIfAbsent(g.name(), g.id());
            }
            for (Campaign k : campaigns.listIn(c)) {
                campaignByKey.put(k.id().toString(), k.id());
                campaignByKey.putIfAbsent(k.name(), k.id());
            }
        }

        Long group(String key, List<FieldError> errors) {
            if (key.isBlank()) {
                errors.add(FieldError.of("group", "ledger.groupMissing"));
                return null;
            }
            if (nameCount.getOrDefault(key, 0) > 1) {
                errors.add(FieldError.of("group", "ledger.groupAmbiguous", key));
                return null;
            }
            Long id = groupByKey.get(key);
            if (id == null) {
                errors.add(FieldError.of("group", "ledger.groupUnknown", key));
            }
            return id;
        }

        Long campaign(String key, List<FieldError> errors) {
            if (key.isBlank()) {
                return null;
            }
            Long id = campaignByKey.get(key);
            if (id == null) {
                errors.add(FieldError.of("campaign", "ledger.campaignUnknown", key));
            }
            return id;
        }
    }

    /** The time of a value event, which like a day must fall in 2000–2100 (year +1000000000 overflows a long). */
    private Instant time(String s, List<FieldError> errors) {
        Instant at = anyTime(s, errors);
        if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(LATEST))) {
            errors.add(FieldError.of("time", "ledger.absurdDay", s));
            return null;
        }
        return at;
    }

    private Instant anyTime(String s, List<FieldError> errors) {
        if (s.isBlank()) {
            errors.add(FieldError.of("time", "ledger.badTime", s));
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        for (String p : new String[] {"yyyy-M-d H:mm[:ss]", "yyyy/M/d H:mm[:ss]", "yyyy-M-d'T'H:mm[:ss]"}) {
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ofPattern(p, Locale.ROOT)).atZone(zone.get()).toInstant();
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        LocalDate d = dayOrNull(s);
        if (d != null) {
            return d.atTime(12, 0).atZone(zone.get()).toInstant();
        }
        errors.add(FieldError.of("time", "ledger.badTime", s));
        return null;
    }

    private static LocalDate day(String s, List<FieldError> errors) {
        LocalDate d = dayOrNull(s);
        if (d == null) {
            errors.add(FieldError.of("day", "ledger.badDay", s));
        } else if (d.getYear() < 2000 || d.getYear() > 2100) {
            errors.add(FieldError.of("day", "ledger.absurdDay", s));
            return null;
        }
        return d;
    }

    private static LocalDate dayOrNull(String s) {
        for (String p : new String[] {"yyyy-M-d", "yyyy/M/d", "yyyyMMdd"}) {
            try {
                return LocalDate.parse(s.strip(), DateTimeFormatter.ofPattern(p, Locale.ROOT));
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return null;
    }

    private static int count(String s, String field, List<FieldError> errors) {
        Integer v = optionalCount(s, field, errors);
        return v == null ? 0 : v;
    }

    private static Integer optionalCount(String s, String field, List<FieldError> errors) {
        if (s.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(s.replace(",", ""));
            if (v < 0 || v > 10_000_000) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "ledger.badCount", field, s));
            return null;
        }
    }

    private static double amount(String s, List<FieldError> errors) {
        try {
            double v = Double.parseDouble(s.replace(",", "").replace("¥", ""));
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v) || v > 1e12) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of("value", "ledger.badValue", s));
            return 0;
        }
    }

    private static double share(String s, List<FieldError> errors) {
        if (s.isBlank()) {
            return 0;
        }
        try {
            String t = s.strip();
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
                    : Double.parseDouble(t);
            if (v < 0 || v > 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of("top3_share", "ledger.badShare", s));
            return 0;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
