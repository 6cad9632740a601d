package com.qundesk.imports.chat;

import com.qundesk.imports.Sniff;
import com.qundesk.imports.Rejection;
import com.qundesk.imports.ImportResult;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportPreview;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportLogRepository;
import com.qundesk.imports.BatchFile;
import com.qundesk.imports.FileImport;
import com.qundesk.imports.ImportFormatException;
import com.qundesk.imports.ImportKind;
import com.qundesk.imports.ImportedRows;
import com.qundesk.imports.ImportCancelledException;
import com.qundesk.imports.chat.ad.AdDetector;
import com.qundesk.imports.chat.format.ParseContext;
import com.qundesk.imports.chat.format.ParsedMessage;
import com.qundesk.imports.chat.format.MessageSink;
import com.qundesk.imports.chat.format.ChatInfo;
import com.qundesk.imports.chat.format.ChatFormats;
import com.qundesk.imports.chat.format.ChatFormat;
import com.qundesk.db.Database;
import com.qundesk.group.GroupService;
import com.qundesk.settings.WorkspaceSettings;
import com.qundesk.stats.DailyStatRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Imports chat exports: detects the format from content, finds each chat's group, stores every message once (the
 * same message from the same file, an overlapping file or another tool's export is recognised), and keeps the
 * daily stats the dashboard reads up to date for the days the file touched. One transaction per file: a failure
 * or a cancel leaves the workspace exactly as it was. An import can be undone from the history.
 */
public final class ChatImportService implements FileImport {
    private static final Logger log = LoggerFactory.getLogger(ChatImportService.class);
    public static final String AD_KEYWORDS_SETTING = "import.adKeywords";

    private final Database db;
    private final GroupService groups;
    private final WorkspaceSettings settings;
    private final ChatFormats formats;
    private final ChatImportRepository repo = new ChatImportRepository();
    private final ImportLogRepository importLog = new ImportLogRepository();
    private final DailyStatRepository dailyStats = new DailyStatRepository();
    private final Clock clock;
    private final List<ImportedRows> otherRows;

    /** {@code otherRows}: the rows of an import that other repositories own, taken out with it on undo. */
    public ChatImportService(Database db, GroupService groups, WorkspaceSettings settings, ChatFormats formats,
                             Clock clock, List<ImportedRows> otherRows) {
        this.db = db;
        this.otherRows = List.copyOf(otherRows);
        this.groups = groups;
        this.settings = settings;
        this.formats = formats;
        this.clock = clock;
    }

    public ChatFormats formats() {
        return formats;
    }

    /** The ad detector with the workspace's keyword list (Settings), or the default one. */
    public AdDetector adDetector() {
        return adDetector(settings.get(AD_KEYWORDS_SETTING).orElse(null));
    }

    /** The detector for the keyword setting {@code setting} (null: the defaults). */
    private AdDetector adDetector(String setting) {
        AdsBuilt built = adsBuilt;
        if (built != null && Objects.equals(built.setting(), setting)) {
            return built.detector();
        }
        AdDetector detector = setting == null ? AdDetector.defaults() : AdDetector.fromSetting(setting);
        adsBuilt = new AdsBuilt(setting, detector);
        return detector;
    }

    /**
     * The detector built last and the keyword setting it was built from (null: the defaults). A detector is an
     * automaton over every keyword, immutable once built; building it for every file cost a PyWxDump folder of 200
     * pages a tenth of its CPU (issue 17), so it is built again only when the setting changed.
     */
    private record AdsBuilt(String setting, AdDetector detector) {
    }

    private volatile AdsBuilt adsBuilt;

    public void setAdKeywords(String commaOrNewlineSeparated) {
        settings.put(AD_KEYWORDS_SETTING, AdDetector.fromSetting(commaOrNewlineSeparated).toSetting());
    }

    /**
     * The files a dropped path stands for: a file itself, or every importable file under a folder in name order
     * (PyWxDump pages in page order; {@code users.json} is read beside its pages, not imported on its own).
     */
    public List<Path> expand(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).filter(ChatImportService::importable)
                    .sorted(ChatImportService::byPage).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean importable(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.equals("users.json") || n.startsWith(".")) {
            return false;
        }
        // WeChatMsg also writes .txt and .html views of a chat: they are for reading, not importing
        return n.endsWith(".csv") || n.endsWith(".json") || n.endsWith(".jsonl");
    }

    /** Orders {@code x_2_5000.csv} before {@code x_10_5000.csv}: numbers in names compare as numbers. */
    static int byPage(Path a, Path b) {
        String x = a.toString();
        String y = b.toString();
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            char cx = x.charAt(i);
            char cy = y.charAt(j);
            if (Character.isDigit(cx) && Character.isDigit(cy)) {
                int si = i;
                int sj = j;
                while (i < x.length() && Character.isDigit(x.charAt(i))) {
                    i++;
                }
                while (j < y.length() && Character.isDigit(y.charAt(j))) {
                    j++;
                }
                String nx = x.substring(si, i).replaceFirst("^0+(?=.)", "");
                String ny = y.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int cmp = nx.length() != ny.length() ? Integer.compare(nx.length(), ny.length()) : nx.compareTo(ny);
                if (cmp != 0) {
                    return cmp;
                }
            } else {
                if (cx != cy) {
                    return Character.compare(cx, cy);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** The format a file is in, from its content (or the one {@code options} names). */
    public ChatFormat formatOf(Sniff sniff, ImportOptions options) {
        if (options.formatId() != null) {
            return formats.byId(options.formatId()).orElseThrow(() ->
                    new ImportFormatException(0, "import.error.unknownFormatOption", options.formatId(),
                            String.join(", ", formats.all().stream().map(ChatFormat::id).toList())));
        }
        if (sniff.head().isBlank()) {
            throw new ImportFormatException(0, "import.error.empty");
        }
        return formats.detect(sniff).orElseThrow(() -> ImportKind.of(sniff) == ImportKind.WECOM
                ? new ImportFormatException(0, "import.error.isWecom")
                : new ImportFormatException(1, "import.error.unknownFormat"));
    }

    /** Reads the start of a file (up to {@code maxRows} rows) and says what importing it would do; stores nothing. */
    public ImportPreview preview(Path file, ImportOptions options, int maxRows, BooleanSupplier cancel) {
        Sniff sniff = sniffOf(file);
        ChatFormat format = formatOf(sniff, options);
        ParseContext.Collecting ctx = ParseContext.collecting(options.zone());
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        List<ImportPreview.Row> rows = new ArrayList<>();
        List<ChatInfo> infos = new ArrayList<>();
        boolean[] all = {true};
        long[] scanned = {0};
        final class Stop extends RuntimeException {
            Stop() {
                super(null, null, false, false);
            }
        }
        MessageSink sink = new MessageSink() {
            @Override
            public void message(ParsedMessage m) {
                if (scanned[0] >= maxRows) {
                    all[0] = false;
                    throw new Stop();
                }
                if ((scanned[0] & 4095) == 0 && cancel.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
                scanned[0]++;
                String key = ChatResolver.keyOf(m.chatId(), m.chatName());
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                names.putIfAbsent(key, new String[]{m.chatId(), m.chatName()});
                if (rows.size() < 50) {
                    rows.add(new ImportPreview.Row(m.line(), key, Instant.ofEpochSecond(m.epochSecond()),
                            m.exactTime(), m.self() ? null : m.senderName() != null ? m.senderName() : m.senderId(),
                            m.self(), m.kind()));
                }
            }

            @Override
            public void chat(ChatInfo info) {
                infos.add(info);
            }
        };
        try {
            format.read(sniff, ctx, sink);
        } catch (Stop stop) {
            // enough rows for a preview
        } catch (IOException e) {
            throw new ImportFormatException(0, "import.error.read", e.getMessage());
        }
        return db.read(c -> {
            ChatResolver resolver = new ChatResolver(c, groups, options, file.getFileName().toString());
            infos.forEach(resolver::info);
            for (ChatInfo info : infos) {
                String key = ChatResolver.keyOf(info.chatId(), info.chatName());
                if (!counts.containsKey(key) && !(counts.containsKey("") && infos.size() == 1)) {
                    counts.put(key, new long[1]);
                    names.put(key, new String[]{info.chatId(), info.chatName()});
                }
            }
            List<ImportPreview.Chat> chats = new ArrayList<>();
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                String[] n = names.get(e.getKey());
                ChatResolver.Resolution r = resolver.peek(e.getKey(), n[0], n[1]);
                String how = switch (r.how()) {
                    case OPTION -> "option";
                    case ID -> "id";
                    case NAME -> "name";
                    case CREATED -> "create";
                    case ONE_TO_ONE -> "one-to-one";
                    case SKIPPED -> "skip";
                    case AMBIGUOUS -> "ambiguous";
                    case NONE -> options.createGroups() ? "create" : "none";
                };
                chats.add(new ImportPreview.Chat(e.getKey(), r.chatId(), r.chatName(),
                        r.how() == ChatResolver.How.ONE_TO_ONE, r.groupId(), how, e.getValue()[0]));
            }
            List<Rejection> rej = ctx.rejected.stream().map(x -> new Rejection(x.line(), x.key(), x.args())).toList();
            return new ImportPreview(file, format.id(), com.qundesk.io.EncodingDetector.label(sniff.charset()), chats,
                    rows, rej, rej.size(), ctx.warnings.stream().map(ParseContext.Collecting.Entry::key).toList(),
                    scanned[0], all[0]);
        });
    }

    /** Imports one file in one transaction. */
    @Override
    public ImportKind kind() {
        return ImportKind.CHAT;
    }

    @Override
    public ImportResult importFile(BatchFile file, BooleanSupplier cancelled, ImportProgress progress) {
        return importFile(file.file(), file.options(), cancelled, progress);
    }

    public ImportResult importFile(Path file, ImportOptions options, BooleanSupplier cancel, ImportProgress progress) {
        Sniff sniff = sniffOf(file);
        ChatFormat format = formatOf(sniff, options);
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toInstant().getEpochSecond();
        } catch (IOException e) {
            throw new ImportFormatException(0, "import.error.read", e.getMessage());
        }
        Instant started = clock.instant();
        String name = file.getFileName().toString();
        ImportResult result = db.inTransaction(c -> {
            repo.prepareForBulk(c);
            long id = importLog.insertRun(c, started, "chat", file.toAbsolutePath().toString(), name, size, format.id(),
                    options.zone().getId());
            // the setting read in the import's own transaction, not on a connection opened for it per file
            AdDetector ads = adDetector(WorkspaceSettings.get(c, AD_KEYWORDS_SETTING).orElse(null));
            ImportSession session = new ImportSession(c, repo, importLog, groups, options, ads, id, name,
                    cancel, progress, size);
            boolean finished = false;
            try {
                PipelinedReader.run(format, sniff, session);
                ImportResult r = session.finish(name, format.id(), format.membersAreRoster(), modified, clock.instant());
                finished = true;
                return r;
            } catch (IOException e) {
                throw new ImportFormatException(0, "import.error.read", e.getMessage());
            } finally {
                if (!finished) {
                    session.abandon();
                }
            }
        });
        log.info("Imported {} ({}): {} rows, {} new, {} duplicates, {} rejected, {} skipped", name, format.id(),
                result.rowsRead(), result.imported(), result.duplicates(), result.rejectedCount(), result.skipped());
        return result;
    }

    private static Sniff sniffOf(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ImportFormatException(0, "import.error.notFound", file.toString());
        }
        try {
            return Sniff.read(file);
        } catch (IOException e) {
            throw new ImportFormatException(0, "import.error.read", e.getMessage());
        }
    }

    /** The import history, newest first. */
    public List<ImportLogRepository.ImportRun> history(int limit) {
        return db.read(c -> importLog.runs(c, limit));
    }

    /** The imports that fed a group, newest first. */
    public List<ImportLogRepository.ImportRun> historyOf(long groupId) {
        return db.read(c -> importLog.runsForGroup(c, groupId));
    }

    public List<Rejection> rejections(long importId) {
        return db.read(c -> importLog.rejections(c, importId));
    }

    /**
     * Takes an import back out as a whole: its messages, member lists and WeCom rows, and their part of every daily
     * stat. Messages it shared with a later import were stored once, by whichever came first: undoing the first
     * removes them; importing the later file again brings them back.
     */
    public void undo(long importId) {
        db.inTransaction(c -> {
            repo.takeImportLock(c);
            ImportLogRepository.ImportRun run = importLog.run(c, importId);
            if (run == null) {
                throw new ImportFormatException(0, "import.error.noSuchImport", importId);
            }
            if (run.undone()) {
                throw new ImportFormatException(0, "import.error.alreadyUndone", run.fileName());
            }
            List<long[]> touched = repo.removeImport(c, importId);
            for (ImportedRows rows : otherRows) {
                rows.removeImport(c, importId);
            }
            java.util.Set<String> done = new java.util.HashSet<>();
            for (long[] t : touched) {
                if (done.add(t[0] + ":" + t[1])) {
                    repo.refreshDailyStat(c, t[0], t[1]);
                }
            }
            importLog.markUndone(c, importId, clock.instant());
            return null;
        });
        log.info("Import {} undone", importId);
    }

    /** Imported daily stats, for {@code stats daily}: days without any message or event omitted. */
    public List<DailyStatRepository.DayRow> daily(Long groupId, LocalDate from, LocalDate to) {
        return db.read(c -> dailyStats.daily(c, groupId, from, to));
    }
}
