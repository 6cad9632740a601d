package com.qundesk.plan.ui;

import com.qundesk.i18n.Messages;
import com.qundesk.plan.InviteService;
import com.qundesk.plan.InviteWarning;
import com.qundesk.plan.PlanService;
import com.qundesk.plan.PlannedDelivery;
import com.qundesk.ui.StagedCards;
import com.qundesk.ui.ViewContext;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Predicate;

/**
 * Today's value deliveries, beside the dissolutions: overdue first, then what is due now and later today, each
 * with its text filled for the group (copy in one click), "delivered" (an editable value event) and "skip"
 * (with a reason that is kept).
 */
public final class DeliveriesController {

    /**
     * Cards drawn before "show the other N", as Today's flash sections: a big workspace has hundreds of open
     * deliveries (a month of overdue ones), and each card's first CSS pass and layout held Today for seconds at start
     * (issue 17). {@code -Dqundesk.firstDeliveries=N} draws N instead (to compare, docs/performance.md "Cold start").
     */
    public static final int FIRST_CARDS = Integer.getInteger("qundesk.firstDeliveries", 20);

    private final ViewContext view;
    private final PlanService plans;
    private final InviteService invites;
    /** Which groups' deliveries are listed (Today's "Mine" leaves others' out); every group's by default. */
    private Predicate<Long> listed = id -> true;
    private TodayDeliveries last;
    /** What was read while the workspace opened, shown by the first drawing instead of reading it again (or null). */
    private TodayDeliveries first;
    /** Builds the cards: a few at once, the rest over the next pulses — Today's own, so they come after its cards. */
    private StagedCards staged = new StagedCards();
    /** The operator asked for every card with "show the other N". */
    private boolean expanded;

    @FXML private Label heading;
    @FXML private VBox deliveryList;
    @FXML private Label inviteHeading;
    @FXML private VBox inviteList;

    /** {@code first}: the section's content read while the workspace opened (or null: read it now). */
    public DeliveriesController(ViewContext view, PlanService plans, InviteService invites, TodayDeliveries first) {
        this.view = view;
        this.plans = plans;
        this.invites = invites;
        this.first = first;
    }

    @FXML
    private void initialize() {
        if (first == null) {
            refresh();
        } // else the page around this section draws it after its own cards: showFirst
    }

    /** The page around this section builds its cards with {@code cards}, in the page's order. */
    public void drawWith(StagedCards cards) {
        staged = cards;
    }

    /** Draws what was read while the workspace opened (handed to the constructor; without it, it reads itself). */
    public void showFirst() {
        if (first != null) {
            show(first);
            first = null;
        }
    }

    /** Reads the open deliveries up to the end of today off the FX thread. */
    public void refresh() {
        view.tasks().run(() -> TodayDeliveries.read(plans, invites, view.clock().instant(), view.formats().zone()),
                this::show);
    }

    /** Lists only the deliveries of the groups {@code groupShown} accepts, from now on (and at once). */
    public void showOnly(Predicate<Long> groupShown) {
        listed = groupShown;
        if (last != null) {
            show(last);
        }
    }

    private void show(TodayDeliveries board) {
        last = board;
        showInvites(board.invites());
        List<PlannedDelivery> due = board.due().stream().filter(d -> listed.test(d.item().groupId())).toList();
        Messages m = view.messages();
        long overdue = due.stream().filter(d -> d.state() == PlannedDelivery.State.OVERDUE).count();
        heading.setText(m.get("plan.today.section") + " · " + m.get("plan.today.counts", due.size(), overdue));
        deliveryList.getChildren().clear();
        staged.clear(deliveryList);
        if (due.isEmpty()) {
            Label empty = new Label(m.get("plan.today.empty"));
            empty.getStyleClass().add("text-muted");
            deliveryList.getChildren().add(empty);
            return;
        }
        int shown = expanded ? due.size() : Math.min(due.size(), FIRST_CARDS);
        for (PlannedDelivery d : due.subList(0, shown)) {
            staged.add(deliveryList, () -> card(d));
        }
        if (shown < due.size()) {
            Hyperlink more = new Hyperlink(m.get("today.showAll", due.size() - shown, due.size()));
            more.setId("deliveries-more");
            more.setOnAction(e -> {
                expanded = true; // stays expanded when the board reloads
                show(last); // the board now shown (this link may be from a drawing since replaced), all of it
            });
            staged.add(deliveryList, () -> more);
        }
    }

    private Node card(PlannedDelivery d) {
        Messages m = view.messages();
        String key = d.item().id() + "-" + d.occurrence().toEpochMilli();
        Label group = new Label(d.groupName());
        group.getStyleClass().add("today-card-title");
        Label what = new Label(m.get(d.item().dimension().messageKey()) + " · " + d.item().title());
        what.getStyleClass().add("text-muted");
        // the name, the item and its text wrap in a narrow window; the time and the buttons keep their words
        group.setWrapText(true);
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(2, group, what);
        left.setMinWidth(160);
        if (d.text() != null) {
            Label text = new Label(d.text());
            text.setWrapText(true);
            text.setMaxWidth(520);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.setId("delivery-text-" + key);
            text.getStyleClass().add("delivery-text");
            left.getChildren().add(text);
        }
        HBox.setHgrow(left, Priority.ALWAYS);

        Label when = new Label(view.formats().dateTime(d.occurrence()));
        Label state = new Label(m.get(d.state().messageKey()));
        if (d.state() == PlannedDelivery.State.OVERDUE) {
            state.getStyleClass().add("late");
        }
        state.getStyleClass().add("today-countdown");
        VBox middle = new VBox(2, when, state);
        middle.setMinWidth(Region.USE_PREF_SIZE);

        Button copy = new Button(m.get("plan.today.copy"));
        copy.setId("delivery-copy-" + key);
        copy.setDisable(d.text() == null);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(d.text());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(m.get("plan.today.copied"));
        });
        Button delivered = new Button(m.get("plan.today.delivered"));
        delivered.setId("delivery-done-" + key);
        delivered.getStyleClass().add("accent");
        delivered.setOnAction(e -> DeliveryDialogs.deliver(view, delivered.getScene().getWindow(), d)
                .ifPresent(edit -> view.tasks().run(() -> plans.deliver(d.item().id(), d.occurrence(), edit),
                        saved -> { /* Today reloads on the workspace change signal */ }, delivered)));
        Button skip = new Button(m.get("plan.today.skip"));
        skip.setId("delivery-skip-" + key);
        skip.setOnAction(e -> DeliveryDialogs.skipReason(view, skip.getScene().getWindow(), d)
                .ifPresent(reason -> view.tasks().run(() -> plans.skip(d.item().id(), d.occurrence(), reason),
                        saved -> { /* likewise */ }, skip)));
        Hyperlink inGroups = new Hyperlink(m.get("today.showInGroups"));
        inGroups.setOnAction(e -> view.navigator().showGroup(d.item().groupId()));

        for (Region r : List.of(when, state, copy, delivered, skip, inGroups)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox card = new HBox(12, left, middle, copy, delivered, skip, inGroups);
        card.getStyleClass().addAll("today-card", switch (d.state()) {
            case OVERDUE -> "today-card-overdue";
            case DUE -> "today-card-now";
            default -> "today-card-soon";
        });
        card.setId("delivery-" + key);
        return card;
    }

    private void showInvites(List<InviteWarning> warnings) {
        Messages m = view.messages();
        inviteHeading.setVisible(!warnings.isEmpty());
        inviteHeading.setManaged(!warnings.isEmpty());
        inviteList.getChildren().clear();
        for (InviteWarning w : warnings) {
            Label name = new Label(w.groupName());
            name.getStyleClass().add("today-card-title");
            Label what = new Label(m.get(w.kind().messageKey(), w.expiresAt() == null ? ""
                    : view.formats().dateTime(w.expiresAt()), w.members()));
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            name.setWrapText(true);
            VBox left = new VBox(2, name, what);
            left.setMinWidth(160);
            HBox.setHgrow(left, Priority.ALWAYS);
            Button refreshed = new Button(m.get(w.kind() == InviteWarning.Kind.FULL_FOR_QR ? "invite.today.invitesOnly"
                    : "invite.today.refreshed"));
            refreshed.setId("invite-" + w.groupId());
            refreshed.setMinWidth(Region.USE_PREF_SIZE);
            refreshed.setOnAction(e -> view.tasks().run(() -> w.kind() == InviteWarning.Kind.FULL_FOR_QR
                    ? invites.record(w.groupId(), null, false, null)
                    : invites.refreshedNow(w.groupId()), saved -> refresh(), refreshed));
            HBox card = new HBox(12, left, refreshed);
            card.getStyleClass().addAll("today-card",
                    w.kind() == InviteWarning.Kind.EXPIRES_SOON ? "today-card-now" : "today-card-overdue");
            card.setId("invite-card-" + w.groupId());
            inviteList.getChildren().add(card);
        }
    }
}
