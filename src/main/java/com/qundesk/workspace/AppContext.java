package com.qundesk.workspace;

import com.qundesk.core.UserPrefs;
import com.qundesk.core.AppPaths;
import com.qundesk.backup.BackupService;
import com.qundesk.backup.Leftovers;
import com.qundesk.campaign.CampaignRepository;
import com.qundesk.campaign.CampaignService;
import com.qundesk.dashboard.DashboardService;
import com.qundesk.db.Database;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.flash.DissolutionPlanner;
import com.qundesk.flash.FlashRepository;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.NoticeInbox;
import com.qundesk.flash.NoticeInboxRepository;
import com.qundesk.flash.ReminderScheduler;
import com.qundesk.plan.CalendarExport;
import com.qundesk.plan.InviteRepository;
import com.qundesk.plan.InviteService;
import com.qundesk.plan.PlanRepository;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PlanTemplateRepository;
import com.qundesk.plan.PlanTemplateService;
import com.qundesk.report.ReportService;
import com.qundesk.settings.WorkspaceSettings;
import com.qundesk.template.TemplateRepository;
import com.qundesk.template.TemplateService;
import com.qundesk.value.HealthService;
import com.qundesk.value.LedgerImporter;
import com.qundesk.value.LedgerRepository;
import com.qundesk.value.LedgerService;
import com.qundesk.value.ThresholdSettings;
import com.qundesk.demo.DemoWorkspace;
import com.qundesk.group.GroupRepository;
import com.qundesk.group.GroupService;
import com.qundesk.group.OperatorRepository;
import com.qundesk.group.OperatorService;
import com.qundesk.group.registry.RegistryExporter;
import com.qundesk.group.registry.RegistryImporter;
import com.qundesk.i18n.Messages;
import com.qundesk.imports.ImportBatchService;
import com.qundesk.imports.chat.format.ChatFormats;
import com.qundesk.imports.chat.ChatImportService;
import com.qundesk.imports.wecom.WecomImportService;
import com.qundesk.io.OutputFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The one place that wires QunDesk's objects for one open workspace. GUI and CLI both build one;
 * tests build one on a temporary file. Nothing here touches JavaFX. While open it holds the workspace (one
 * writer); {@link #close()} lets it go.
 */
public final class AppContext implements AutoCloseable {

    private final AppPaths paths;
    private final UserPrefs prefs;
    private final Clock clock;
    private final Database database;
    private final GroupService groups;
    private final OperatorService operators;
    /** The operator named for this session (the CLI's {@code --operator}), instead of the login; null: none. */
    private volatile String operatorOverride;
    private final CampaignService campaigns;
    private final TemplateService templates;
    private final FlashService flash;
    private final ReminderScheduler scheduler;
    private final WorkspaceSettings settings;
    private final LedgerService ledger;
    private final HealthService health;
    private final DashboardService dashboard;
    private final DissolutionPlanner planner;
    private final ReportService reports;
    private final RegistryImporter registryImporter;
    private final LedgerImporter ledgerImporter;
    private final RegistryExporter registryExporter;
    private final ChatImportService chatImports;
    private final WecomImportService wecomImports;
    private final ImportBatchService importBatch;
    private final BackupService backups;
    private final PlanService plans;
    private final PlanTemplateService planTemplates;
    private final CalendarExport calendarExport;
    private final InviteService invites;
    /** This login may only read the workspace (a team's read-only viewer). */
    private final boolean readOnly;

    private AppContext(AppPaths paths, UserPrefs prefs, Clock clock, Database database) {
        this.paths = paths;
        this.prefs = prefs;
        this.clock = clock;
        this.database = database;
        this.settings = new WorkspaceSettings(database);
        this.groups = new GroupService(database, new GroupRepository(), clock, this::operator);
        OperatorRepository operatorRepo = new OperatorRepository();
        this.operators = new OperatorService(database, operatorRepo, clock);
        this.campaigns = new CampaignService(database, new CampaignRepository(), clock, this::operator);
        this.templates = new TemplateService(database, new TemplateRepository(), clock);
        FlashRepository flashRepo = new FlashRepository();
        this.flash = new FlashService(database, groups, campaigns, templates, flashRepo, clock, this::zone);
        NoticeInbox inbox = new NoticeInbox(database, new NoticeInboxRepository(), groups, operatorRepo,
                this::operator);
        this.scheduler = new ReminderScheduler(database, flashRepo, flash, groups, inbox, clock);
        this.planner = new DissolutionPlanner(database, groups, campaigns, flashRepo, flash, clock, this::zone);
        LedgerRepository ledgerRepo = new LedgerRepository();
        this.ledger = new LedgerService(database, ledgerRepo, groups, clock);
        this.ledgerImporter = new LedgerImporter(database, groups, campaigns, ledgerRepo, clock, this::zone);
        this.health = new HealthService(database, groups, flashRepo, clock, this::zone);
        this.dashboard = new DashboardService(database, groups, health, flashRepo, clock, this::zone);
        OutputFiles outputs = database.isLocal()
                ? OutputFiles.guarding(database.file(), paths.dataDir().resolve("backups"))
                : new OutputFiles(java.util.List.of(), paths.dataDir().resolve("backups"));
        this.reports = new ReportService(dashboard, database.location().shortName(), outputs);
        this.registryImporter = new RegistryImporter(database, groups);
        this.registryExporter = new RegistryExporter(groups, outputs);
        this.chatImports = new ChatImportService(database, groups, settings, ChatFormats.standard(), clock,
                java.util.List.of(new com.qundesk.imports.wecom.WecomRepository()));
        this.wecomImports = new WecomImportService(database, groups, clock);
        this.importBatch = new ImportBatchService(java.util.List.of(chatImports, wecomImports));
        this.backups = new BackupService(database, settings, paths, clock, this::zone);
        PlanRepository planRepo = new PlanRepository();
        this.plans = new PlanService(database, planRepo, groups, campaigns, flashRepo, ledgerRepo, clock,
                this::zone, () -> populatingDemo ? Locale.SIMPLIFIED_CHINESE : localeFrom(prefs), inbox);
        flash.addCreationHook(plans::applyPresetPlan);
        this.planTemplates = new PlanTemplateService(database, new PlanTemplateRepository(), planRepo, groups, clock,
                this::zone);
        this.calendarExport = new CalendarExport(flash, plans, clock, outputs);
        this.invites = new InviteService(database, new InviteRepository(), groups, campaigns, flashRepo, clock);
        this.readOnly = !database.read(c -> com.qundesk.db.Dialect.of(c).mayInsert(c, "chat_group"));
        templates.seedDefaults();
    }

    /** Opens (creating and migrating if needed) the workspace file at {@code workspace}. */
    public static AppContext open(AppPaths paths, UserPrefs prefs, Path workspace, Clock clock) {
        return open(paths, prefs, new WorkspaceLocation.LocalFile(workspace), clock);
    }

    /**
     * Opens the workspace at {@code location}: a file (created and migrated if needed, backed up before a migration)
     * or a team workspace on a PostgreSQL server (migrated; its backups are the server's).
     */
    public static AppContext open(AppPaths paths, UserPrefs prefs, WorkspaceLocation location, Clock clock) {
        Database db = Database.open(location, BackupService.beforeMigration(paths, clock, () -> zoneFrom(prefs)));
        return wire(paths, prefs, clock, db);
    }

    /** Wires the services over an opened database (a team workspace opened with a password the operator typed). */
    public static AppContext wire(AppPaths paths, UserPrefs prefs, Clock clock, Database db) {
        try {
            if (db.isLocal()) {
                Leftovers.remove(paths, db.file());
            }
            return new AppContext(paths, prefs, clock, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Creates a demo workspace at {@code workspace}, which must not exist yet (or be an empty workspace). */
    public static AppContext createDemo(AppPaths paths, UserPrefs prefs, Path workspace, Clock clock) {
        AppContext ctx = open(paths, prefs, workspace, clock);
        try {
            ctx.populateDemoIfEmpty();
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        return ctx;
    }

    private volatile boolean populatingDemo;

    /** Fills an empty workspace with the demo; returns false (and changes nothing) when it has groups. */
    public boolean populateDemoIfEmpty() {
        if (!groups.list().isEmpty()) {
            return false;
        }
        // the demo is a Chinese community's workspace: its flash groups' preset plans are written in Chinese too,
        // whatever language the command line or the window that creates it runs in
        populatingDemo = true;
        try {
            new DemoWorkspace(groups, campaigns, operators, flash, ledger, clock, zone(), operator()).populate();
            com.qundesk.demo.DemoPlans demoPlans = new com.qundesk.demo.DemoPlans(plans, invites, clock, zone());
            demoPlans.populate(groups.list());
            demoPlans.populateTemplate(planTemplates);
        } finally {
            populatingDemo = false;
        }
        return true;
    }

    /** Waits for running work and releases the workspace (its lock) to other QunDesk windows. Idempotent. */
    @Override
    public void close() {
        database.close();
    }

    public static boolean workspaceExists(Path workspace) {
        return Files.isRegularFile(workspace);
    }

    public AppPaths paths() {
        return paths;
    }

    public UserPrefs prefs() {
        return prefs;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    /**
     * The workspace file.
     *
     * @throws com.qundesk.db.WorkspaceException for a team workspace, which has none: ask {@link #location()}
     */
    public Path workspace() {
        return database.file();
    }

    /** Where the open workspace is: a file or a team server's database. */
    public WorkspaceLocation location() {
        return database.location();
    }

    /**
     * Who is working: in a team workspace the server's user this copy of the app logged in as (every operator has a
     * role of their own, docs/team.md), on a workspace file the operating system's user.
     */
    public String operator() {
        String named = operatorOverride;
        if (named != null) {
            return named;
        }
        return switch (database.location()) {
            case WorkspaceLocation.Server s -> s.address().user();
            case WorkspaceLocation.LocalFile f -> System.getProperty("user.name", "");
        };
    }

    /**
     * Works as {@code name} from now on (the CLI's {@code --operator NAME}): the actor of every change recorded and
     * the "mine" of filters; null goes back to the login.
     */
    public void actAs(String name) {
        operatorOverride = name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * True when this login may only read the workspace: a team's viewer (docs/team-grants.sql gives it SELECT only).
     * The window then claims no reminders or plan deliveries (each is claimed once per team, by a write a viewer may
     * not make, and they are the operators' to have); a workspace file is never read-only.
     */
    public boolean readOnly() {
        return readOnly;
    }

    /** The operators' display names and the operators the workspace knows. */
    public OperatorService operators() {
        return operators;
    }

    /** Raised after every committed write to this workspace, whichever service made it. */
    public com.qundesk.db.WorkspaceChanges changes() {
        return database.changes();
    }

    public GroupService groups() {
        return groups;
    }

    public CampaignService campaigns() {
        return campaigns;
    }

    public TemplateService templates() {
        return templates;
    }

    public FlashService flash() {
        return flash;
    }

    public ReminderScheduler scheduler() {
        return scheduler;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public LedgerImporter ledgerImporter() {
        return ledgerImporter;
    }

    public RegistryImporter registryImporter() {
        return registryImporter;
    }

    public RegistryExporter registryExporter() {
        return registryExporter;
    }

    public ChatImportService chatImports() {
        return chatImports;
    }

    public WecomImportService wecomImports() {
        return wecomImports;
    }

    public ImportBatchService importBatch() {
        return importBatch;
    }

    public BackupService backups() {
        return backups;
    }

    public ReportService reports() {
        return reports;
    }

    public PlanService plans() {
        return plans;
    }

    public PlanTemplateService planTemplates() {
        return planTemplates;
    }

    public InviteService invites() {
        return invites;
    }

    public CalendarExport calendarExport() {
        return calendarExport;
    }

    public DissolutionPlanner planner() {
        return planner;
    }

    public ThresholdSettings thresholds() {
        return new ThresholdSettings(settings, health);
    }

    public DashboardService dashboard() {
        return dashboard;
    }

    public HealthService health() {
        return health;
    }

    public WorkspaceSettings settings() {
        return settings;
    }

    /** The operator's time zone: the one chosen in Settings, else the OS zone. */
    public ZoneId zone() {
        return zoneFrom(prefs);
    }

    public Messages messages() {
        return new Messages(localeFrom(prefs));
    }

    public static ZoneId zoneFrom(UserPrefs prefs) {
        String z = prefs.get(UserPrefs.ZONE, "system");
        if (!"system".equals(z)) {
            try {
                return ZoneId.of(z);
            } catch (RuntimeException ignored) {
                // fall back to the OS zone below
            }
        }
        return ZoneId.systemDefault();
    }

    /** The OS language as the JVM started with it (the window later sets the default to the UI language). */
    private static final Locale SYSTEM_LOCALE = Locale.getDefault();

    public static Locale localeFrom(UserPrefs prefs) {
        return switch (prefs.get(UserPrefs.LANGUAGE, "system")) {
            case "zh" -> Messages.CHINESE;
            case "en" -> Messages.ENGLISH;
            default -> Messages.supported(SYSTEM_LOCALE);
        };
    }
}
