package com.qundesk.template.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.plan.ui.PlanTemplatesDialog;
import com.qundesk.template.TemplateService;
import com.qundesk.group.GroupService;
import com.qundesk.campaign.CampaignService;
import com.qundesk.ui.ViewContext;
import com.qundesk.template.Template;
import com.qundesk.template.TemplateKind;
import com.qundesk.template.TemplateRenderer;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.FormGrid;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The template library: rules, announcements, welcome and farewell messages and ad-policy texts in Chinese and
 * English. Editing saves a new version (groups keep the version they were given); the filled text for a chosen
 * group and campaign is one click from the clipboard.
 */
public final class TemplatesController {

    private record Data(List<Template> templates, List<Group> groups, List<Campaign> campaigns) {
    }

    private final ViewContext ui;
    private final TemplateService templates;
    private final GroupService groups;
    private final CampaignService campaigns;
    private final PlanTemplatesDialog planTemplates;
    private List<Template> all = List.of();

    @FXML private ComboBox<TemplateKind> kindFilter;
    @FXML private ComboBox<String> languageFilter;
    @FXML private ListView<Template> templateList;
    @FXML private Label versionLabel;
    @FXML private TextArea bodyArea;
    @FXML private FlowPane variables;
    @FXML private ComboBox<Group> fillGroup;
    @FXML private ComboBox<Campaign> fillCampaign;
    @FXML private TextArea previewArea;
    @FXML private Button saveButton;
    @FXML private Button newButton;
    @FXML private Button planTemplatesButton;
    @FXML private Button copyButton;
    @FXML private Label message;

    public TemplatesController(ViewContext ui, TemplateService templates, GroupService groups, CampaignService campaigns,
                               PlanTemplatesDialog planTemplates) {
        this.ui = ui;
        this.templates = templates;
        this.groups = groups;
        this.campaigns = campaigns;
        this.planTemplates = planTemplates;
    }

    /** The plan templates (what many groups of a purpose or tag are given, on a rhythm) sit beside the message texts. */
    @FXML
    private void onPlanTemplates() {
        planTemplates.show(planTemplatesButton.getScene().getWindow(), () -> { });
    }

    @FXML
    private void initialize() {
        Messages m = ui.messages();
        List<TemplateKind> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(TemplateKind.values()));
        kindFilter.getItems().setAll(kinds);
        kindFilter.setConverter(converter(k -> k == null ? m.get("templates.allKinds") : m.get(k.messageKey())));
        languageFilter.getItems().setAll(java.util.Arrays.asList(null, "zh", "en"));
        languageFilter.setConverter(converter(l -> l == null ? m.get("templates.allLanguages")
                : m.get("settings.language." + l)));
        languageFilter.setValue(m.locale().getLanguage().equals("zh") ? "zh" : "en");
        kindFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        languageFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        templateList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + "  ·  " + m.get(t.kind().messageKey()) + "  ·  "
                        + t.language() + "  ·  v" + t.version());
            }
        });
        templateList.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> show(t));
        for (String v : TemplateRenderer.VARIABLES) {
            Button chip = new Button(v);
            chip.getStyleClass().addAll("small", "flat");
            chip.setMnemonicParsing(false);
            chip.setOnAction(e -> {
                bodyArea.insertText(bodyArea.getCaretPosition(), v);
                bodyArea.requestFocus();
            });
            variables.getChildren().add(chip);
        }
        fillGroup.setConverter(converter(g -> g == null ? m.get("templates.noGroup") : g.name()));
        fillCampaign.setConverter(converter(k -> k == null ? m.get("templates.noCampaign") : k.name()));
        bodyArea.textProperty().addListener((o, a, b) -> updatePreview());
        fillGroup.valueProperty().addListener((o, a, b) -> updatePreview());
        fillCampaign.valueProperty().addListener((o, a, b) -> updatePreview());
        show(null);
        refresh(null);
    }

    public void refresh(Long selectVersion) {
        ui.tasks().run(() -> new Data(templates.list(), groups.list(),
                campaigns.list()), d -> {
                    all = d.templates();
                    List<Group> groups = new ArrayList<>();
                    groups.add(null);
                    groups.addAll(d.groups().stream().filter(g -> g.status().isLive()).toList());
                    fillGroup.getItems().setAll(groups);
                    List<Campaign> campaigns = new ArrayList<>();
                    campaigns.add(null);
                    campaigns.addAll(d.campaigns());
                    fillCampaign.getItems().setAll(campaigns);
                    applyFilter();
                    if (selectVersion != null) {
                        all.stream().filter(t -> t.versionId() == selectVersion).findFirst()
                                .ifPresent(t -> templateList.getSelectionModel().select(t));
                    } else if (!templateList.getItems().isEmpty()) {
                        templateList.getSelectionModel().selectFirst();
                    }
                });
    }

    private void applyFilter() {
        TemplateKind k = kindFilter.getValue();
        String lang = languageFilter.getValue();
        templateList.getItems().setAll(all.stream().filter(t -> (k == null || t.kind() == k)
                && (lang == null || t.language().equals(lang))).toList());
    }

    private void show(Template t) {
        boolean has = t != null;
        bodyArea.setDisable(!has);
        saveButton.setDisable(!has);
        copyButton.setDisable(!has);
        message.setText("");
        if (!has) {
            versionLabel.setText(ui.messages().get("templates.selectHint"));
            bodyArea.clear();
            return;
        }
        versionLabel.setText(ui.messages().get("templates.version", t.name(), t.version(),
                ui.formats().dateTime(t.versionCreatedAt())));
        bodyArea.setText(t.body());
    }

    private String filled() {
        Group g = fillGroup.getValue();
        Campaign k = fillCampaign.getValue();
        Instant dissolve = ui.clock().instant().plus(Duration.ofDays(3));
        return TemplateRenderer.render(bodyArea.getText(), g == null ? ui.messages().get("templates.sampleGroup")
                : g.name(), k == null ? ui.messages().get("templates.sampleCampaign") : k.name(), dissolve,
                g == null || g.owner() == null ? ui.messages().get("templates.sampleOwner") : g.owner(),
                ui.formats().zone());
    }

    private void updatePreview() {
        previewArea.setText(filled());
    }

    @FXML
    private void onSave() {
        Template t = templateList.getSelectionModel().getSelectedItem();
        if (t == null) {
            return;
        }
        String body = bodyArea.getText();
        ui.tasks().run(() -> templates.revise(t.id(), body), saved -> {
            refresh(saved.versionId());
            message.setText(ui.messages().get("templates.saved", saved.version()));
        }, saveButton);
    }

    @FXML
    private void onCopy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(filled());
        Clipboard.getSystemClipboard().setContent(content);
        message.setText(ui.messages().get("templates.copied"));
    }

    @FXML
    private void onNew() {
        Messages m = ui.messages();
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(templateList.getScene().getWindow());
        d.setTitle(m.get("templates.new"));
        ComboBox<TemplateKind> kind = new ComboBox<>();
        kind.getItems().setAll(TemplateKind.values());
        kind.setConverter(converter(k -> k == null ? "" : m.get(k.messageKey())));
        kind.setValue(kindFilter.getValue() == null ? TemplateKind.WELCOME : kindFilter.getValue());
        ComboBox<String> lang = new ComboBox<>();
        lang.getItems().setAll("zh", "en");
        lang.setConverter(converter(l -> l == null ? "" : m.get("settings.language." + l)));
        lang.setValue(m.locale().getLanguage().equals("zh") ? "zh" : "en");
        TextField name = new TextField();
        name.setId("templateName");
        GridPane grid = FormGrid.create(10, 8);
        grid.addRow(0, new Label(m.get("templates.field.kind")), kind);
        grid.addRow(1, new Label(m.get("templates.field.language")), lang);
        grid.addRow(2, new Label(m.get("templates.field.name")), name);
        d.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(m.get("templates.create"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(ok).disableProperty().bind(name.textProperty().isEmpty());
        if (d.showAndWait().filter(b -> b == ok).isPresent()) {
            String body = m.get("templates.starterBody");
            ui.tasks().run(() -> templates.create(kind.getValue(), name.getText(), lang.getValue(), body),
                    t -> {
                        kindFilter.setValue(null);
                        languageFilter.setValue(null);
                        refresh(t.versionId());
                    }, newButton);
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
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
