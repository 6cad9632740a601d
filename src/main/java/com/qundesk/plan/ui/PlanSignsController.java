package com.qundesk.plan.ui;

import com.qundesk.group.Group;
import com.qundesk.group.GroupService;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.PlanJudgement;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PushingSign;
import com.qundesk.ui.ViewContext;
import com.qundesk.value.HealthService;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's portfolio view of the value plans: how much was planned, delivered and skipped across the groups
 * in the window, and every sign of mechanical pushing with its evidence — the same text to many groups shown once
 * with the groups it went to, the other signs per group.
 */
public final class PlanSignsController {

    private final ViewContext view;
    private final PlanService plans;
    private final GroupService groups;
    private final HealthService health;

    @FXML private Label summary;
    @FXML private VBox signs;

    public PlanSignsController(ViewContext view, PlanService plans, GroupService groups, HealthService health) {
        this.view = view;
        this.plans = plans;
        this.groups = groups;
        this.health = health;
    }

    private record Data(int windowDays, Map<Long, PlanJudgement> judged, Map<Long, String> names) {
    }

    /** Judges every group's plan over the {@code windowDays} ending today, off the FX thread. */
    public void show(int windowDays) {
        view.tasks().run(() -> {
            LocalDate today = health.today();
            Map<Long, String> names = groups.list().stream().collect(Collectors.toMap(Group::id, Group::name,
                    (a, b) -> a));
            return new Data(windowDays, plans.judge(today, windowDays), names);
        }, this::show);
    }

    private void show(Data d) {
        Messages m = view.messages();
        int withPlan = 0;
        int planned = 0;
        int delivered = 0;
        int skipped = 0;
        int pushing = 0;
        for (PlanJudgement j : d.judged().values()) {
            if (j.hasPlan() || j.planned() > 0) {
                withPlan++;
            }
            planned += j.planned();
            delivered += j.delivered();
            skipped += j.skipped();
            if (!j.pushingSigns().isEmpty()) {
                pushing++;
            }
        }
        summary.setText(m.get("dashboard.signs.summary", d.windowDays(), withPlan, planned, delivered, skipped,
                pushing));
        List<String> lines = lines(m, d.judged(), id -> d.names().getOrDefault(id, "#" + id));
        // labels that wrap, not list cells: a sign's evidence (a text and the groups it went to) is read whole
        signs.getChildren().setAll((lines.isEmpty() ? List.of(m.get("dashboard.signs.none")) : lines).stream()
                .map(line -> {
                    Label l = new Label(line);
                    l.setWrapText(true);
                    l.getStyleClass().add("plan-sign");
                    return l;
                }).toList());
    }

    /** One line per sign; the same text sent to many groups on one day is one line naming those groups. */
    static List<String> lines(Messages m, Map<Long, PlanJudgement> judged, Function<Long, String> name) {
        Map<String, String> sameText = new LinkedHashMap<>();
        List<String> perGroup = new ArrayList<>();
        judged.values().stream()
                .sorted((a, b) -> name.apply(a.groupId()).compareTo(name.apply(b.groupId())))
                .forEach(j -> {
                    for (PushingSign s : j.pushingSigns()) {
                        String text = GroupPlanController.describe(m, s);
                        if (s.kind() == PushingSign.Kind.SAME_TEXT_MANY_GROUPS) {
                            Object names = s.evidence().get("groupNames");
                            String to = names instanceof List<?> l
                                    ? l.stream().map(String::valueOf).collect(Collectors.joining(
                                    GroupPlanController.separator(m)))
                                    : name.apply(j.groupId());
                            sameText.putIfAbsent(text, m.get("dashboard.signs.sameText", text, to));
                        } else {
                            perGroup.add(m.get("dashboard.signs.row", name.apply(j.groupId()), text));
                        }
                    }
                });
        List<String> out = new ArrayList<>(sameText.values());
        out.addAll(perGroup);
        return out;
    }
}
