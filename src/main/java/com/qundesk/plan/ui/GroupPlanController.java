package com.qundesk.plan.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanItem;
import com.qundesk.plan.PlanJudgement;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PushingSign;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.HealthService;
import com.qundesk.value.ValueDimension;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A group's value plan in its detail: planned vs delivered vs skipped in the window, the dimensions the plan never
 * covers, the signs of mechanical pushing with their evidence, the items, "add an item" and the plan templates.
 */
public final class GroupPlanController {

    private record Data(PlanJudgement judgement, List<PlanItem> items) {
    }

    private final ViewContext view;
    private final PlanService plans;
    private final HealthService health;
    private final PlanTemplatesDialog templates;
    private Long groupId;
    private int window = 30;

    @FXML private Label summary;
    @FXML private Label neverPlanned;
    @FXML private ListView<String> signs;
    @FXML private ListView<String> items;
    @FXML private Button addButton;
    @FXML private Button templatesButton;

    public GroupPlanController(ViewContext view, PlanService plans, HealthService health,
                               PlanTemplatesDialog templates) {
        this.view = view;
        this.plans = plans;
        this.health = health;
        this.templates = templates;
    }

    @FXML
    private void initialize() {
        addButton.setDisable(true);
        signs.setPlaceholder(new Label(view.messages().get("plan.group.noSigns")));
        items.setPlaceholder(new Label(view.messages().get("plan.group.noItems")));
    }

    /** Shows the plan of {@code id}, judged over the {@code windowDays} ending today. */
    public void show(long id, int windowDays) {
        groupId = id;
        window = windowDays;
        addButton.setDisable(false);
        LocalDate today = health.today();
        view.tasks().run(() -> new Data(plans.judgeGroup(id, today, windowDays), plans.list(id)),
                this::show);
    }

    private void show(Data d) {
        Messages m = view.messages();
        PlanJudgement j = d.judgement();
        summary.setText(m.get("plan.group.summary", window, j.planned(), j.delivered(), j.skipped()));
        neverPlanned.setText(j.dimensionsNeverPlanned().isEmpty() ? m.get("plan.group.allDimensions")
                : m.get("plan.group.neverPlanned", j.dimensionsNeverPlanned().stream()
                .map(dim -> m.get(dim.messageKey())).collect(Collectors.joining(separator(m)))));
        signs.getItems().setAll(j.pushingSigns().stream().map(s -> describe(m, s)).toList());
        items.getItems().setAll(d.items().stream().filter(PlanItem::active).map(i -> m.get("plan.group.item",
                m.get(i.dimension().messageKey()), i.title(),
                i.rrule() == null ? view.formats().dateTime(i.startAt()) : RhythmText.describe(m, i.rrule()) + " · "
                        + view.formats().dateTime(i.startAt()))).toList());
    }

    /** A sign in words, with its evidence. */
    static String describe(Messages m, PushingSign s) {
        Map<String, Object> e = s.evidence();
        return switch (s.kind()) {
            case SAME_TEXT_MANY_GROUPS -> m.get(s.kind().messageKey(), e.get("day"), e.get("groups"), e.get("text"));
            case MORE_THAN_THREE_A_DAY -> m.get(s.kind().messageKey(), e.get("day"), e.get("deliveries"),
                    String.join(separator(m), (List<String>) e.get("titles")), e.get("days"));
            case ONE_DIMENSION -> m.get(s.kind().messageKey(),
                    m.get(ValueDimension.fromToken((String) e.get("dimension")).messageKey()), e.get("planned"));
        };
    }

    /** The list separator of the operator's language: 、 in Chinese, a comma in English. */
    static String separator(Messages m) {
        return "zh".equals(m.locale().getLanguage()) ? "、" : ", ";
    }

    /** The plan templates, which give many groups one plan; this group's plan is shown again after an apply. */
    @FXML
    private void onTemplates() {
        templates.show(templatesButton.getScene().getWindow(), () -> {
            if (groupId != null) {
                show(groupId, window);
            }
        });
    }

    @FXML
    private void onAdd() {
        if (groupId == null) {
            return;
        }
        long id = groupId;
        PlanItemDialog.show(view, addButton.getScene().getWindow(), id).ifPresent(request ->
                view.tasks().run(() -> plans.add(request), added -> {
                    show(id, window); // Today follows the workspace's change signal by itself
                }, addButton));
    }
}
