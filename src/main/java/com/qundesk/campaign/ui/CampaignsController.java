package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.campaign.CampaignConflictException;
import com.qundesk.campaign.CampaignService;
import com.qundesk.flash.FlashGroup;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.ui.FlashDialogs;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.HistoryLine;
import com.qundesk.ui.MergeDialog;
import com.qundesk.ui.ViewContext;
import com.qundesk.template.Template;
import com.qundesk.template.TemplateService;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns and their flash groups: list, detail with lifecycle states, the wizard, cancel and outcome. */
public final class CampaignsController {

    /** What one refresh loads off the FX thread. */
    private record Snapshot(List<Campaign> campaigns, Map<Long, List<FlashGroup>> groupsByCampaign,
                            List<FlashGroup> withoutCampaign, List<Template> templates, Instant now,
                            Map<String, String> names) {
    }

    /** How many of a campaign's latest changes its detail shows. */
    private static final int HISTORY_LINES = 4;

    private final ViewContext view;
    private final CampaignService campaigns;
    private final FlashService flash;
    private final TemplateService templates;
    private final FlashDialogs flashDialogs;
    private Snapshot snapshot;

    @FXML private TableView<Campaign> campaignTable;
    @FXML private TableColumn<Campaign, String> nameColumn;
    @FXML private TableColumn<Campaign, String> typeColumn;
    @FXML private TableColumn<Campaign, String> startColumn;
    @FXML private TableColumn<Campaign, String> endColumn;
    @FXML private TableColumn<Campaign, String> statusColumn;
    @FXML private TableColumn<Campaign, Number> groupsColumn;
    @FXML private Label detailTitle;
    @FXML private Label detailInfo;
    @FXML private Label detailGoals;
    @FXML private Label detailHistory;
    @FXML private TextArea outcomeArea;
    @FXML private TableView<FlashGroup> groupTable;
    @FXML private TableColumn<FlashGroup, String> groupNameColumn;
    @FXML private TableColumn<FlashGroup, String> groupStateColumn;
    @FXML private TableColumn<FlashGroup, String> groupOpensColumn;
    @FXML private TableColumn<FlashGroup, String> groupDueColumn;
    @FXML private TableColumn<FlashGroup, String> groupChecklistColumn;
    @FXML private Button newCampaignButton;
    @FXML private Button editCampaignButton;
    @FXML private Button cancelCampaignButton;
    @FXML private Button wizardButton;
    @FXML private Button saveOutcomeButton;
    @FXML private Button checklistButton;
    @FXML private Button showGroupButton;
    @FXML private com.qundesk.flash.ui.CalendarController calendarController;

    public CampaignsController(ViewContext view, CampaignService campaigns, FlashService flash,
                               TemplateService templates, FlashDialogs flashDialogs) {
        this.view = view;
        this.campaigns = campaigns;
        this.flash = flash;
        this.templates = templates;
        this.flashDialogs = flashDialogs;
    }

    @FXML
    private void initialize() {
        Messages m = view.messages();
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(m.get(c.getValue().type().messageKey())));
        startColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().startsAt())));
        endColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().endsAt())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                m.get(c.getValue().statusAt(now()).messageKey())));
        groupsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(snapshot == null ? 0
                : snapshot.groupsByCampaign().getOrDefault(c.getValue().id(), List.of()).size()));
        campaignTable.setPlaceholder(wrapping(m.get("campaigns.empty")));
        campaignTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetail(b));

        groupNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().group().name()));
        groupStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                m.get(c.getValue().lifecycle().stateAt(now()).messageKey())));
        groupStateColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("state-due");
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && getTableRow().getItem().lifecycle().stateAt(now()) == com.qundesk.flash.FlashState.DUE) {
                    getStyleClass().add("state-due");
                }
            }
        });
        groupOpensColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                view.formats().dateTime(c.getValue().lifecycle().opensAt())));
        groupDueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                view.formats().dateTime(c.getValue().lifecycle().dueAt())));
        groupChecklistColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().lifecycle().done().size() + "/5"));
        groupTable.setPlaceholder(wrapping(m.get("campaigns.groupsEmpty")));
        groupTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> updateButtons());
        showDetail(null);
        refresh(null);
    }

    /** Reloads campaigns and flash groups off the FX thread, then selects {@code selectId} if given. */
    public void refresh(Long selectId) {
        Long keep = selectId != null ? selectId : Optional.ofNullable(
                campaignTable.getSelectionModel().getSelectedItem()).map(Campaign::id).orElse(null);
        view.tasks().run(() -> {
            List<Campaign> all = campaigns.list();
            Map<Long, List<FlashGroup>> byCampaign = new HashMap<>();
            List<FlashGroup> none = new ArrayList<>();
            for (FlashGroup f : flash.list()) {
                if (f.campaignId() == null) {
                    none.add(f);
                } else {
                    byCampaign.computeIfAbsent(f.campaignId(), k -> new ArrayList<>()).add(f);
                }
            }
            return new Snapshot(all, byCampaign, none, templates.list(), view.clock().instant(),
                    campaigns.displayNames());
        }, s -> {
            snapshot = s;
            if (calendarController != null) {
                calendarController.refresh();
            }
            campaignTable.getItems().setAll(s.campaigns());
            campaignTable.refresh();
            if (keep != null) {
                s.campaigns().stream().filter(k -> k.id().equals(keep)).findFirst().ifPresent(k -> {
                    campaignTable.getSelectionModel().select(k);
                    campaignTable.scrollTo(k);
                });
            }
            showDetail(campaignTable.getSelectionModel().getSelectedItem());
        });
    }

    @FXML
    private void onNewCampaign() {
        CampaignDialog.show(view, window(), null, assignees(), names()).ifPresent(draft ->
                view.tasks().run(() -> campaigns.create(draft), k -> refresh(k.id()), newCampaignButton));
    }

    /** The operators campaigns are assigned to and those with a display name, offered beside free text. */
    private List<String> assignees() {
        java.util.Set<String> out = new java.util.TreeSet<>(names().keySet());
        campaignTable.getItems().stream().map(Campaign::assignee).filter(java.util.Objects::nonNull).forEach(out::add);
        return List.copyOf(out);
    }

    private Map<String, String> names() {
        return snapshot == null ? Map.of() : snapshot.names();
    }

    @FXML
    private void onEditCampaign() {
        Campaign k = campaignTable.getSelectionModel().getSelectedItem();
        if (k == null) {
            return;
        }
        CampaignDialog.show(view, window(), k, assignees(), names()).ifPresent(this::saveEdited);
    }

    /** Saves an edit; refused because someone saved first, offers the merge of theirs and mine and saves that. */
    private void saveEdited(Campaign edited) {
        view.tasks().run(() -> campaigns.update(edited), saved -> refresh(saved.id()), error -> {
            if (error instanceof CampaignConflictException c) {
                MergeDialog.ask(view, window(), new MergeDialog.Wording("campaign", c.theirs().name(),
                        "campaign.field."), c, c.theirs().version()).map(c::merge).ifPresent(this::saveEdited);
            } else {
                view.tasks().errors().report(error);
            }
        }, editCampaignButton);
    }

    @FXML
    private void onCancelCampaign() {
        Campaign k = campaignTable.getSelectionModel().getSelectedItem();
        if (k == null) {
            return;
        }
        Messages m = view.messages();
        TextInputDialog d = new TextInputDialog();
        d.initOwner(window());
        d.setTitle(m.get("campaigns.cancel.title"));
        d.setHeaderText(m.get("campaigns.cancel.header", k.name()));
        d.setContentText(m.get("campaigns.cancel.reason"));
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(reason ->
                view.tasks().run(() -> campaigns.cancel(k.id(), reason), saved -> refresh(saved.id()),
                        cancelCampaignButton));
    }

    @FXML
    private void onWizard() {
        if (snapshot == null) {
            return;
        }
        Campaign selected = campaignTable.getSelectionModel().getSelectedItem();
        Optional<FlashPlan> plan = FlashWizard.show(view, flash, window(), snapshot.campaigns(), selected,
                snapshot.templates());
        plan.ifPresent(p -> view.tasks().run(() -> flash.create(p), created -> refresh(p.campaignId()),
                wizardButton));
    }

    @FXML
    private void onSaveOutcome() {
        Campaign k = campaignTable.getSelectionModel().getSelectedItem();
        if (k == null) {
            return;
        }
        String text = outcomeArea.getText();
        view.tasks().run(() -> campaigns.recordOutcome(k.id(), text), saved -> refresh(saved.id()),
                saveOutcomeButton);
    }

    @FXML
    private void onChecklist() {
        FlashGroup f = groupTable.getSelectionModel().getSelectedItem();
        if (f != null) {
            flashDialogs.checklist(window(), f, () -> refresh(null));
        }
    }

    @FXML
    private void onShowGroup() {
        FlashGroup f = groupTable.getSelectionModel().getSelectedItem();
        if (f != null) {
            view.navigator().showGroup(f.group().id());
        }
    }

    private void showDetail(Campaign k) {
        Messages m = view.messages();
        boolean has = k != null;
        editCampaignButton.setDisable(!has);
        cancelCampaignButton.setDisable(!has || k.cancelledAt() != null);
        saveOutcomeButton.setDisable(!has);
        outcomeArea.setDisable(!has);
        if (!has) {
            detailTitle.setText(m.get("campaigns.selectHint"));
            detailInfo.setText("");
            detailGoals.setText("");
            detailHistory.setText("");
            outcomeArea.setText("");
            groupTable.getItems().setAll(snapshot == null ? List.of() : snapshot.withoutCampaign());
            updateButtons();
            return;
        }
        detailTitle.setText(k.name());
        String status = m.get(k.statusAt(now()).messageKey());
        detailInfo.setText(m.get("campaigns.detail.info", m.get(k.type().messageKey()),
                view.formats().dateTime(k.startsAt()), view.formats().dateTime(k.endsAt()),
                k.owner() == null ? "—" : k.owner(), status)
                + (k.assignee() == null ? "" : " · " + m.get("campaigns.detail.assignee",
                        names().getOrDefault(k.assignee(), k.assignee())))
                + (k.cancelReason() == null ? "" : "\n" + m.get("campaigns.detail.cancelled", k.cancelReason())));
        Campaign.Goals g = k.goals();
        detailGoals.setText(m.get("campaigns.detail.goals", dash(g.signups()), dash(g.conversions()),
                dash(g.couponsIssued()), dash(g.couponsRedeemed()), dash(g.gmvYuan())));
        showHistory(k.id());
        outcomeArea.setText(k.outcomeSummary() == null ? "" : k.outcomeSummary());
        outcomeArea.setPromptText(m.get(k.statusAt(now()) == com.qundesk.campaign.CampaignStatus.ENDED
                ? "campaigns.outcomePromptEnded" : "campaigns.outcomePrompt"));
        groupTable.getItems().setAll(snapshot == null ? List.of()
                : snapshot.groupsByCampaign().getOrDefault(k.id(), List.of()));
        updateButtons();
    }

    /** The campaign's latest changes, by whom, read off the FX thread; shown while it is still the one selected. */
    private void showHistory(long id) {
        detailHistory.setText("");
        view.tasks().run(() -> campaigns.history(id), history -> {
            Campaign shown = campaignTable.getSelectionModel().getSelectedItem();
            if (shown == null || shown.id() != id) {
                return;
            }
            detailHistory.setText(history.isEmpty() ? view.messages().get("campaigns.history.empty")
                    : history.stream().limit(HISTORY_LINES).map(h -> HistoryLine.of(view, new HistoryLine.Change(
                            h.at(), h.actor(), h.action(), h.field(), h.oldValue(), h.newValue(), null), names(),
                            "campaign.field.")).collect(java.util.stream.Collectors.joining("\n")));
        });
    }

    private void updateButtons() {
        boolean sel = groupTable.getSelectionModel().getSelectedItem() != null;
        checklistButton.setDisable(!sel);
        showGroupButton.setDisable(!sel);
    }

    private static String dash(Integer v) {
        return v == null ? "—" : v.toString();
    }

    private Instant now() {
        return view.clock().instant();
    }

    private Window window() {
        return campaignTable.getScene().getWindow();
    }

    /** An empty table's message, wrapped to the table's width rather than cut off. */
    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setPadding(new javafx.geometry.Insets(12));
        return l;
    }
}
