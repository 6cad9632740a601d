package com.qundesk.imports.wecom;

import com.qundesk.db.Database;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.GroupService;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.BatchFile;
import com.qundesk.imports.FileImport;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportLogRepository;
import com.qundesk.imports.ImportOutcome;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.chat.ChatImportRepository;
import com.qundesk.imports.chat.ChatResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Imports saved WeCom customer-group API responses: {@code groupchat/get} (the member list with join times: members,
 * joins and — against the previous list — leaves; owner, admins and member count into the registry),
 * {@code groupchat/list} (which known groups WeCom still has), and the statistics per owner and per day, kept for as
 * long as the workspace lives (WeCom itself keeps 180 days). One transaction per file; a file is all or nothing.
 */
public final class WecomImportService implements FileImport {
    private static final Logger log = LoggerFactory.getLogger(WecomImportService.class);
    /** The owner under which {@code statistic_group_by_day} figures are kept when no owner filter is named. */
    public static final String ALL_OWNERS = "*";

    private final Database db;
    private final GroupService groups;
    private final ChatImportRepository repo = new ChatImportRepository();
    private final ImportLogRepository importLog = new ImportLogRepository();
    private final WecomRepository wecomRepo = new WecomRepository();
    private final Clock clock;

    public WecomImportService(Database db, GroupService groups, Clock clock) {
        this.db = db;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * How to read statistic responses, which do not say what was asked.
     *
     * @param owner        the owner filter of a {@code statistic_group_by_day} request (null: every owner)
     * @param day          the day of a {@code statistic} (per owner) request; required for those
     * @param createGroups create a WeCom group for a {@code groupchat/get} chat id that matches none
     */
    public record Options(ZoneId zone, String owner, LocalDate day, boolean createGroups) {
    }

    /** What a file did. */
    public record Result(long importId, String fileName, int responses, int groupsUpdated, int groupsCreated,
                         int membersSeen, int statDays, List<String> unknownChats, List<String> notes)
            implements ImportOutcome {
        public Result {
            unknownChats = List.copyOf(unknownChats);
            notes = List.copyOf(notes);
        }

        @Override
        public boolean complete() {
            return unknownChats.isEmpty();
        }
    }

    /** One stored statistic row. */
    public record Stat(String owner, LocalDate day, Integer newChatCnt, Integer chatTotal, Integer chatHasMsg,
                       Integer newMemberCnt, Integer memberTotal, Integer memberHasMsg, Integer msgTotal,
                       Integer migrateTraineeChatCnt) {
    }

    /** What a file holds, for the preview: how many responses of each kind, and the group chats it names. */
    public record Summary(int groupDetails, int groupLists, int ownerStatistics, int dayStatistics,
                          List<ImportPreview.Chat> chats) {
        public Summary {
            chats = List.copyOf(chats);
        }

        public boolean needsDay() {
            return ownerStatistics > 0;
        }
    }

    /** Reads a saved WeCom file and says what importing it would do; stores nothing. */
    public Summary describe(Path file, boolean createGroups) {
        List<WecomResponse> responses;
        try {
            responses = WecomReader.readAll(file);
        } catch (IOException e) {
            throw new ImportFormatException(0, "import.error.read", e.getMessage());
        }
        int details = 0;
        int lists = 0;
        int owners = 0;
        int days = 0;
        List<ImportPreview.Chat> chats = new ArrayList<>();
        List<Group> all = groups.list();
        for (WecomResponse r : responses) {
            switch (r) {
                case WecomResponse.GroupDetail g -> {
                    details++;
                    Group match = all.stream().filter(x -> g.chatId().equals(x.externalId())).findFirst().orElse(null);
                    chats.add(new ImportPreview.Chat(g.chatId(), g.chatId(), g.name(), false,
                            match == null ? null : match.id(), match != null ? "id" : createGroups ? "create" : "none",
                            g.members().size()));
                }
                case WecomResponse.GroupList l -> lists++;
                case WecomResponse.OwnerStatistic s -> owners++;
                case WecomResponse.DayStatistic s -> days++;
                case WecomResponse.ChangeEvent e -> throw new ImportFormatException(0, "import.wecom.callback");
            }
        }
        return new Summary(details, lists, owners, days, chats);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.WECOM;
    }

    /** Imports a file of a batch: its zone and group creation from its options, the owner and day from the batch. */
    @Override
    public Result importFile(BatchFile file, BooleanSupplier cancelled, ImportProgress progress) {
        return importFile(file.file(), new Options(file.options().zone(), file.owner(), file.day(),
                file.options().createGroups()));
    }

    public Result importFile(Path file, Options options) {
        List<WecomResponse> responses;
        long size;
        try {
            responses = WecomReader.readAll(file);
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportFormatException(0, "import.error.read", e.getMessage());
        }
        for (WecomResponse r : responses) {
            if (r instanceof WecomResponse.OwnerStatistic && options.day() == null) {
                throw new ImportFormatException(0, "import.wecom.needDay");
            }
            if (r instanceof WecomResponse.ChangeEvent) {
                throw new ImportFormatException(0, "import.wecom.callback");
            }
        }
        String name = file.getFileName().toString();
        Instant now = clock.instant();
        Result result = db.inTransaction(c -> {
            repo.takeImportLock(c);
            long id = importLog.insertRun(c, now, "wecom", file.toAbsolutePath().toString(), name, size, "wecom",
                    options.zone().getId());
            int updated = 0;
            int created = 0;
            int members = 0;
            int statDays = 0;
            List<String> unknown = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (WecomResponse r : responses) {
                switch (r) {
                    case WecomResponse.GroupDetail g -> {
                        Group group = findByChatId(c, g.chatId());
                        if (group == null && options.createGroups()) {
                            group = create(c, g.chatId(), g.name(), name);
                            created++;
                        }
                        if (group == null) {
                            unknown.add(g.chatId());
                            continue;
                        }
                        members += g.members().size();
                        storeDetail(c, group, g, id, now, options.zone());
                        updated++;
                    }
                    case WecomResponse.GroupList l -> {
                        for (WecomResponse.GroupList.Entry e : l.chats()) {
                            Group group = findByChatId(c, e.chatId());
                            if (group == null) {
                                unknown.add(e.chatId());
                            } else if (e.status() != null && e.status() != 0) {
                                notes.add("import.wecom.inheritance");
                            }
                        }
                    }
                    case WecomResponse.OwnerStatistic s -> {
                        for (WecomResponse.OwnerStatistic.Item item : s.items()) {
                            wecomRepo.upsertStat(c, item.owner(), options.day().toEpochDay(), item.data(), id);
                            statDays++;
                        }
                    }
                    case WecomResponse.DayStatistic s -> {
                        String owner = options.owner() == null || options.owner().isBlank() ? ALL_OWNERS
                                : options.owner().strip();
                        for (WecomResponse.DayStatistic.Item item : s.items()) {
                            long day = Instant.ofEpochSecond(item.statTime()).atZone(options.zone()).toLocalDate()
                                    .toEpochDay();
                            wecomRepo.upsertStat(c, owner, day, item.data(), id);
                            statDays++;
                        }
                    }
                    case WecomResponse.ChangeEvent e -> throw new ImportFormatException(0, "import.wecom.callback");
                }
            }
            importLog.finishRun(c, id, clock.instant(), responses.size(), members + statDays, 0, 0, unknown.size(),
                    null, null, notes.stream().distinct().toList());
            return new Result(id, name, responses.size(), updated, created, members, statDays, unknown,
                    notes.stream().distinct().toList());
        });
        log.info("Imported WeCom file {}: {} responses, {} groups, {} stat rows", name, result.responses(),
                result.groupsUpdated(), result.statDays());
        return result;
    }

    private Group findByChatId(Connection c, String chatId) throws SQLException {
        for (Group g : groups.listIn(c)) {
            if (chatId.equals(g.externalId())) {
                return g;
            }
        }
        return null;
    }

    private Group create(Connection c, String chatId, String name, String fileName) throws SQLException {
        String named = ChatResolver.displayName(name);
        Group draft = Group.draft(Platform.WECOM, named.isEmpty() ? ChatResolver.displayName(chatId) : named,
                Purpose.SERVICE, GroupKind.LONG_TERM);
        if (Platform.WECOM.acceptsExternalId(chatId)) {
            draft = draft.toBuilder().externalId(chatId).build();
        }
        return groups.insertIn(c, draft, "import", fileName);
    }

    private void storeDetail(Connection c, Group group, WecomResponse.GroupDetail g, long importId, Instant now,
                             ZoneId zone) throws SQLException {
        Set<Long> days = new TreeSet<>(wecomRepo.upsertMembers(c, group.id(), g.members(), importId, zone));
        long taken = now.getEpochSecond();
        long day = now.atZone(zone).toLocalDate().toEpochDay();
        repo.insertSnapshot(c, group.id(), taken, day, g.memberIds(), importId);
        days.add(day);
        for (long d : days) {
            repo.refreshDailyStat(c, group.id(), d);
        }
        // the registry learns the owner, the admins, today's member count and the creation time
        Group.Builder b = group.toBuilder().memberCount(g.members().size());
        // WeCom's create_time is when the group was really created: a group registered today from an old chat
        // must not look born today (its age decides silent and stale verdicts)
        if (g.createTime() != null && g.createTime() > 0 && g.createTime() <= now.getEpochSecond()) {
            b.createdAt(Instant.ofEpochSecond(g.createTime()));
        }
        if (g.owner() != null && !g.owner().isBlank()) {
            b.owner(g.owner());
        }
        if (!g.admins().isEmpty()) {
            b.admins(g.admins());
        }
        if (g.notice() != null && !g.notice().isBlank() && (group.announcement() == null
                || group.announcement().isBlank())) {
            b.announcement(g.notice());
        }
        if (g.members().size() > group.capacity() && g.members().size() <= Platform.WECOM_EXPANDED_CAPACITY) {
            b.capacity(Platform.WECOM_EXPANDED_CAPACITY);
        }
        Group updated = b.build();
        if (!updated.equals(group)) {
            groups.updateIn(c, updated, "import");
        }
    }

    /** The stored statistics, by owner then day. */
    public List<Stat> stats(String owner, LocalDate from, LocalDate to) {
        return db.read(c -> wecomRepo.stats(c, owner, from, to));
    }
}
