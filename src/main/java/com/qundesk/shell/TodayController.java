package com.qundesk.shell;

import com.qundesk.core.UserPrefs;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.TodayBoard;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.ui.FlashDialogs;
import com.qundesk.group.OperatorService;
import com.qundesk.ui.ViewContext;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.Countdown;
import com.qundesk.ui.StagedCards;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Today: what is due — overdue dissolutions first (red), then what is due now and in the next 24 hours,
 * groups to open, and every open flash group with a live countdown. One click opens the checklist.
 *
 * <p>Where anything is assigned (always in a team workspace) a "Mine | All" switch chooses between my items (assigned
 * to me or to nobody) and everybody's, mine first either way; the choice is kept in the user's preferences for every
 * workspace ({@link #PREF_SHOWS}). On a file where nothing is assigned the switch stays hidden.
 */
public final class TodayController {

    private record Tick(Label label, Instant target) {
    }

    /**
     * Cards drawn per section before "show all": a big agency has a hundred flash groups open at once, and
     * drawing every card (and its first CSS pass) at start kept the start view from appearing for seconds.
     */
    static final int FIRST_CARDS = 20;

    /** The user's preference (for all workspaces): "mine" (the default) or "all". */
    static final String PREF_SHOWS = "todayShows";

    private record Loaded(TodayBoard board, TodayStart.Owners owners) {
    }

    private final ViewContext ui;
    private final FlashService flash;
    private final FlashDialogs flashDialogs;
    private final String operator;
    private final OperatorService operators;
    private final UserPrefs prefs;
    private final boolean local;
    /** The whole board last read, and whose its items are. */
    private TodayBoard full;
    private TodayStart.Owners owners = TodayStart.Owners.UNKNOWN;
    /** The assignees the deliveries were last filtered by (empty: every group's deliveries listed). */
    private Map<Long, String> deliveriesShownFor = Map.of();
    private final List<Tick> ticks = new ArrayList<>();
    /** The page's cards: the first ones at once, the rest over the next pulses (shared with the deliveries). */
    private final StagedCards staged = new StagedCards();
    private Timeline clockTimeline;
    private TodayStart first;
    /** The sections the operator expanded with "show the other N": they stay expanded when the board reloads. */
    private final Set<String> expanded = new HashSet<>();

    @FXML private Label dateLabel;
    @FXML private Label overdueCount;
    @FXML private Label dueCount;
    @FXML private Label openCount;
    @FXML private Label toOpenCount;
    @FXML private VBox overdueList;
    @FXML private VBox dueNowList;
    @FXML private VBox dueSoonList;
    @FXML private VBox toOpenList;
    @FXML private VBox openList;
    @FXML private Button refreshButton;
    @FXML private HBox scopeBox;
    @FXML private ToggleGroup scopeGroup;
    @FXML private ToggleButton mineButton;
    @FXML private ToggleButton allButton;
    @FXML private Hyperlink othersLink;
    /** The value plan's deliveries due today, beside the dissolutions. */
    @FXML private com.qundesk.plan.ui.DeliveriesController deliveriesController;

    /**
     * {@code first}: what Today shows, already read while the workspace opened, shown without reading it again (or
     * null: read it now).
     * {@code operator}: who runs this copy (whose items are "mine"); {@code local}: the workspace is a file.
     */
    public TodayController(ViewContext ui, FlashService flash, FlashDialogs flashDialogs, TodayStart first,
                           String operator, OperatorService operators, UserPrefs prefs, boolean local) {
        this.ui = ui;
        this.flash = flash;
        this.flashDialogs = flashDialogs;
        this.first = first;
        this.operator = operator;
        this.operators = operators;
        this.prefs = prefs;
        this.local = local;
    }

    @FXML
    private void initialize() {
        // only while Today is on screen: each tick formats every countdown (a MessageFormat each), for nobody when
        // another view is shown; coming back to Today refreshes the board and its countdowns
        clockTimeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (dateLabel.getScene() != null) {
                updateCountdowns();
            }
        }));
        clockTimeline.setCycleCount(Animation.INDEFINITE);
        clockTimeline.play();
        (prefs.get(PREF_SHOWS, "mine").equals("all") ? allButton : mineButton).setSelected(true);
        scopeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two stays chosen
                return;
            }
            prefs.put(PREF_SHOWS, now == allButton ? "all" : "mine");
            if (full != null) {
                show(full);
            }
        });
        othersLink.setOnAction(e -> allButton.setSelected(true));
        if (deliveriesController != null) {
            deliveriesController.drawWith(staged); // below the flash sections: its cards come after theirs
        }
        if (first != null) {
            owners = first.owners();
            show(first.board()); // drawn once, complete, then its deliveries from the same read
            if (deliveriesController != null) {
                deliveriesController.showFirst();
            }
            first = null;
        } else {
            refresh();
        }
    }

    private boolean mineOnly() {
        return owners.showSwitch() && !allButton.isSelected();
    }

    /** Reloads the board off the FX thread. */
    @FXML
    public void refresh() {
        ui.tasks().run(() -> new Loaded(TodayBoard.of(flash.list(), ui.clock().instant()),
                TodayStart.Owners.read(operators, local)), loaded -> {
            owners = loaded.owners();
            show(loaded.board());
        }, refreshButton);
        if (deliveriesController != null) {
            deliveriesController.refresh();
        }
    }

    public void stop() {
        clockTimeline.stop();
    }

    private void show(TodayBoard whole) {
        full = whole;
        staged.begin();
        TodayBoard all = whole.forOperator(operator, false);
        TodayBoard board = whole.forOperator(operator, mineOnly());
        scopeBox.setVisible(owners.showSwitch());
        scopeBox.setManaged(owners.showSwitch());
        othersLink.setVisible(board.othersHidden() > 0);
        othersLink.setManaged(board.othersHidden() > 0);
        othersLink.setText(ui.messages().get("today.othersHidden", board.othersHidden()));
        boolean mine = mineOnly();
        Map<Long, String> ofGroups = mine ? owners.ofGroups() : Map.of();
        // the deliveries are drawn again only when whose they are changes (each drawing rebuilds their cards)
        if (deliveriesController != null && !ofGroups.equals(deliveriesShownFor)) {
            deliveriesShownFor = ofGroups;
            deliveriesController.showOnly(id -> !ofGroups.containsKey(id) || ofGroups.get(id).equals(operator));
        }
        Messages m = ui.messages();
        ticks.clear();
        dateLabel.setText(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(m.locale())
                .format(board.at().atZone(ui.formats().zone())));
        overdueCount.setText(Integer.toString(board.overdue().size()));
        dueCount.setText(Integer.toString(board.dueNow().size() + board.dueSoon().size()));
        openCount.setText(Integer.toString(board.open().size()));
        toOpenCount.setText(Integer.toString(board.toOpen().size()));
        fill(overdueList, board.overdue(), all.overdue().size(), "today-card-overdue", true, "today.empty.overdue");
        fill(dueNowList, board.dueNow(), all.dueNow().size(), "today-card-now", true, "today.empty.dueNow");
        fill(dueSoonList, board.dueSoon(), all.dueSoon().size(), "today-card-soon", true, "today.empty.dueSoon");
        fill(toOpenList, board.toOpen(), all.toOpen().size(), "today-card-planned", false, "today.empty.toOpen");
        fill(openList, board.open(), all.open().size(), "today-card-open", true, "today.empty.open");
    }

    /** {@code everybodys}: how many items the section holds for everybody (more than shown when mine only). */
    private void fill(VBox list, List<FlashGroup> groups, int everybodys, String style, boolean byDue,
                      String emptyKey) {
        list.getChildren().clear();
        staged.clear(list);
        if (groups.isEmpty() && everybodys > 0) {
            Hyperlink others = new Hyperlink(ui.messages().get("today.empty.mineOnly", everybodys));
            others.getStyleClass().add("text-muted");
            others.setOnAction(e -> allButton.setSelected(true));
            list.getChildren().add(others);
            return;
        }
        if (groups.isEmpty()) {
            Label empty = new Label(ui.messages().get(emptyKey));
            empty.getStyleClass().add("text-muted");
            list.getChildren().add(empty);
            return;
        }
        int shown = expanded.contains(list.getId()) ? groups.size() : Math.min(groups.size(), FIRST_CARDS);
        for (int i = 0; i < shown; i++) {
            FlashGroup f = groups.get(i);
            staged.add(list, () -> card(f, style, byDue));
        }
        if (shown < groups.size()) {
            Hyperlink more = new Hyperlink(ui.messages().get("today.showAll", groups.size() - shown, groups.size()));
            more.getStyleClass().add("today-more");
            more.setId(list.getId() + "-more");
            // drawn again from the board now shown (this link may be from a drawing since replaced), all of it
            more.setOnAction(e -> {
                expanded.add(list.getId());
                show(full);
            });
            staged.add(list, () -> more);
        }
    }

    private Node card(FlashGroup f, String style, boolean byDue) {
        Messages m = ui.messages();
        Label name = new Label(f.group().name());
        name.getStyleClass().add("today-card-title");
        boolean showCampaign = f.campaignName() != null && !f.campaignName().equals(f.group().name());
        String sub = (showCampaign ? f.campaignName() + " · " : "")
                + m.get(f.lifecycle().preset().messageKey()) + " · " + f.group().memberCount() + " "
                + m.get("today.members")
                + (f.lifecycle().state() == com.qundesk.flash.FlashState.EXTENDED
                ? " · " + m.get(f.lifecycle().state().messageKey()) + ": " + f.lifecycle().endReason() : "")
                + (f.assignee() != null && !f.assignee().equals(operator)
                ? " · " + m.get("today.assignedTo", owners.names().getOrDefault(f.assignee(), f.assignee())) : "");
        Label subtitle = new Label(sub);
        subtitle.getStyleClass().add("text-muted");
        // the name and the line under it wrap in a narrow window; the date and the buttons keep their words
        name.setWrapText(true);
        subtitle.setWrapText(true);
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(2, name, subtitle);
        left.setMinWidth(160);
        HBox.setHgrow(left, Priority.ALWAYS);

        Instant target = byDue ? f.lifecycle().dueAt() : f.lifecycle().opensAt();
        Label when = new Label(m.get(byDue ? "today.dueAt" : "today.opensAt", ui.formats().dateTime(target)));
        Label countdown = new Label();
        countdown.getStyleClass().add("today-countdown");
        Tick tick = new Tick(countdown, target);
        ticks.add(tick);
        tick(tick, ui.clock().instant());
        VBox middle = new VBox(2, when, countdown);
        middle.setMinWidth(Region.USE_PREF_SIZE);

        Label progress = new Label(m.get("today.checklistProgress", f.lifecycle().done().size(), 5));
        progress.getStyleClass().add("text-muted");
        Button checklist = new Button(m.get("today.openChecklist"));
        checklist.setId("checklist-" + f.group().id());
        checklist.setOnAction(e -> flashDialogs.checklist(checklist.getScene().getWindow(), f, this::refresh));
        Hyperlink inGroups = new Hyperlink(m.get("today.showInGroups"));
        inGroups.setOnAction(e -> ui.navigator().showGroup(f.group().id()));

        for (Region r : List.of(when, countdown, progress, checklist, inGroups)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox card = new HBox(16, left, middle, progress, checklist, inGroups);
        card.getStyleClass().addAll("today-card", style);
        card.setId("today-" + f.group().id());
        return card;
    }

    private void updateCountdowns() {
        Instant now = ui.clock().instant();
        for (Tick t : ticks) {
            tick(t, now);
        }
    }

    private void tick(Tick t, Instant now) {
        t.label.setText(Countdown.format(ui.messages(), now, t.target));
        boolean late = t.target.isBefore(now);
        if (late && !t.label.getStyleClass().contains("late")) {
            t.label.getStyleClass().add("late");
        }
    }

    /** Cards of this page not built yet: 0 once the page is complete (tests, the start-up probe). */
    public int cardsToCome() {
        return staged.pending();
    }
}
