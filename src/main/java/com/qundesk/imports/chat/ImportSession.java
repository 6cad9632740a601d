package com.qundesk.imports.chat;

import com.qundesk.imports.Rejection;
import com.qundesk.imports.MessageKind;
import com.qundesk.imports.LocalTimes;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportLogRepository;
import com.qundesk.imports.chat.ad.AdDetector;
import com.qundesk.imports.chat.notice.NoticeParser;
import com.qundesk.imports.chat.format.ParseContext;
import com.qundesk.imports.chat.format.ParsedMessage;
import com.qundesk.imports.chat.format.MessageSink;
import com.qundesk.imports.chat.format.ChatInfo;
import com.qundesk.group.GroupService;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One file being imported, inside the caller's transaction: receives the parser's messages, finds each one's group,
 * numbers repeated (group, second, sender, kind) tuples, stores new rows in batches ({@link MessageBatch}) and keeps
 * the day aggregates of what was actually new — so stats are updated for the days this file touched and nothing
 * else is read.
 */
final class ImportSession implements MessageSink, ParseContext {
    static final int MAX_STORED_REJECTIONS = 1000;

    private final Connection c;
    private final ChatImportRepository repo;
    private final ImportLogRepository importLog;
    private final ChatResolver resolver;
    private final AdDetector ads;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final long importId;
    private final BooleanSupplier cancel;
    private final ImportProgress progress;
    private final long totalBytes;
    private final MessageBatch batch;
    private final ChatMessageRepository statements;

    private final Map<String, Target> targets = new HashMap<>();
    private final Map<Long, Target> targetsByGroup = new LinkedHashMap<>();
    private final Map<String, Unmapped> unmapped = new LinkedHashMap<>();
    private final List<Row> pending = new ArrayList<>();
    private final LongIntCounter occurrences = new LongIntCounter(1 << 16);
    private final Map<Long, DayAgg> days = new HashMap<>();
    private final List<Rejection> rejected = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    private long rows;
    private long imported;
    private long duplicates;
    private long skipped;
    private long rejectedCount;
    private long bytesRead = -1;
    private long minAt = Long.MAX_VALUE;
    private long maxAt = Long.MIN_VALUE;
    private long base = Long.MIN_VALUE;
    private int nextLocalSender = 1;
    private long offsetHour = Long.MIN_VALUE;
    private int offsetSeconds;
    private DayAgg lastAgg;

    /** A message reduced to what is stored (content already read for notices and ads, then dropped). */
    private record Row(long line, String chatKey, String chatId, String chatName, long at, boolean exact,
                       String senderKey, String senderName, MessageKind kind, int flags, int joins, int removals) {
    }

    /** A group this file writes to, with its senders. */
    static final class Target {
        final long groupId;
        final int localIndex;
        final Map<String, int[]> senders = new HashMap<>();
        long imported;
        long duplicates;
        final ChatResolver.Resolution resolution;
        long lastAt = Long.MIN_VALUE;

        Target(long groupId, int localIndex, ChatResolver.Resolution resolution) {
            this.groupId = groupId;
            this.localIndex = localIndex;
            this.resolution = resolution;
        }
    }

    private static final class Unmapped {
        final ChatResolver.Resolution resolution;
        long messages;

        Unmapped(ChatResolver.Resolution r) {
            resolution = r;
        }
    }

    private static final class DayAgg {
        final long groupId;
        final long day;
        long messages;
        long owner;
        long joins;
        long removals;
        long ads;
        long notices;
        final Map<Integer, long[]> senders = new HashMap<>();

        DayAgg(long groupId, long day) {
            this.groupId = groupId;
            this.day = day;
        }
    }

    ImportSession(Connection c, ChatImportRepository repo, ImportLogRepository importLog, GroupService groups,
                  ImportOptions options, AdDetector ads, long importId, String fileLabel, BooleanSupplier cancel,
                  ImportProgress progress, long totalBytes) throws SQLException {
        this.c = c;
        this.repo = repo;
        this.importLog = importLog;
        this.resolver = new ChatResolver(c, groups, options, fileLabel);
        this.ads = ads;
        this.zone = options.zone();
        this.rules = zone.getRules();
        this.importId = importId;
        this.cancel = cancel;
        this.progress = progress;
        this.totalBytes = totalBytes;
        this.batch = new MessageBatch();
        this.statements = new ChatMessageRepository(c, repo, importId);
    }

    // --- ParseContext ---------------------------------------------------------------------------

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean cancelled() {
        return cancel.getAsBoolean();
    }

    @Override
    public void reject(long line, String messageKey, Object... args) {
        rejectedCount++;
        if (rejected.size() < MAX_STORED_REJECTIONS) {
            rejected.add(new Rejection(line, messageKey, List.of(args)));
        }
    }

    @Override
    public void warn(String messageKey, Object... args) {
        warnings.add(messageKey);
    }

    @Override
    public void progress(long bytes) {
        bytesRead = bytes;
    }

    // --- MessageSink -----------------------------------------------------------------------------

    @Override
    public void chat(ChatInfo info) {
        resolver.info(info);
    }

    @Override
    public void message(ParsedMessage m) {
        rows++;
        if ((rows & 8191) == 0) {
            checkCancelled();
            progress.update(bytesRead, totalBytes, rows);
        }
        if (!LocalTimes.plausible(m.epochSecond())) {
            rows--;
            reject(m.line(), "import.reject.timeRange", describeTime(m.epochSecond()));
            return;
        }
        Row row = rowOf(m);
        try {
            route(row, false);
        } catch (SQLException e) {
            throw new com.qundesk.db.DataAccessException(e);
        }
    }

    private String describeTime(long epochSecond) {
        try {
            return java.time.Instant.ofEpochSecond(epochSecond).atZone(zone).toLocalDateTime().toString();
        } catch (java.time.DateTimeException e) {
            return String.valueOf(epochSecond);
        }
    }

    private Row rowOf(ParsedMessage m) {
        MessageKind kind = m.kind();
        int flags = 0;
        int joins = 0;
        int removals = 0;
        if (kind == MessageKind.SYSTEM) {
            flags |= 8;
            if (m.text() != null) {
                NoticeParser.Notice n = NoticeParser.parse(m.text());
                if (n.kind() == NoticeParser.NoticeKind.JOIN) {
                    joins = n.persons().size();
                } else if (n.kind() == NoticeParser.NoticeKind.REMOVAL) {
                    removals = n.persons().size();
                }
            }
        } else {
            if (m.self()) {
                flags |= 1;
            }
            if (m.text() != null && ads.isAd(kind, m.text())) {
                flags |= 2;
            }
        }
        long at = m.epochSecond();
        if (!m.exactTime()) {
            flags |= 4;
            at -= Math.floorMod(at, 60);
        }
        String key = ChatResolver.keyOf(m.chatId(), m.chatName());
        return new Row(m.line(), key, m.chatId(), m.chatName(), at, m.exactTime(), m.senderKey(), m.senderName(),
                kind, flags, joins, removals);
    }

    private void route(Row row, boolean atEnd) throws SQLException {
        Target t = targets.get(row.chatKey());
        if (t == null) {
            Unmapped u = unmapped.get(row.chatKey());
            if (u != null) {
                u.messages++;
                skipped++;
                return;
            }
            statements.pause();
            ChatResolver.Resolution r = resolver.resolve(c, row.chatKey(), row.chatId(), row.chatName(), atEnd);
            if (r == null) {
                pending.add(row);
                return;
            }
            if (!r.imports()) {
                u = new Unmapped(r);
                u.messages++;
                skipped++;
                unmapped.put(row.chatKey(), u);
                return;
            }
            t = targetsByGroup.get(r.groupId());
            if (t == null) {
                t = new Target(r.groupId(), targetsByGroup.size(), r);
                Map<String, int[]> known = t.senders; // the stream was paused above, before the resolver
                repo.senders(c, r.groupId()).forEach((k, id) -> known.put(k, new int[]{id, 0}));
                targetsByGroup.put(r.groupId(), t);
            }
            targets.put(row.chatKey(), t);
        }
        write(t, row);
    }

    private void write(Target t, Row row) throws SQLException {
        int senderId;
        int local;
        if (row.kind() == MessageKind.SYSTEM) {
            senderId = 0;
            local = 0;
        } else {
            int[] s = t.senders.get(row.senderKey());
            if (s == null) {
                s = new int[]{statements.insertSender(t.groupId, row.senderKey(), row.senderName()), 0};
                t.senders.put(row.senderKey(), s);
            }
            if (s[1] == 0) {
                s[1] = nextLocalSender++;
            }
            senderId = s[0];
            local = s[1];
        }
        long at = row.at();
        if (base == Long.MIN_VALUE) {
            base = at;
        }
        long key = ((long) (t.localIndex & 0xFF) << 56) | ((long) row.kind().ordinal() << 52)
                | (((at - base) & 0xFFFFFFFFL) << 20) | (local & 0xFFFFF);
        int seq = occurrences.next(key);
        long day = dayOf(at);
        minAt = Math.min(minAt, at);
        maxAt = Math.max(maxAt, at);
        t.lastAt = Math.max(t.lastAt, at);
        if (batch.add(t, at, row.kind().ordinal(), seq, day, senderId, row.flags(), row.joins(), row.removals())) {
            flush();
        }
        if (row.kind() != MessageKind.SYSTEM && !row.exact()) {
            warnings.add("import.warn.minuteTimes");
        }
    }

    private long dayOf(long at) {
        long hour = Math.floorDiv(at, 3600);
        if (hour != offsetHour) {
            offsetHour = hour;
            offsetSeconds = rules.getOffset(java.time.Instant.ofEpochSecond(at)).getTotalSeconds();
        }
        return Math.floorDiv(at + offsetSeconds, 86_400);
    }

    private void flush() throws SQLException {
        if (batch.size() == 0) {
            return;
        }
        statements.store(batch);
        for (int i = 0; i < batch.size(); i++) {
            Target t = batch.target[i];
            boolean isNew = batch.isNew[i];
            if (!isNew) {
                duplicates++;
                t.duplicates++;
                continue;
            }
            imported++;
            t.imported++;
            DayAgg a = lastAgg;
            if (a == null || a.groupId != t.groupId || a.day != batch.day[i]) {
                // plausible days (2000–2100) fit in 20 bits
                long k = (t.groupId << 20) | batch.day[i];
                a = days.get(k);
                if (a == null) {
                    a = new DayAgg(t.groupId, batch.day[i]);
                    days.put(k, a);
                }
                lastAgg = a;
            }
            int flags = batch.flags[i];
            if ((flags & 8) != 0) {
                a.notices++;
                a.joins += batch.joins[i];
                a.removals += batch.removals[i];
            } else {
                a.messages++;
                if ((flags & 1) != 0) {
                    a.owner++;
                }
                if ((flags & 2) != 0) {
                    a.ads++;
                }
                a.senders.computeIfAbsent(batch.sender[i], x -> new long[1])[0]++;
            }
            batch.target[i] = null;
        }
        batch.clear();
    }

    /** After a failure or a cancel: lets go of what holds the connection, so that the transaction can roll back. */
    void abandon() {
        statements.abandon();
    }

    /** Stores what is left, updates aggregates, snapshots and daily stats; returns the outcome. */
    ImportResult finish(String fileName, String format, boolean membersAreRoster, long fileModifiedEpoch,
                        java.time.Instant now) throws SQLException {
        List<Row> waiting = new ArrayList<>(pending);
        pending.clear();
        for (Row r : waiting) {
            route(r, true);
        }
        flush();
        statements.pause();
        List<long[]> senderRows = new ArrayList<>();
        List<long[]> dayRows = new ArrayList<>();
        Map<Long, Set<Long>> touchedDays = new HashMap<>();
        for (DayAgg a : days.values()) {
            dayRows.add(new long[]{a.groupId, a.day, a.messages, a.owner, a.joins, a.removals, a.ads, a.notices});
            a.senders.forEach((s, n) -> senderRows.add(new long[]{a.groupId, a.day, s, n[0]}));
            touchedDays.computeIfAbsent(a.groupId, g -> new java.util.TreeSet<>()).add(a.day);
        }
        repo.addDaySenders(c, senderRows);
        repo.addDays(c, dayRows);
        // member lists seen in the file: leaves are found by comparing them with the previous snapshot
        for (Map.Entry<String, ChatInfo> e : resolver.infos().entrySet()) {
            ChatInfo info = e.getValue();
            if (info.members() == null || !membersAreRoster) {
                continue;
            }
            Target t = targets.get(e.getKey());
            if (t == null) {
                ChatResolver.Resolution r = resolver.resolve(c, e.getKey(), info.chatId(), info.chatName(), true);
                if (r == null || !r.imports()) {
                    continue;
                }
                t = targetsByGroup.computeIfAbsent(r.groupId(), g -> new Target(g, targetsByGroup.size(), r));
            }
            // an export time in year 1 or 9999 (or past what an Instant holds) is no time: fall back as when absent
            long taken = info.snapshotEpoch() != null && LocalTimes.plausible(info.snapshotEpoch())
                    ? info.snapshotEpoch() : t.lastAt != Long.MIN_VALUE ? t.lastAt : fileModifiedEpoch;
            long day = dayOf(taken);
            repo.insertSnapshot(c, t.groupId, taken, day, info.members(), importId);
            touchedDays.computeIfAbsent(t.groupId, g -> new java.util.TreeSet<>()).add(day);
            Long next = repo.nextSnapshotDay(c, t.groupId, taken);
            if (next != null) {
                touchedDays.get(t.groupId).add(next);
            }
        }
        for (Map.Entry<Long, Set<Long>> e : touchedDays.entrySet()) {
            for (long day : e.getValue()) {
                repo.refreshDailyStat(c, e.getKey(), day);
            }
        }
        List<ImportResult.ChatOutcome> chats = new ArrayList<>();
        for (Target t : targetsByGroup.values()) {
            ChatResolver.Resolution r = t.resolution;
            chats.add(new ImportResult.ChatOutcome(r.chatKey(), r.chatName() != null ? r.chatName() : r.chatId(),
                    t.groupId, r.groupName(), t.imported, t.duplicates, r.how() == ChatResolver.How.CREATED));
            importLog.insertImportGroup(c, importId, t.groupId, r.chatKey(), t.imported, t.duplicates);
        }
        List<ImportResult.UnmappedChat> lost = new ArrayList<>();
        for (Unmapped u : unmapped.values()) {
            if (u.resolution.how() == ChatResolver.How.ONE_TO_ONE || u.resolution.how() == ChatResolver.How.SKIPPED) {
                continue;
            }
            ChatResolver.Resolution r = u.resolution;
            lost.add(new ImportResult.UnmappedChat(r.chatKey(), r.chatName() != null ? r.chatName()
                    : r.chatId() != null ? r.chatId() : fileName, u.messages));
        }
        if (unmapped.values().stream().anyMatch(u -> u.resolution.how() == ChatResolver.How.ONE_TO_ONE)) {
            warnings.add("import.warn.oneToOne");
        }
        importLog.insertRejections(c, importId, rejected);
        importLog.finishRun(c, importId, now, rows, imported,
                duplicates, rejectedCount, skipped, minAt == Long.MAX_VALUE ? null : minAt,
                maxAt == Long.MIN_VALUE ? null : maxAt, List.copyOf(warnings));
        statements.close();
        return new ImportResult(importId, fileName, format, rows, imported, duplicates, skipped, rejected,
                rejectedCount, List.copyOf(warnings), chats, lost);
    }
}
