package com.qundesk.shell;

import com.qundesk.core.UserPrefs;
import com.qundesk.dashboard.ui.DashboardController;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.value.GroupHealth;
import com.qundesk.value.Recommendation;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import com.qundesk.testsupport.FxWindows;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell (navigation, language switch) and the value dashboard on the demo workspace, headless. */
@ExtendWith(ApplicationExtension.class)
class ShellAndDashboardUiTest {

    @TempDir
    static Path temp;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private TestWorkspace w;
    /** Switching to Chinese sets the JVM's default locale; the tests after this one get theirs back. */
    private final java.util.Locale defaultLocale = java.util.Locale.getDefault();
    /** The service's portfolio for today's 30 days, read before the window opened the workspace. */
    private com.qundesk.dashboard.Portfolio expected;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = temp.resolve("shell-" + System.nanoTime());
        w = TestWorkspace.demo(dir);
        expected = w.ctx.dashboard().portfolio(w.ctx.health().today(), 30);
        window = FxWindows.open(stage, w, executor);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
        java.util.Locale.setDefault(defaultLocale);
    }

    @Test
    void opensOnTodayWhenSomethingIsDueAndNavigatesEverywhere(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        assertThat(window.controller().current()).isEqualTo(Section.TODAY);
        waitFor(() -> robot.lookup("#overdueList").tryQuery().isPresent());
        robot.clickOn("#nav-settings");
        assertThat(robot.lookup("#languageBox").tryQuery()).isPresent();
        robot.clickOn("#nav-import");
        assertThat(robot.lookup("#dropZone").tryQuery()).isPresent();
        robot.clickOn("#nav-campaigns");
        waitFor(() -> !robot.lookup("#campaignTable").queryAs(TableView.class).getItems().isEmpty());
    }

    @Test
    void switchingTheLanguageReloadsTheLabelsWithoutARestart(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        assertThat(robot.lookup("#nav-groups").queryLabeled().getText()).isEqualTo("Groups");
        robot.interact(() -> window.show(Section.SETTINGS));
        ComboBox<String> language = robot.lookup("#languageBox").queryAs(ComboBox.class);
        robot.interact(() -> language.setValue("zh"));
        waitFor(() -> "群管理".equals(robot.lookup("#nav-groups").queryLabeled().getText()));
        assertThat(w.prefs.get(UserPrefs.LANGUAGE)).contains("zh");
        assertThat(window.controller().current()).isEqualTo(Section.SETTINGS);
    }

    @Test
    void theDashboardFillsItsChartsAndARecommendationOpensItsGroup(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.DASHBOARD));
        DashboardController dash = window.controller().dashboard().orElseThrow();
        waitFor(() -> dash.portfolio() != null);
        // each figure is the service's number for the same day and window
        assertThat(robot.lookup("#deliveredShareLabel").queryAs(Label.class).getText())
                .isEqualTo(Math.round(expected.deliveredShare() * 100) + "%");
        assertThat(robot.lookup("#redemptionLabel").queryAs(Label.class).getText())
                .isEqualTo(Math.round(expected.funnel().redemptionRate() * 100) + "%");
        assertThat(robot.lookup("#actionsLabel").queryAs(Label.class).getText()).isEqualTo(Long.toString(
                expected.recommendations().stream().filter(h -> h.recommendation() != Recommendation.KEEP).count()));
        LineChart<String, Number> trend = robot.lookup("#trendChart").queryAs(LineChart.class);
        assertThat(trend.getData().getFirst().getData()).extracting(d -> d.getYValue().doubleValue())
                .containsExactlyElementsOf(expected.deliveredTrend().stream()
                        .map(t -> Math.round(t.share() * 1000) / 10.0).toList());
        StackedBarChart<String, Number> weeks = robot.lookup("#dimensionChart").queryAs(StackedBarChart.class);
        assertThat(weeks.getData()).hasSize(6);
        for (int d = 0; d < 6; d++) {
            var dim = com.qundesk.value.ValueDimension.values()[d];
            assertThat(weeks.getData().get(d).getData()).as(dim.name()).extracting(x -> x.getYValue().intValue())
                    .containsExactlyElementsOf(expected.valueByWeek().stream()
                            .map(v -> v.counts().getOrDefault(dim, 0)).toList());
        }
        PieChart status = robot.lookup("#statusChart").queryAs(PieChart.class);
        assertThat(status.getData().stream().mapToDouble(PieChart.Data::getPieValue).boxed().toList())
                .containsExactlyElementsOf(java.util.Arrays.stream(com.qundesk.group.GroupStatus.values())
                        .map(x -> expected.byStatus().getOrDefault(x, 0)).filter(n -> n > 0)
                        .map(Integer::doubleValue).toList());
        TableView<GroupHealth> queue = robot.lookup("#queueTable").queryAs(TableView.class);
        waitFor(() -> !queue.getItems().isEmpty());

        GroupHealth first = queue.getItems().getFirst();
        robot.interact(() -> queue.getSelectionModel().select(first));
        // the queue sits below the charts, out of the 1280x800 test screen: press the button as Enter would
        robot.interact(() -> robot.lookup("#openGroupButton").queryButton().fire());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        waitFor(() -> tabs.getSelectionModel().getSelectedIndex() == 1);
        ComboBox<GroupHealth> groupBox = robot.lookup("#groupBox").queryAs(ComboBox.class);
        waitFor(() -> groupBox.getValue() != null && groupBox.getValue().group().id().equals(first.group().id()));
        waitFor(() -> !robot.lookup("#detailRules").queryListView().getItems().isEmpty());

        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#window7").queryAs(ToggleButton.class).setSelected(true));
        waitFor(() -> dash.portfolio() != null && dash.portfolio().windowDays() == 7);

        // the stacked weeks fit their axis after the data was replaced (an animated axis kept the old range and
        // clipped the stacks at the top)
        StackedBarChart<String, Number> dims = robot.lookup("#dimensionChart").queryAs(StackedBarChart.class);
        int tallest = dash.portfolio().valueByWeek().stream()
                .mapToInt(w -> w.counts().values().stream().mapToInt(Integer::intValue).sum()).max().orElse(0);
        assertThat(tallest).isPositive();
        robot.interact(dims::layout);
        waitFor(() -> ((javafx.scene.chart.NumberAxis) dims.getYAxis()).getUpperBound() >= tallest);
    }

    @Test
    void thePortfolioShowsEverySignOfPushingOnceWithItsEvidence(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        var ctx = window.context();
        var judged = ctx.plans().judge(ctx.health().today(), 30);
        java.util.List<com.qundesk.plan.PushingSign> all = judged.values().stream()
                .flatMap(j -> j.pushingSigns().stream()).toList();
        java.util.List<com.qundesk.plan.PushingSign> sameText = all.stream()
                .filter(s -> s.kind() == com.qundesk.plan.PushingSign.Kind.SAME_TEXT_MANY_GROUPS).toList();
        long distinctSameText = sameText.stream().map(s -> s.evidence().get("day") + "|" + s.evidence().get("text"))
                .distinct().count();
        assertThat(sameText).as("the demo's plans show the SOP pattern").hasSizeGreaterThan(1);
        robot.interact(() -> window.show(Section.DASHBOARD));
        javafx.scene.layout.VBox box = robot.lookup("#planSigns #signs").queryAs(javafx.scene.layout.VBox.class);
        waitFor(() -> !box.getChildren().isEmpty());
        java.util.List<String> signs = box.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        // every sign is listed; the same text to many groups once, naming each group it went to
        assertThat(signs).hasSize((int) (all.size() - sameText.size() + distinctSameText));
        String text = (String) sameText.getFirst().evidence().get("text");
        java.util.List<String> lines = signs.stream().filter(l -> l.contains(text)).toList();
        assertThat(lines).hasSize(1);
        for (Object group : (java.util.List<?>) sameText.getFirst().evidence().get("groupNames")) {
            assertThat(lines.getFirst()).contains(group.toString());
        }
        int planned = judged.values().stream().mapToInt(com.qundesk.plan.PlanJudgement::planned).sum();
        int delivered = judged.values().stream().mapToInt(com.qundesk.plan.PlanJudgement::delivered).sum();
        String summary = robot.lookup("#planSigns #summary").queryAs(Label.class).getText();
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(java.util.Locale.getDefault());
        assertThat(summary).contains(n.format(planned)).contains(n.format(delivered));
    }

    @Test
    void valueIsLoggedFromTheKeyboard(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.DASHBOARD));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        ComboBox<com.qundesk.group.Group> group = robot.lookup("#ledgerGroupBox").queryAs(ComboBox.class);
        waitFor(() -> !group.getItems().isEmpty());
        com.qundesk.group.Group target = group.getItems().getFirst();
        robot.interact(() -> group.setValue(target));
        robot.clickOn("#titleField").write("满30减10券").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> window.context().ledger().events(target.id(), w.clock.instant().minusSeconds(60),
                w.clock.instant().plusSeconds(1)).stream().anyMatch(e -> e.title().equals("满30减10券")));
    }

}
