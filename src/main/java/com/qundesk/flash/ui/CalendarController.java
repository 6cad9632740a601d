package com.qundesk.flash.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignService;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.FlashState;
import com.qundesk.flash.Reminder;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.CalendarExport;
import com.qundesk.plan.PlanService;
import com.qundesk.ui.ViewContext;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of campaigns and flash-group lifetimes (day, week, month). Double-clicking a flash group moves its
 * dissolution (its reminders follow); a group already due is extended with a reason instead.
 */
public final class CalendarController {

    private record Data(List<Campaign> campaigns, List<FlashGroup> flash, List<Reminder> reminders, Instant now,
                        List<com.qundesk.plan.PlannedDelivery> deliveries) {
    }

    private final ViewContext view;
    private final CampaignService campaigns;
    private final FlashService flash;
    private final PlanService plans;
    private final CalendarExport calendarExport;
    private final FlashDialogs flashDialogs;
    private TimelineModel.Scale scale = TimelineModel.Scale.WEEK;
    private LocalDate anchor;
    private Data data;

    @FXML private FlowPane legend;
    @FXML private ToggleGroup scaleGroup;
    @FXML private ToggleButton dayButton;
    @FXML private ToggleButton weekButton;
    @FXML private ToggleButton monthButton;
    @FXML private Label rangeLabel;
    @FXML private TimelineCanvas timeline;
    @FXML private Button exportButton;

    public CalendarController(ViewContext view, CampaignService campaigns, FlashService flash, PlanService plans,
                              CalendarExport calendarExport, FlashDialogs flashDialogs) {
        this.view = view;
        this.campaigns = campaigns;
        this.flash = flash;
        this.plans = plans;
        this.calendarExport = calendarExport;
        this.flashDialogs = flashDialogs;
    }

    @FXML
    private void initialize() {
        anchor = view.clock().instant().atZone(view.formats().zone()).toLocalDate();
        dayButton.setUserData(TimelineModel.Scale.DAY);
        weekButton.setUserData(TimelineModel.Scale.WEEK);
        monthButton.setUserData(TimelineModel.Scale.MONTH);
        scaleGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
                return;
            }
            scale = (TimelineModel.Scale) b.getUserData();
            show();
        });
        timeline.setDark(view.theme().isDark());
        fillLegend(view.theme().isDark());
        timeline.setDescribe(this::describe);
        timeline.setOnOpen((row, x) -> {
            if (row.kind() == TimelineModel.Kind.FLASH) {
                reschedule(row);
            }
        });
        refresh();
    }

    /** Reloads campaigns, flash groups and reminders off the FX thread. */
    public void refresh() {
        view.tasks().run(() -> {
            Instant now = view.clock().instant();
            // the plan's deliveries of a month either side: the views scroll within it without a reload
            List<com.qundesk.plan.PlannedDelivery> deliveries = plans.occurrences(
                    now.minus(java.time.Duration.ofDays(62)), now.plus(java.time.Duration.ofDays(62)), now);
            return new Data(campaigns.list(), flash.list(), flash.activeReminders(),
                    now, deliveries);
        }, d -> {
                    data = d;
                    show();
                });
    }

    @FXML
    private void onPrevious() {
        anchor = TimelineModel.step(scale, anchor, -1);
        show();
    }

    @FXML
    private void onToday() {
        anchor = view.clock().instant().atZone(view.formats().zone()).toLocalDate();
        show();
    }

    @FXML
    private void onNext() {
        anchor = TimelineModel.step(scale, anchor, 1);
        show();
    }

    public TimelineCanvas timeline() {
        return timeline;
    }

    private void show() {
        Instant[] range = TimelineModel.range(scale, anchor, view.formats().zone());
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(view.messages().locale());
        rangeLabel.setText(f.format(range[0].atZone(view.formats().zone())) + " – "
                + f.format(range[1].minusSeconds(1).atZone(view.formats().zone())));
        if (data == null) {
            return;
        }
        List<TimelineModel.Row> rows = new java.util.ArrayList<>(TimelineModel.rows(data.campaigns(), data.flash(),
                data.reminders(), range[0], range[1], data.now()));
        rows.addAll(TimelineModel.deliveryRows(data.deliveries().stream().filter(d -> !d.occurrence().isBefore(range[0])
                && d.occurrence().isBefore(range[1])).toList(), view.messages().get("calendar.deliveryPrefix")));
        timeline.setData(rows, range[0], range[1], view.clock().instant(), view.formats().zone());
    }

    private String describe(TimelineModel.Row r) {
        Messages m = view.messages();
        String when = view.formats().dateTime(r.start()) + " → " + view.formats().dateTime(r.end());
        if (r.kind() == TimelineModel.Kind.CAMPAIGN) {
            return m.get("calendar.tip.campaign", r.label(), when);
        }
        if (r.kind() == TimelineModel.Kind.DELIVERY) {
            return m.get("calendar.tip.deliveries", r.label(), r.reminders().size(), when);
        }
        return m.get("calendar.tip.flash", r.label(), m.get(r.state().messageKey()), when, r.reminders().size());
    }

    private void reschedule(TimelineModel.Row row) {
        FlashGroup fg = data.flash().stream().filter(f -> f.group().id() == row.id()).findFirst().orElse(null);
        if (fg == null || fg.lifecycle().state().isFinal()) {
            return;
        }
        var owner = timeline.getScene().getWindow();
        if (row.state() == FlashState.DUE) {
            flashDialogs.extend(owner, fg, this::changed);
        } else {
            flashDialogs.reschedule(owner, fg, this::changed);
        }
    }

    /** Writes the calendar (a month back, three months on) as an .ics file the operator picks. */
    @FXML
    private void onExportIcs() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(view.messages().get("calendar.export.title"));
        chooser.setInitialFileName("qundesk.ics");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("iCalendar (*.ics)", "*.ics"));
        java.io.File file = chooser.showSaveDialog(timeline.getScene().getWindow());
        if (file == null) {
            return;
        }
        Instant now = view.clock().instant();
        // replace: the save dialog asked before choosing an existing file; the workspace itself is still refused
        view.tasks().run(() -> {
            calendarExport.write(file.toPath(), true, now.minus(java.time.Duration.ofDays(31)),
                    now.plus(java.time.Duration.ofDays(92)), view.messages());
            return file.toPath();
        }, path -> rangeLabel.setText(view.messages().get("calendar.export.done", path.getFileName())), exportButton);
    }

    private void changed() {
        refresh();
    }

    /** A swatch and a name for each colour a bar can have, before the hint (ticks, double-click). */
    private void fillLegend(boolean dark) {
        Messages m = view.messages();
        List<Node> keys = new ArrayList<>();
        keys.add(swatch(TimelineCanvas.CAMPAIGN, m.get("calendar.legend.campaign")));
        for (FlashState s : FlashState.values()) {
            keys.add(swatch(TimelineCanvas.color(s, dark), m.get(s.messageKey())));
        }
        keys.add(swatch(TimelineCanvas.DELIVERY, m.get("calendar.legend.delivery")));
        legend.getChildren().addAll(0, keys);
    }

    private static Node swatch(Color colour, String name) {
        Rectangle r = new Rectangle(14, 8, colour);
        r.setArcWidth(4);
        r.setArcHeight(4);
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox key = new HBox(5, r, label);
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
    }
}
