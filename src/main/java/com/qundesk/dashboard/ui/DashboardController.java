package com.qundesk.dashboard.ui;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.GroupDetail;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.group.GroupStatus;
import com.qundesk.group.HistoryEntry;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.value.HealthService;
import com.qundesk.value.LedgerService;
import com.qundesk.imports.ChatImportService;
import com.qundesk.report.ReportService;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.Charts;
import com.qundesk.ui.NumberCells;
import com.qundesk.ui.TableFit;
import com.qundesk.value.DailyStat;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
import com.qundesk.value.RuleFinding;
import com.qundesk.value.ValueDimension;
import com.qundesk.value.ValueModel;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.Chart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.stage.FileChooser;

import java.io.File;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The value dashboard: the portfolio (delivered share and its trend, value by dimension, status and purpose,
 * coupon redemption against the 18% benchmark, top and bottom groups, the recommendations queue, flash
 * discipline) and one group's detail. Everything is computed off the FX thread; charts get aggregated series.
 */
public final class DashboardController {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd");

    private final ViewContext ui;
    private final DashboardService dashboard;
    private final HealthService health;
    private final LedgerService ledger;
    private final ChatImportService chatImports;
    private final ReportService reports;
    private final VerdictActions verdicts;
    private final ObservableList<GroupHealth> queue = FXCollections.observableArrayList();
    private final FilteredList<GroupHealth> filteredQueue = new FilteredList<>(queue);
    private Portfolio portfolio;
    private Long pendingDetail;

    @FXML private ToggleGroup windowGroup;
    @FXML private ToggleButton window7;
    @FXML private ToggleButton window30;
    @FXML private ToggleButton window90;
    @FXML private Button refreshButton;
    @FXML private Button reportButton;
    @FXML private Label asOfLabel;
    @FXML private TabPane tabs;
    @FXML private Tab portfolioTab;
    @FXML private Tab detailTab;
    @FXML private Label deliveredShareLabel;
    @FXML private Label deliveredShareText;
    @FXML private Label redemptionLabel;
    @FXML private Label redemptionText;
    @FXML private Label flashLabel;
    @FXML private Label flashText;
    @FXML private Label actionsLabel;
    @FXML private Label actionsText;
    @FXML private LineChart<String, Number> trendChart;
    @FXML private StackedBarChart<String, Number> dimensionChart;
    @FXML private PieChart statusChart;
    @FXML private BarChart<Number, String> purposeChart;
    @FXML private BarChart<String, Number> funnelChart;
    @FXML private TableView<GroupHealth> topTable;
    @FXML private TableColumn<GroupHealth, String> topName;
    @FXML private TableColumn<GroupHealth, Number> topValue;
    @FXML private TableColumn<GroupHealth, Number> topIndex;
    @FXML private TableView<GroupHealth> bottomTable;
    @FXML private TableColumn<GroupHealth, String> bottomName;
    @FXML private TableColumn<GroupHealth, Number> bottomValue;
    @FXML private TableColumn<GroupHealth, Number> bottomIndex;
    @FXML private ComboBox<Recommendation> recommendationFilter;
    @FXML private Button actButton;
    @FXML private Button openGroupButton;
    @FXML private TableView<GroupHealth> queueTable;
    @FXML private TableColumn<GroupHealth, String> queueName;
    @FXML private TableColumn<GroupHealth, String> queueRecommendation;
    @FXML private TableColumn<GroupHealth, Number> queueIndex;
    @FXML private TableColumn<GroupHealth, Number> queueMembers;
    @FXML private TableColumn<GroupHealth, String> queueReasons;
    @FXML private ComboBox<GroupHealth> groupBox;
    @FXML private Label detailIndexLabel;
    @FXML private Label detailRecommendationLabel;
    @FXML private Label detailTerms;
    @FXML private BarChart<String, Number> detailDimensionChart;
    @FXML private LineChart<String, Number> detailTimelineChart;
    @FXML private LineChart<Number, Number> detailMessagesChart;
    @FXML private LineChart<Number, Number> detailMembersChart;
    @FXML private ListView<String> detailRules;
    @FXML private ListView<String> detailHistory;
    @FXML private ListView<String> detailImports;
    /** The group's value plan: judged, with its items and "add an item". */
    @FXML private com.qundesk.plan.ui.GroupPlanController groupPlanController;
    @FXML private LedgerController ledgerController;

    public DashboardController(ViewContext ui, DashboardService dashboard, HealthService health, LedgerService ledger, ChatImportService chatImports, ReportService reports, VerdictActions verdicts) {
        this.ui = ui;
        this.dashboard = dashboard;
        this.health = health;
        this.ledger = ledger;
        this.chatImports = chatImports;
        this.reports = reports;
        this.verdicts = verdicts;
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        // no chart animation: with data replaced on every refresh, an animated CategoryAxis/NumberAxis kept the
        // ranges and labels of the previous data (stacked weeks clipped at the top, labels on top of each other
        // at big scale), and each animation frame is a full repaint in the software renderer
        for (Chart chart : List.of(trendChart, dimensionChart, statusChart, purposeChart, funnelChart,
                detailDimensionChart, detailTimelineChart, detailMessagesChart, detailMembersChart)) {
            chart.setAnimated(false);
            if (chart instanceof XYChart<?, ?> xy) {
                xy.getXAxis().setAnimated(false);
                xy.getYAxis().setAnimated(false);
            }
        }
        // counts step in whole numbers (an axis of 12.5 groups or 1.25 messages reads as a fault)
        Charts.wholeNumbers((NumberAxis) dimensionChart.getYAxis(), (NumberAxis) purposeChart.getXAxis(),
                (NumberAxis) detailDimensionChart.getYAxis(), (NumberAxis) detailTimelineChart.getYAxis(),
                (NumberAxis) detailMessagesChart.getYAxis(), (NumberAxis) detailMembersChart.getYAxis());
        Charts.days((NumberAxis) detailMessagesChart.getXAxis(), SHORT);
        Charts.days((NumberAxis) detailMembersChart.getXAxis(), SHORT);
        for (Chart chart : List.of(trendChart, dimensionChart, statusChart, purposeChart, funnelChart,
                detailDimensionChart, detailTimelineChart, detailMessagesChart, detailMembersChart)) {
            Charts.messageWhenEmpty(chart, m.get("dashboard.chartEmpty"));
        }
        window7.setUserData(7);
        window30.setUserData(30);
        window90.setUserData(90);
        windowGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                refresh();
            }
        });
        setUpRankTable(topTable, topName, topValue, topIndex);
        setUpRankTable(bottomTable, bottomName, bottomValue, bottomIndex);

        queueName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().name()));
        queueRecommendation.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                m.get(c.getValue().recommendation().messageKey())));
        queueIndex.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index().value()));
        NumberCells.decimals(queueIndex, 1);
        queueMembers.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().group().memberCount()));
        queueReasons.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reasons().stream()
                .map(m::describe).collect(Collectors.joining("  ·  "))));
        TableFit.freeText(queueReasons);
        SortedList<GroupHealth> sorted = new SortedList<>(filteredQueue);
        sorted.comparatorProperty().bind(queueTable.comparatorProperty());
        queueTable.setItems(sorted);
        queueTable.setPlaceholder(new Label(m.get("dashboard.queueEmpty")));
        queueTable.setRowFactory(t -> {
            TableRow<GroupHealth> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showDetail(row.getItem().group().id());
                }
            });
            return row;
        });
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateActButton(b));
        List<Recommendation> filterItems = new ArrayList<>();
        filterItems.add(null);
        filterItems.addAll(List.of(Recommendation.values()));
        recommendationFilter.getItems().setAll(filterItems);
        recommendationFilter.setConverter(converter(r -> r == null ? m.get("dashboard.filter.all")
                : m.get(r.messageKey())));
        recommendationFilter.valueProperty().addListener((o, a, b) ->
                filteredQueue.setPredicate(b == null ? null : h -> h.recommendation() == b));
        updateActButton(null);

        groupBox.setConverter(converter(h -> h == null ? "" : h.group().name()));
        // the detail tab never opens empty: without a choice it shows the first group of the queue
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, tab) -> {
            if (tab == detailTab && groupBox.getValue() == null && !groupBox.getItems().isEmpty()
                    && pendingDetail == null) {
                groupBox.setValue(queue.isEmpty() ? groupBox.getItems().getFirst() : queue.getFirst());
            }
        });
        groupBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                loadDetail(b.group().id());
            }
        });

        ledgerController.setOnChange(this::refresh);
        ChartExport.install(trendChart, "delivered-share", m, ui.tasks());
        ChartExport.install(dimensionChart, "value-by-dimension", m, ui.tasks());
        ChartExport.install(statusChart, "groups-by-status", m, ui.tasks());
        ChartExport.install(purposeChart, "groups-by-purpose", m, ui.tasks());
        ChartExport.install(funnelChart, "coupon-redemption", m, ui.tasks());
        ChartExport.install(detailDimensionChart, "group-dimensions", m, ui.tasks());
        ChartExport.install(detailTimelineChart, "group-timeline", m, ui.tasks());
        ChartExport.install(detailMessagesChart, "group-messages", m, ui.tasks());
        ChartExport.install(detailMembersChart, "group-members", m, ui.tasks());
        refresh();
    }

    public int window() {
        return (Integer) windowGroup.getSelectedToggle().getUserData();
    }

    @FXML
    private void onRefresh() {
        refresh();
    }

    /** Recomputes the portfolio for the selected window, off the FX thread. */
    public void refresh() {
        int window = window();
        LocalDate day = health.today();
        ui.tasks().run(() -> dashboard.portfolio(day, window), this::show, refreshButton, reportButton);
    }

    /** Opens the detail tab on one group. */
    public void showDetail(long groupId) {
        tabs.getSelectionModel().select(detailTab);
        if (portfolio == null) {
            pendingDetail = groupId;
            return;
        }
        groupBox.getItems().stream().filter(h -> h.group().id() == groupId).findFirst()
                .ifPresentOrElse(groupBox::setValue, () -> loadDetail(groupId));
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    private void show(Portfolio p) {
        this.portfolio = p;
        Messages m = ui.messages();
        asOfLabel.setText(m.get("dashboard.asOf", ui.formats().date(p.day()), p.windowDays()));
        deliveredShareLabel.setText(percent(p.deliveredShare()));
        deliveredShareText.setText(m.get("dashboard.deliveredText", p.deliveredGroups(), p.liveGroups(),
                p.windowDays(), percent(1 - p.deliveredShare())));
        Double rate = p.funnel().redemptionRate();
        redemptionLabel.setText(rate == null ? "—" : percent(rate));
        redemptionLabel.getStyleClass().removeAll("good", "bad");
        if (rate != null) {
            redemptionLabel.getStyleClass().add(rate >= ValueModel.REDEMPTION_BENCHMARK ? "good" : "bad");
        }
        redemptionText.setText(rate == null ? m.get("dashboard.redemptionNone")
                : m.get("dashboard.redemptionText", (long) p.funnel().couponsRedeemed(),
                (long) p.funnel().couponsIssued(), percent(ValueModel.REDEMPTION_BENCHMARK)));
        var f = p.flash();
        int ended = f.onTime() + f.late();
        flashLabel.setText(ended == 0 ? "—" : percent((double) f.onTime() / ended));
        flashText.setText(m.get("dashboard.flashText", f.onTime(), f.late(), f.overdue(), f.open(), f.planned()));
        long toAct = p.recommendations().stream().filter(h -> h.recommendation() != Recommendation.KEEP).count();
        actionsLabel.setText(Long.toString(toAct));
        actionsText.setText(m.get("dashboard.actionsText", count(p, Recommendation.DISSOLVE),
                count(p, Recommendation.SPLIT), count(p, Recommendation.RE_FORM),
                count(p, Recommendation.CONVERT_TO_FLASH), count(p, Recommendation.IMPROVE)));

        XYChart.Series<String, Number> trend = new XYChart.Series<>();
        for (Portfolio.TrendPoint t : p.deliveredTrend()) {
            trend.getData().add(new XYChart.Data<>(SHORT.format(t.windowEnd()), Math.round(t.share() * 1000) / 10.0));
        }
        trendChart.getData().setAll(List.of(trend));

        List<XYChart.Series<String, Number>> dims = new ArrayList<>();
        for (ValueDimension d : ValueDimension.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m.get(d.messageKey()));
            for (Portfolio.WeekValue w : p.valueByWeek()) {
                s.getData().add(new XYChart.Data<>(SHORT.format(w.weekStart()), w.counts().getOrDefault(d, 0)));
            }
            dims.add(s);
        }
        dimensionChart.getData().setAll(dims);

        List<PieChart.Data> slices = new ArrayList<>();
        for (GroupStatus s : GroupStatus.values()) {
            int n = p.byStatus().getOrDefault(s, 0);
            if (n > 0) {
                slices.add(new PieChart.Data(m.get(s.messageKey()) + " " + n, n));
            }
        }
        statusChart.setData(FXCollections.observableArrayList(slices));

        XYChart.Series<Number, String> purposes = new XYChart.Series<>();
        for (Purpose pu : Purpose.values()) {
            purposes.getData().add(new XYChart.Data<>(p.byPurpose().getOrDefault(pu, 0), m.get(pu.messageKey())));
        }
        purposeChart.getData().setAll(List.of(purposes));

        XYChart.Series<String, Number> rates = new XYChart.Series<>();
        rates.setName(m.get("dashboard.series.redemption"));
        XYChart.Series<String, Number> bench = new XYChart.Series<>();
        bench.setName(m.get("dashboard.series.benchmark"));
        for (Portfolio.GroupRate r : p.funnel().byGroup().stream().limit(8).toList()) {
            // shortened at both ends: "瑞幸咖啡门店福利群·静安" and "…·徐汇" stay two bars, not one
            String label = r.name().length() > 10 ? r.name().substring(0, 5) + "…" + r.name().substring(
                    r.name().length() - 4) : r.name();
            rates.getData().add(new XYChart.Data<>(label, Math.round(r.rate() * 1000) / 10.0));
            bench.getData().add(new XYChart.Data<>(label, ValueModel.REDEMPTION_BENCHMARK * 100));
        }
        funnelChart.getData().setAll(List.of(rates, bench));

        topTable.getItems().setAll(p.top());
        bottomTable.getItems().setAll(p.bottom());
        queue.setAll(p.recommendations());
        groupBox.getItems().setAll(p.recommendations().stream()
                .sorted((a, b) -> a.group().name().compareTo(b.group().name())).toList());
        if (pendingDetail != null) {
            long id = pendingDetail;
            pendingDetail = null;
            showDetail(id);
        } else if (groupBox.getValue() != null) {
            long id = groupBox.getValue().group().id();
            groupBox.getItems().stream().filter(h -> h.group().id() == id).findFirst().ifPresent(groupBox::setValue);
        }
    }

    private void loadDetail(long groupId) {
        int window = window();
        LocalDate day = health.today();
        ui.tasks().run(() -> dashboard.groupDetail(groupId, day, window, ledger),
                this::showDetailData);
        if (groupPlanController != null) {
            groupPlanController.show(groupId, window);
        }
    }

    private void showDetailData(GroupDetail d) {
        Messages m = ui.messages();
        GroupHealth h = d.health();
        detailIndexLabel.setText(m.get("dashboard.detail.index", h.index().value()));
        detailRecommendationLabel.setText(m.get(h.recommendation().messageKey()));
        Map<String, Double> terms = h.index().terms();
        detailTerms.setText(h.index().perMember()
                ? m.get("dashboard.detail.terms", terms.get("valuePerMemberPerWeek"),
                        terms.get("conversionsPerMemberPerWeek"), terms.get("gmvPerMemberPerWeek"),
                        terms.get("dimensionsCovered").intValue(), terms.get("valuePoints"), terms.get("outcomePoints"),
                        terms.get("breadthPoints"))
                : m.get("dashboard.detail.termsNoMembers", terms.get("dimensionsCovered").intValue(),
                        terms.get("breadthPoints")));

        XYChart.Series<String, Number> dims = new XYChart.Series<>();
        for (ValueDimension dim : ValueDimension.values()) {
            dims.getData().add(new XYChart.Data<>(m.get(dim.messageKey()),
                    h.metrics().eventsByDimension.getOrDefault(dim, 0)));
        }
        detailDimensionChart.getData().setAll(List.of(dims));

        XYChart.Series<String, Number> values = new XYChart.Series<>();
        values.setName(m.get("dashboard.series.valueEvents"));
        XYChart.Series<String, Number> conversions = new XYChart.Series<>();
        conversions.setName(m.get("dashboard.series.conversions"));
        for (GroupDetail.Week w : d.weeks()) {
            values.getData().add(new XYChart.Data<>(SHORT.format(w.start()), w.valueEvents()));
            conversions.getData().add(new XYChart.Data<>(SHORT.format(w.start()), w.conversions()));
        }
        detailTimelineChart.getData().setAll(List.of(values, conversions));

        XYChart.Series<Number, Number> messages = new XYChart.Series<>();
        messages.setName(m.get("dashboard.series.messages"));
        XYChart.Series<Number, Number> speakers = new XYChart.Series<>();
        speakers.setName(m.get("dashboard.series.speakers"));
        XYChart.Series<Number, Number> members = new XYChart.Series<>();
        for (DailyStat s : d.stats()) {
            long x = s.day().toEpochDay();
            messages.getData().add(new XYChart.Data<>(x, s.messages()));
            speakers.getData().add(new XYChart.Data<>(x, s.speakers()));
            if (s.members() != null) {
                members.getData().add(new XYChart.Data<>(x, s.members()));
            }
        }
        if (!d.stats().isEmpty()) {
            java.time.LocalDate first = d.stats().getFirst().day();
            java.time.LocalDate last = d.stats().getLast().day();
            Charts.showDays((NumberAxis) detailMessagesChart.getXAxis(), first, last);
            Charts.showDays((NumberAxis) detailMembersChart.getXAxis(), first, last);
        }
        detailMessagesChart.getData().setAll(List.of(messages, speakers));
        detailMembersChart.getData().setAll(List.of(members));

        List<String> rules = new ArrayList<>();
        for (RuleFinding f : h.findings()) {
            rules.add(m.get(f.rule().messageKey()) + " — " + m.describe(f));
        }
        if (rules.isEmpty()) {
            rules.add(m.get("dashboard.detail.noRules"));
        }
        detailRules.getItems().setAll(rules);
        List<String> history = new ArrayList<>();
        for (HistoryEntry e : d.history()) {
            String action = m.has("history.action." + e.action()) ? m.get("history.action." + e.action()) : e.action();
            String field = e.field() == null ? "" : " " + (m.has("field." + e.field()) ? m.get("field." + e.field())
                    : e.field()) + ": " + nz(e.oldValue()) + " → " + nz(e.newValue());
            history.add(ui.formats().dateTime(e.at()) + "  " + action + field
                    + (e.note() == null ? "" : " (" + e.note() + ")"));
        }
        detailHistory.getItems().setAll(history);
        long groupId = h.group().id();
        ui.tasks().run(() -> chatImports.historyOf(groupId), runs -> {
            List<String> lines = new ArrayList<>();
            for (var r : runs) {
                lines.add(ui.formats().dateTime(r.startedAt()) + "  " + r.fileName() + " (" + r.format() + ")  "
                        + m.get(r.undone() ? "cli.import.historyUndone" : "cli.import.historyLine", r.imported(),
                        r.duplicates(), r.rejected(), String.join("、", r.groups())));
            }
            if (lines.isEmpty()) {
                lines.add(m.get("dashboard.detail.noImports"));
            }
            detailImports.getItems().setAll(lines);
        });
    }

    @FXML
    private void onOpenGroup() {
        GroupHealth h = queueTable.getSelectionModel().getSelectedItem();
        if (h != null) {
            showDetail(h.group().id());
        }
    }

    @FXML
    private void onAct() {
        GroupHealth h = queueTable.getSelectionModel().getSelectedItem();
        if (h != null) {
            verdicts.act(queueTable.getScene().getWindow(), h, this::refresh);
        }
    }

    @FXML
    private void onReport() {
        FileChooser fc = new FileChooser();
        fc.setTitle(ui.messages().get("dashboard.report"));
        fc.setInitialFileName("qundesk-report-" + health.today() + ".pdf");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = fc.showSaveDialog(reportButton.getScene().getWindow());
        if (f == null) {
            return;
        }
        int window = window();
        ui.tasks().run(() -> { // replace: the save dialog asked before choosing an existing file
            reports.write(f.toPath(), true, health.today(), window, ui.messages());
            return f;
        }, done -> asOfLabel.setText(ui.messages().get("dashboard.reportSaved", done.getAbsolutePath())),
                reportButton);
    }

    private void updateActButton(GroupHealth h) {
        String key = h == null ? null : ActionsOnVerdict.actionKey(h);
        actButton.setText(ui.messages().get(key == null ? "dashboard.action.none" : key));
        actButton.setDisable(key == null);
        openGroupButton.setDisable(h == null);
    }

    private static final double RANK_ROW = 30;

    private void setUpRankTable(TableView<GroupHealth> table, TableColumn<GroupHealth, String> name,
                                TableColumn<GroupHealth, Number> value, TableColumn<GroupHealth, Number> index) {
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().name()));
        value.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().valuePerMember()));
        index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index().value()));
        NumberCells.decimals(value, 2);
        NumberCells.decimals(index, 1);
        // all of the top (or bottom) groups show, not two rows and a scroll bar
        table.setFixedCellSize(RANK_ROW);
        table.setMinHeight(RANK_ROW * DashboardService.TOP_N + 50); // the rows, the header and the borders
        table.setPrefHeight(table.getMinHeight());
        table.setRowFactory(t -> {
            TableRow<GroupHealth> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    showDetail(row.getItem().group().id());
                }
            });
            return row;
        });
    }

    private static long count(Portfolio p, Recommendation r) {
        return p.recommendations().stream().filter(h -> h.recommendation() == r).count();
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private static String nz(String s) {
        return s == null ? "—" : s.length() > 40 ? s.substring(0, 39) + "…" : s;
    }

    private static <T> javafx.util.StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
