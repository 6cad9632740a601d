package com.qundesk.dashboard.ui;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.GroupDetail;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.Charts;
import com.qundesk.ui.NumberCells;
import com.qundesk.ui.TableFit;
import com.qundesk.stats.DailyStat;
import com.qundesk.group.GroupScope;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The value dashboard: the portfolio (delivered share and its trend, value by dimension, status and purpose,
 * coupon redemption against the 18% benchmark, top and bottom groups, the recommendations queue, flash
 * discipline) and one group's detail. Everything is computed off the FX thread; charts get aggregated series.
 */
public final class DashboardController {

    private final ViewContext ui;
    private final DashboardModel model;
    private final VerdictActions verdicts;
    private final OperatorChooser whose;
    private final ObservableList<GroupHealth> queue = FXCollections.observableArrayList();
    private final FilteredList<GroupHealth> filteredQueue = new FilteredList<>(queue);
    private Portfolio portfolio;
    private Long pendingDetail;

    @FXML private ToggleGroup windowGroup;
    @FXML private Label scopeLabel;
    @FXML private ComboBox<GroupScope> scopeChooser;
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
    @FXML private com.qundesk.plan.ui.PlanSignsController planSignsController;
    @FXML private LedgerController ledgerController;

    public DashboardController(ViewContext ui, DashboardModel model, VerdictActions verdicts, OperatorChooser whose) {
        this.ui = ui;
        this.model = model;
        this.verdicts = verdicts;
        this.whose = whose;
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
        Charts.days((NumberAxis) detailMessagesChart.getXAxis(), DashboardModel.SHORT);
        Charts.days((NumberAxis) detailMembersChart.getXAxis(), DashboardModel.SHORT);
        for (Chart chart : List.of(trendChart, dimensionChart, statusChart, purposeChart, funnelChart,
                detailDimensionChart, detailTimelineChart, detailMessagesChart, detailMembersChart)) {
            Charts.messageWhenEmpty(chart, m.get("dashboard.chartEmpty"));
        }
        whose.attach(scopeLabel, scopeChooser, this::refresh);
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
        GroupScope scope = whose.scope();
        ui.tasks().run(() -> model.portfolio(window, scope), this::show, refreshButton, reportButton);
        whose.reload();
        if (planSignsController != null) {
            planSignsController.show(window);
        }
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
        DashboardModel.Figures f = model.figures(p);
        asOfLabel.setText(f.asOf());
        deliveredShareLabel.setText(f.deliveredShare());
        deliveredShareText.setText(f.deliveredText());
        redemptionLabel.setText(f.redemption());
        redemptionLabel.getStyleClass().removeAll("good", "bad");
        if (f.redemptionGood() != null) {
            redemptionLabel.getStyleClass().add(f.redemptionGood() ? "good" : "bad");
        }
        redemptionText.setText(f.redemptionText());
        flashLabel.setText(f.flash());
        flashText.setText(f.flashText());
        actionsLabel.setText(f.actions());
        actionsText.setText(f.actionsText());

        trendChart.getData().setAll(List.of(series(model.deliveredTrend(p))));
        dimensionChart.getData().setAll(model.valueByDimension(p).stream().map(DashboardController::series).toList());
        statusChart.setData(FXCollections.observableArrayList(model.byStatus(p).stream()
                .map(s -> new PieChart.Data(s.label(), s.value().doubleValue())).toList()));
        XYChart.Series<Number, String> purposes = new XYChart.Series<>();
        for (DashboardModel.Point pu : model.byPurpose(p)) {
            purposes.getData().add(new XYChart.Data<>(pu.value(), pu.label()));
        }
        purposeChart.getData().setAll(List.of(purposes));
        funnelChart.getData().setAll(model.redemption(p).stream().map(DashboardController::series).toList());

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
        ui.tasks().run(() -> model.detail(groupId, window), this::showDetailData);
        if (groupPlanController != null) {
            groupPlanController.show(groupId, window);
        }
    }

    private void showDetailData(GroupDetail d) {
        Messages m = ui.messages();
        GroupHealth h = d.health();
        detailIndexLabel.setText(m.get("dashboard.detail.index", h.index().value()));
        detailRecommendationLabel.setText(m.get(h.recommendation().messageKey()));
        detailTerms.setText(model.terms(h));
        detailDimensionChart.getData().setAll(List.of(series(model.dimensions(h))));
        detailTimelineChart.getData().setAll(model.weeks(d).stream().map(DashboardController::series).toList());

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
            LocalDate first = d.stats().getFirst().day();
            LocalDate last = d.stats().getLast().day();
            Charts.showDays((NumberAxis) detailMessagesChart.getXAxis(), first, last);
            Charts.showDays((NumberAxis) detailMembersChart.getXAxis(), first, last);
        }
        detailMessagesChart.getData().setAll(List.of(messages, speakers));
        detailMembersChart.getData().setAll(List.of(members));

        detailRules.getItems().setAll(model.rules(h));
        detailHistory.getItems().setAll(model.history(d));
        long groupId = h.group().id();
        ui.tasks().run(() -> model.importLines(groupId), detailImports.getItems()::setAll);
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
        fc.setInitialFileName(model.reportFileName());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File f = fc.showSaveDialog(reportButton.getScene().getWindow());
        if (f == null) {
            return;
        }
        int window = window();
        ui.tasks().run(() -> { // replace: the save dialog asked before choosing an existing file
            model.writeReport(f.toPath(), window);
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

    /** One series of the model as a chart series of category and value. */
    private static XYChart.Series<String, Number> series(DashboardModel.Series s) {
        XYChart.Series<String, Number> out = new XYChart.Series<>();
        if (s.name() != null) {
            out.setName(s.name());
        }
        for (DashboardModel.Point p : s.points()) {
            out.getData().add(new XYChart.Data<>(p.label(), p.value()));
        }
        return out;
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
