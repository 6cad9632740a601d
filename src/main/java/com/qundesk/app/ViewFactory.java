package com.qundesk.app;

import com.qundesk.backup.ui.BackupsController;
import com.qundesk.campaign.ui.CampaignsController;
import com.qundesk.dashboard.ui.DashboardController;
import com.qundesk.dashboard.ui.DashboardModel;
import com.qundesk.dashboard.ui.OperatorChooser;
import com.qundesk.dashboard.ui.LedgerController;
import com.qundesk.dashboard.ui.VerdictActions;
import com.qundesk.shell.TodayStart;
import com.qundesk.flash.ui.CalendarController;
import com.qundesk.flash.ui.FlashDialogs;
import com.qundesk.group.ui.GroupFormController;
import com.qundesk.group.ui.GroupsController;
import com.qundesk.group.ui.RegistryImportDialog;
import com.qundesk.imports.ui.ImportController;
import com.qundesk.plan.ui.DeliveriesController;
import com.qundesk.plan.ui.TodayDeliveries;
import com.qundesk.plan.ui.GroupPlanController;
import com.qundesk.plan.ui.PlanSignsController;
import com.qundesk.plan.ui.PlanTemplatesDialog;
import com.qundesk.shell.MainWindowController;
import com.qundesk.shell.SettingsController;
import com.qundesk.shell.TodayController;
import com.qundesk.template.ui.TemplatesController;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import com.qundesk.workspace.AppContext;

import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Map.entry;

/**
 * The UI composition: for one open workspace and one window's view context, builds each view's controller with
 * exactly the services it uses. The window's {@link ViewLoader}s ask it for every controller FXML names, the
 * fx:include'd ones too; {@code ViewFactory::new} is the {@link com.qundesk.shell.ViewComposition} the window gets.
 */
public final class ViewFactory implements Function<Class<?>, Object> {

    private final Map<Class<?>, Supplier<Object>> controllers;

    /**
     * {@code opened}: what Today shows, read while the workspace opened, handed once to the first Today view and its
     * deliveries section.
     */
    public ViewFactory(AppContext ctx, ViewContext ui, Supplier<TodayStart> opened) {
        FlashDialogs flashDialogs = new FlashDialogs(ui, ctx.flash(), ctx.templates());
        // taken when a Today view is built (its deliveries section is built right after it, in the same load)
        AtomicReference<TodayDeliveries> forDeliveries = new AtomicReference<>();
        Supplier<TodayStart> forToday = () -> {
            TodayStart start = opened.get();
            forDeliveries.set(start == null ? null : start.deliveries());
            return start;
        };
        controllers = Map.ofEntries(
                entry(MainWindowController.class, () -> new MainWindowController(ui,
                        new ViewLoader(ui.messages(), this), ctx.prefs(), ctx.location(), ctx.operator(),
                        ctx.operators(), ctx.paths(), ctx.changes())),
                entry(TodayController.class, () -> new TodayController(ui, ctx.flash(), flashDialogs,
                        forToday.get(), ctx.operator(), ctx.operators(), ctx.prefs(), ctx.database().isLocal())),
                entry(SettingsController.class, () -> new SettingsController(ui, ctx.prefs(), ctx.settings(),
                        ctx.thresholds(), ctx.location(), ctx.operators(), ctx.operator())),
                entry(GroupsController.class, () -> new GroupsController(ui, ctx.groups(), ctx.flash(),
                        new RegistryImportDialog(ui, ctx.registryImporter(), ctx.registryExporter()))),
                entry(GroupFormController.class, () -> new GroupFormController(ui, ctx.groups())),
                entry(DashboardController.class, () -> new DashboardController(ui,
                        new DashboardModel(ui.messages(), ui.formats(), ctx.dashboard(), ctx.health(), ctx.ledger(),
                                ctx.chatImports(), ctx.reports()),
                        new VerdictActions(ui, ctx.planner(), ctx.groups(), ctx.flash(), flashDialogs),
                        new OperatorChooser(ui, ctx.operators()))),
                entry(LedgerController.class, () -> new LedgerController(ui, ctx.ledger(), ctx.ledgerImporter(),
                        ctx.groups(), ctx.health())),
                entry(TemplatesController.class, () -> new TemplatesController(ui, ctx.templates(), ctx.groups(),
                        ctx.campaigns(), new PlanTemplatesDialog(ui, ctx.planTemplates()))),
                entry(BackupsController.class, () -> new BackupsController(ui, ctx.backups(), ctx.location())),
                entry(CampaignsController.class, () -> new CampaignsController(ui, ctx.campaigns(), ctx.flash(),
                        ctx.templates(), flashDialogs)),
                entry(CalendarController.class, () -> new CalendarController(ui, ctx.campaigns(), ctx.flash(),
                        ctx.plans(), ctx.calendarExport(), flashDialogs)),
                entry(DeliveriesController.class, () -> new DeliveriesController(ui, ctx.plans(), ctx.invites(),
                        forDeliveries.getAndSet(null))),
                entry(GroupPlanController.class, () -> new GroupPlanController(ui, ctx.plans(), ctx.health(),
                        new PlanTemplatesDialog(ui, ctx.planTemplates()))),
                entry(PlanSignsController.class, () -> new PlanSignsController(ui, ctx.plans(), ctx.groups(),
                        ctx.health())),
                entry(ImportController.class, () -> new ImportController(ui, ctx.importBatch(), ctx.chatImports(),
                        ctx.wecomImports(), ctx.groups())));
    }

    /** A new controller of {@code type}, for one view about to be loaded. */
    @Override
    public Object apply(Class<?> type) {
        Supplier<Object> make = controllers.get(type);
        if (make == null) {
            throw new IllegalArgumentException("No controller factory for " + type.getName());
        }
        return make.get();
    }
}
