package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignType;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.DateTimeField;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.FormGrid;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Create or edit a campaign: type, name, dates, owner and goals. Validation happens in the service. */
final class CampaignDialog {

    private CampaignDialog() {
    }

    static Optional<Campaign> show(ViewContext view, Window owner, Campaign existing) {
        Messages m = view.messages();
        Dialog<Campaign> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get(existing == null ? "campaign.dialog.newTitle" : "campaign.dialog.editTitle"));
        d.setHeaderText(m.get("campaign.dialog.header"));
        Instant start = existing != null ? existing.startsAt()
                : view.clock().instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Instant end = existing != null ? existing.endsAt() : start.plus(Duration.ofHours(2));

        ComboBox<CampaignType> type = new ComboBox<>();
        type.setId("campaignType");
        type.getItems().setAll(CampaignType.values());
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(CampaignType t) {
                return t == null ? "" : m.get(t.messageKey());
            }

            @Override
            public CampaignType fromString(String s) {
                return null;
            }
        });
        type.setValue(existing != null ? existing.type() : CampaignType.NIGHT_TALK);
        TextField name = new TextField(existing != null ? existing.name() : "");
        name.setId("campaignName");
        name.setPromptText(m.get("campaign.dialog.namePrompt"));
        DateTimeField starts = new DateTimeField(view.formats().zone(), start, view.messages());
        starts.setId("campaignStart");
        DateTimeField ends = new DateTimeField(view.formats().zone(), end, view.messages());
        ends.setId("campaignEnd");
        TextField ownerField = new TextField(existing != null && existing.owner() != null ? existing.owner() : "");
        Campaign.Goals g = existing != null ? existing.goals() : Campaign.Goals.NONE;
        TextField signups = number(g.signups());
        TextField conversions = number(g.conversions());
        TextField issued = number(g.couponsIssued());
        TextField redeemed = number(g.couponsRedeemed());
        TextField gmv = number(g.gmvYuan());
        TextArea notes = new TextArea(existing != null && existing.notes() != null ? existing.notes() : "");
        notes.setPrefRowCount(2);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        GridPane grid = FormGrid.create(10, 8);
        int r = 0;
        grid.addRow(r++, new Label(m.get("campaign.field.type")), type);
        grid.addRow(r++, new Label(m.get("campaign.field.name")), name);
        grid.addRow(r++, new Label(m.get("campaign.field.start")), starts);
        grid.addRow(r++, new Label(m.get("campaign.field.end")), ends);
        grid.addRow(r++, new Label(m.get("campaign.field.owner")), ownerField);
        grid.addRow(r++, new Label(m.get("campaign.goal.signups")), signups);
        grid.addRow(r++, new Label(m.get("campaign.goal.conversions")), conversions);
        grid.addRow(r++, new Label(m.get("campaign.goal.couponsIssued")), issued);
        grid.addRow(r++, new Label(m.get("campaign.goal.couponsRedeemed")), redeemed);
        grid.addRow(r++, new Label(m.get("campaign.goal.gmv")), gmv);
        grid.addRow(r++, new Label(m.get("campaign.field.notes")), notes);
        grid.add(error, 0, r, 2, 1);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(m.get("campaign.dialog.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(name.textProperty().isEmpty());
        d.getDialogPane().lookupButton(ok).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
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
        d.setResultConverter(b -> {
            if (b != ok) {
                return null;
            }
            Campaign.Goals goals = new Campaign.Goals(opt(signups), opt(conversions), opt(issued), opt(redeemed),
                    opt(gmv));
            return new Campaign(existing == null ? null : existing.id(), type.getValue(), name.getText(),
                    starts.value(), ends.value(), ownerField.getText(), goals,
                    existing == null ? null : existing.cancelledAt(), existing == null ? null : existing.cancelReason(),
                    existing == null ? null : existing.outcomeSummary(), notes.getText(),
                    existing == null ? null : existing.createdAt(), null);
        });
        return d.showAndWait();
    }

    private static TextField number(Integer v) {
        TextField f = new TextField(v == null ? "" : v.toString());
        f.setPrefColumnCount(8);
        return f;
    }

    /** The number, null when empty, MIN_VALUE when not a whole number ≥ 0. */
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
