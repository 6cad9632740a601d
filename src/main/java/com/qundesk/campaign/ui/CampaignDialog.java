package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.DateTimeField;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Create or edit a campaign: type, name, dates, owner and goals ({@code CampaignDialog.fxml}). The dialog only
 * checks what it must to build the campaign; the service validates the rest.
 */
final class CampaignDialog {

    private final ViewContext view;
    private final Campaign existing;
    /** The operators' display names by login: the assignee is shown by name and stored by login. */
    private Map<String, String> names = Map.of();
    private DateTimeField starts;
    private DateTimeField ends;

    @FXML private ComboBox<CampaignType> campaignType;
    @FXML private TextField campaignName;
    @FXML private HBox startSlot;
    @FXML private HBox endSlot;
    @FXML private TextField ownerField;
    @FXML private ComboBox<String> assigneeBox;
    @FXML private TextField signups;
    @FXML private TextField conversions;
    @FXML private TextField issued;
    @FXML private TextField redeemed;
    @FXML private TextField gmv;
    @FXML private TextArea notes;
    @FXML private Label error;
    @FXML private ButtonType save;

    private CampaignDialog(ViewContext view, Campaign existing) {
        this.view = view;
        this.existing = existing;
    }

    /**
     * Asks for a new campaign ({@code existing} null) or the edited {@code existing} (at the version it was read);
     * empty when cancelled. {@code operators}: the assignees offered by login (any other name may be typed), shown by
     * their display name in {@code names}.
     */
    static Optional<Campaign> show(ViewContext view, Window owner, Campaign existing, List<String> operators,
                                   Map<String, String> names) {
        CampaignDialog form = new CampaignDialog(view, existing);
        DialogPane pane = (DialogPane) new ViewLoader(view.messages(), type -> form).load(CampaignDialog.class).root();
        form.names = Map.copyOf(names);
        form.assigneeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String login) {
                return login == null ? "" : form.names.getOrDefault(login, login);
            }

            @Override
            public String fromString(String text) {
                return form.login(text);
            }
        });
        form.assigneeBox.getItems().setAll(operators);
        form.assigneeBox.setValue(existing == null ? null : existing.assignee());
        return form.show(pane, owner);
    }

    @FXML
    private void initialize() {
        Messages m = view.messages();
        Instant start = existing != null ? existing.startsAt()
                : view.clock().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Instant end = existing != null ? existing.endsAt() : start.plus(Duration.ofHours(2));
        campaignType.getItems().setAll(CampaignType.values());
        campaignType.setConverter(new StringConverter<>() {
            @Override
            public String toString(CampaignType t) {
                return t == null ? "" : m.get(t.messageKey());
            }

            @Override
            public CampaignType fromString(String s) {
                return null;
            }
        });
        campaignType.setValue(existing != null ? existing.type() : CampaignType.NIGHT_TALK);
        campaignName.setText(existing != null ? existing.name() : "");
        starts = new DateTimeField(view.formats().zone(), start, m);
        starts.setId("campaignStart");
        startSlot.getChildren().add(starts);
        ends = new DateTimeField(view.formats().zone(), end, m);
        ends.setId("campaignEnd");
        endSlot.getChildren().add(ends);
        ownerField.setText(existing != null && existing.owner() != null ? existing.owner() : "");
        Campaign.Goals g = existing != null ? existing.goals() : Campaign.Goals.NONE;
        signups.setText(text(g.signups()));
        conversions.setText(text(g.conversions()));
        issued.setText(text(g.couponsIssued()));
        redeemed.setText(text(g.couponsRedeemed()));
        gmv.setText(text(g.gmvYuan()));
        notes.setText(existing != null && existing.notes() != null ? existing.notes() : "");
    }

    private Optional<Campaign> show(DialogPane pane, Window owner) {
        Messages m = view.messages();
        Dialog<Campaign> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(pane);
        d.setTitle(m.get(existing == null ? "campaign.dialog.newTitle" : "campaign.dialog.editTitle"));
        pane.lookupButton(save).disableProperty().bind(campaignName.textProperty().isEmpty());
        pane.lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            if (starts.value() == null || ends.value() == null) {
                error.setText(m.get("campaign.dialog.badTime"));
                e.consume();
            } else if (ends.value().isBefore(starts.value())) {
                error.setText(m.get("validation.campaign.endBeforeStart"));
                e.consume();
            } else if (parse(signups) == Integer.MIN_VALUE || parse(conversions) == Integer.MIN_VALUE
                    || parse(issued) == Integer.MIN_VALUE || parse(redeemed) == Integer.MIN_VALUE
                    || parse(gmv) == Integer.MIN_VALUE) {
                error.setText(m.get("campaign.dialog.badNumber"));
                e.consume();
            }
        });
        d.setResultConverter(b -> b == save ? campaign() : null);
        return d.showAndWait();
    }

    /** The campaign as the form holds it, keeping what the form does not show of {@code existing}. */
    private Campaign campaign() {
        Campaign.Goals goals = new Campaign.Goals(opt(signups), opt(conversions), opt(issued), opt(redeemed),
                opt(gmv));
        return new Campaign(existing == null ? null : existing.id(), campaignType.getValue(), campaignName.getText(),
                starts.value(), ends.value(), ownerField.getText(), goals,
                existing == null ? null : existing.cancelledAt(), existing == null ? null : existing.cancelReason(),
                existing == null ? null : existing.outcomeSummary(), notes.getText(),
                existing == null ? null : existing.createdAt(), null)
                .withAssignee(login(assigneeBox.getEditor().getText()), existing == null ? 0 : existing.version());
    }

    /** The login of the operator shown as {@code text} (a display name or a login); other text as typed. */
    private String login(String text) {
        String t = text == null ? "" : text.strip();
        return names.entrySet().stream().filter(e -> e.getValue().equals(t)).map(Map.Entry::getKey).findFirst()
                .orElse(t);
    }

    private static String text(Integer v) {
        return v == null ? "" : v.toString();
    }

    /** The number, 0 when empty, MIN_VALUE when not a whole number ≥ 0. */
    private static int parse(TextField f) {
        String t = f.getText().strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int v = Integer.parseInt(t);
            return v < 0 ? Integer.MIN_VALUE : v;
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    private static Integer opt(TextField f) {
        String t = f.getText().strip();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }
}
