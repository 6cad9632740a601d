package com.qundesk.bench;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.io.Table;
import com.qundesk.io.TableReader;
import com.qundesk.value.LedgerImporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a workspace from generated inputs through the real services only, as an operator's year would: the
 * registry imported from the spreadsheet, campaigns created and their flash groups opened and dissolved at the times
 * they happened (the clock is moved along), then the value ledger, outcomes and daily stats imported, and every chat
 * export but the headline one imported file by file.
 */
final class WorkspaceBuilder {

    /** How long each step took. */
    record Step(String name, double seconds, long items) {
    }

    record Built(AppContext context, MutableClock clock, List<Step> steps, List<String> problems) {
    }

    private final Path inputs;
    private final Consumer<String> log;
    private final List<Step> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    WorkspaceBuilder(Path inputs, Consumer<String> log) {
        this.inputs = inputs;
        this.log = log;
    }

    /** The bench's own data folder (preferences: Chinese, Asia/Shanghai), shared by the in-process and spawned runs. */
    static AppPaths home(Path dir) {
        AppPaths paths = new AppPaths(dir);
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        if (prefs.get(UserPrefs.ZONE).isEmpty()) {
            prefs.put(UserPrefs.ZONE, BenchPlan.ZONE.getId());
            prefs.put(UserPrefs.LANGUAGE, "zh");
        }
        return paths;
    }

    /** The morning after the last day of data, when the operator opens the console. */
    static Instant morningAfter(LocalDate until) {
        return until.plusDays(1).atTime(LocalTime.of(9, 0)).atZone(BenchPlan.ZONE).toInstant();
    }

    /** Opens the workspace as it is, with the bench clock at the morning after the data. */
    static AppContext open(AppPaths paths, Path workspace, MutableClock clock) {
        return AppContext.open(paths, new UserPrefs(paths.prefsFile()), workspace, clock);
    }

    Built build(AppPaths paths, Path workspace, LocalDate until, int historyDays) throws IOException {
        Files.deleteIfExists(workspace);
        Files.deleteIfExists(workspace.resolveSibling(workspace.getFileName() + "-wal"));
        Files.deleteIfExists(workspace.resolveSibling(workspace.getFileName() + "-shm"));
        MutableClock clock = new MutableClock(until.minusDays(historyDays + 1L).atStartOfDay(BenchPlan.ZONE).toInstant());
        AppContext ctx = time("open", () -> {
            AppContext c = open(paths, workspace, clock);
            return new Counted<>(c, 1);
        });
        time("registry", () -> {
            RegistryImporter.Report r = ctx.registryImporter().importFile(inputs.resolve(BenchGenerator.REGISTRY), false);
            r.rejected().forEach(x -> problems.add("registry row " + x.row() + ": " + x.reasons()));
            return new Counted<>(r, r.imported());
        });
        time("campaigns+flash", () -> new Counted<>(null, replayYear(ctx, clock)));
        clock.set(morningAfter(until));
        for (var kind : List.of(LedgerImporter.Kind.VALUES, LedgerImporter.Kind.OUTCOMES, LedgerImporter.Kind.STATS)) {
            String file = switch (kind) {
                case VALUES -> BenchGenerator.VALUES;
                case OUTCOMES -> BenchGenerator.OUTCOMES;
                case STATS -> BenchGenerator.STATS;
            };
            time(kind.name().toLowerCase(java.util.Locale.ROOT), () -> {
                LedgerImporter.Report r = ctx.ledgerImporter().importFile(inputs.resolve(file), kind);
                r.rejected().stream().limit(5).forEach(x -> problems.add(file + " row " + x.row() + ": " + x.reasons()));
                if (r.rejected().size() > 5) {
                    problems.add(file + ": " + r.rejected().size() + " rows rejected in all");
                }
                return new Counted<>(r, r.imported());
            });
        }
        time("chat imports", () -> {
            long rows = 0;
            ImportOptions options = ImportOptions.in(BenchPlan.ZONE);
            List<Path> files = ctx.chatImports().expand(inputs.resolve(BenchGenerator.CHATS));
            for (Path f : files) {
                ImportResult r = ctx.chatImports().importFile(f, options, () -> false, ImportProgress.NONE);
                rows += r.imported();
                if (!r.unmapped().isEmpty() || r.rejectedCount() > 0) {
                    problems.add(f.getFileName() + ": " + r.rejectedCount() + " rejected, unmapped " + r.unmapped());
                }
            }
            log.accept("  imported " + files.size() + " chat export files");
            return new Counted<>(null, rows);
        });
        time("reminders", () -> new Counted<>(null, ctx.scheduler().poll().size()));
        return new Built(ctx, clock, List.copyOf(steps), List.copyOf(problems));
    }

    /** Creates the campaigns and flash groups and dissolves them, each at its own time; returns the operations done. */
    private long replayYear(AppContext ctx, MutableClock clock) {
        record Event(Instant at, int order, Runnable action) {
        }
        List<Event> events = new ArrayList<>();
        Map<String, Long> campaignIds = new HashMap<>();
        Map<String, Long> flashIds = new HashMap<>();
        Table campaigns = TableReader.read(inputs.resolve(BenchGenerator.CAMPAIGNS));
        for (Table.Row row : campaigns.rows()) {
            String name = row.cell(0);
            Instant start = Instant.parse(row.cell(2));
            Campaign draft = new Campaign(null, CampaignType.fromToken(row.cell(1)), name, start,
                    Instant.parse(row.cell(3)), row.cell(4), null, null, null, null, null, null, null);
            events.add(new Event(start.minus(Duration.ofDays(14)), 0,
                    () -> campaignIds.put(name, ctx.campaigns().create(draft).id())));
        }
        Table plans = TableReader.read(inputs.resolve(BenchGenerator.FLASH_PLANS));
        for (Table.Row row : plans.rows()) {
            String campaign = row.cell(0);
            LifetimePreset preset = LifetimePreset.fromToken(row.cell(1));
            int count = Integer.parseInt(row.cell(2));
            Instant opens = Instant.parse(row.cell(3));
            Duration duration = Duration.parse(row.cell(4));
            events.add(new Event(opens, 1, () -> {
                FlashPlan plan = new FlashPlan(campaignIds.get(campaign), preset, count, opens,
                        preset == LifetimePreset.CUSTOM ? duration : null, null, null, null, null, null, null, null,
                        null);
                for (FlashGroup g : ctx.flash().create(plan)) {
                    flashIds.put(g.group().name(), g.group().id());
                }
            }));
        }
        Table dissolutions = TableReader.read(inputs.resolve(BenchGenerator.FLASH_DISSOLUTIONS));
        for (Table.Row row : dissolutions.rows()) {
            String group = row.cell(0);
            String reason = row.cell(2);
            events.add(new Event(Instant.parse(row.cell(1)), 2,
                    () -> ctx.flash().dissolve(flashIds.get(group), reason.isBlank() ? null : reason, true)));
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        for (Event e : events) {
            clock.set(e.at());
            e.action().run();
        }
        return events.size();
    }

    private record Counted<T>(T value, long items) {
    }

    @FunctionalInterface
    private interface Work<T> {
        Counted<T> run() throws IOException;
    }

    private <T> T time(String name, Work<T> work) throws IOException {
        long t0 = System.nanoTime();
        Counted<T> c = work.run();
        double s = (System.nanoTime() - t0) / 1e9;
        steps.add(new Step(name, s, c.items()));
        log.accept(String.format(java.util.Locale.ROOT, "  %-16s %8.1f s  %,d", name, s, c.items()));
        return c.value();
    }

    static Map<String, Object> stepsJson(List<Step> steps) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Step s : steps) {
            out.put(s.name(), Map.of("seconds", Bench.round(s.seconds(), 2), "items", s.items()));
        }
        return out;
    }
}
