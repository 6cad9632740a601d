package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.flash.PlannedFlashGroup;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.template.Template;
import com.qundesk.template.TemplateKind;
import com.qundesk.ui.DateTimeField;
import com.qundesk.ui.ViewContext;
import com.qundesk.ui.ViewLoader;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The flash-group wizard ({@code FlashWizard.fxml}): a preset, how many, when they open, names and texts — and
 * the resulting schedule shown before anything is created. Returns the plan; the caller creates it in one
 * transaction.
 */
final class FlashWizard {

    private final ViewContext view;
    private final FlashService flash;
    private final List<Campaign> campaigns;
    private final Campaign preselected;
    private final List<Template> templates;
    private final Map<TemplateKind, ComboBox<Template>> templateBoxes = new EnumMap<>(TemplateKind.class);
    private DateTimeField opens;
    private DateTimeField dissolveAt;
    /** Numbers the previews asked for: only the newest answer is shown. */
    private int sequence;
    private DialogPane pane;

    @FXML private ComboBox<Campaign> wizardCampaign;
    @FXML private ComboBox<LifetimePreset> wizardPreset;
    @FXML private VBox custom;
    @FXML private ToggleGroup customMode;
    @FXML private RadioButton byDuration;
    @FXML private Spinner<Integer> wizardHours;
    @FXML private HBox dissolveSlot;
    @FXML private Spinner<Integer> wizardCount;
    @FXML private HBox opensSlot;
    @FXML private TextField wizardPattern;
    @FXML private TextField wizardPeriod;
    @FXML private ComboBox<Platform> wizardPlatform;
    @FXML private TextField capacity;
    @FXML private TextField wizardOwner;
    @FXML private GridPane templateGrid;
    @FXML private TableView<PlannedFlashGroup> wizardPreview;
    @FXML private TableColumn<PlannedFlashGroup, String> nameColumn;
    @FXML private TableColumn<PlannedFlashGroup, String> opensColumn;
    @FXML private TableColumn<PlannedFlashGroup, String> dueColumn;
    @FXML private Label wizardError;
    @FXML private ButtonType create;

    private FlashWizard(ViewContext view, FlashService flash, List<Campaign> campaigns, Campaign preselected,
                        List<Template> templates) {
        this.view = view;
        this.flash = flash;
        this.campaigns = campaigns;
        this.preselected = preselected;
        this.templates = templates;
    }

    /** The plan the operator confirms, previewed through {@code flash}; empty when cancelled. */
    static Optional<FlashPlan> show(ViewContext view, FlashService flash, Window owner, List<Campaign> campaigns,
                                    Campaign preselected, List<Template> templates) {
        FlashWizard wizard = new FlashWizard(view, flash, campaigns, preselected, templates);
        DialogPane pane = (DialogPane) new ViewLoader(view.messages(), type -> wizard).load(FlashWizard.class).root();
        return wizard.show(pane, owner);
    }

    @FXML
    private void initialize() {
        Messages m = view.messages();
        fill(wizardCampaign, campaigns, k -> k == null ? m.get("wizard.noCampaign")
                : k.name() + " (" + m.get(k.type().messageKey()) + ")", true);
        wizardCampaign.setValue(preselected);
        fill(wizardPreset, List.of(LifetimePreset.values()), p -> m.get(p.messageKey()), false);
        wizardPreset.setValue(presetFor(preselected));
        wizardCampaign.valueProperty().addListener((o, a, b) -> wizardPreset.setValue(presetFor(b)));
        wizardCount.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, FlashPlan.MAX_COUNT, 3));
        Instant now = view.clock().instant();
        Instant defaultOpen = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        opens = new DateTimeField(view.formats().zone(), preselected != null && preselected.startsAt().isAfter(now)
                ? preselected.startsAt().minus(Duration.ofHours(2)) : defaultOpen, m);
        opens.setId("wizardOpens");
        opensSlot.getChildren().add(opens);
        wizardHours.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 24 * 60, 48));
        dissolveAt = new DateTimeField(view.formats().zone(), defaultOpen.plus(Duration.ofDays(2)), m);
        dissolveSlot.getChildren().add(dissolveAt);

        wizardPattern.setText(preselected != null ? FlashPlan.DEFAULT_PATTERN : "");
        fill(wizardPlatform, List.of(Platform.values()), p -> m.get(p.messageKey()), false);
        wizardPlatform.setValue(Platform.WECHAT);
        capacity.setText(Integer.toString(Platform.WECHAT.defaultCapacity()));
        wizardPlatform.valueProperty().addListener((o, a, b) -> capacity.setText(Integer.toString(b.defaultCapacity())));
        wizardOwner.setText(preselected != null && preselected.owner() != null ? preselected.owner() : "");

        String lang = m.locale().getLanguage().equals("zh") ? "zh" : "en";
        int row = 0;
        for (TemplateKind kind : List.of(TemplateKind.RULES, TemplateKind.ANNOUNCEMENT, TemplateKind.WELCOME,
                TemplateKind.FAREWELL)) {
            List<Template> ofKind = templates.stream().filter(t -> t.kind() == kind).toList();
            ComboBox<Template> box = new ComboBox<>();
            box.setId("wizardTemplate-" + kind.token());
            box.setMaxWidth(Double.MAX_VALUE);
            fill(box, ofKind, t -> t == null ? m.get("wizard.noTemplate") : t.name() + " · v" + t.version(), true);
            box.setValue(ofKind.stream().filter(t -> t.language().equals(lang)).findFirst().orElse(null));
            templateBoxes.put(kind, box);
            templateGrid.addRow(row++, new Label(m.get(kind.messageKey())), box);
        }

        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        opensColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                view.formats().dateTime(c.getValue().opensAt())));
        dueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().dueAt())));
    }

    private Optional<FlashPlan> show(DialogPane loaded, Window owner) {
        pane = loaded;
        Dialog<FlashPlan> d = new Dialog<>();
        d.initOwner(owner);
        d.setDialogPane(pane);
        d.setTitle(view.messages().get("wizard.title"));
        d.setResizable(true);
        pane.lookupButton(create).setId("wizardCreate");
        ChangeListener<Object> onChange = (o, a, b) -> update();
        wizardCampaign.valueProperty().addListener(onChange);
        wizardPreset.valueProperty().addListener(onChange);
        wizardCount.valueProperty().addListener(onChange);
        opens.datePicker().valueProperty().addListener(onChange);
        opens.timeField().textProperty().addListener(onChange);
        customMode.selectedToggleProperty().addListener(onChange);
        wizardHours.valueProperty().addListener(onChange);
        dissolveAt.datePicker().valueProperty().addListener(onChange);
        dissolveAt.timeField().textProperty().addListener(onChange);
        wizardPattern.textProperty().addListener(onChange);
        wizardPeriod.textProperty().addListener(onChange);
        wizardPlatform.valueProperty().addListener(onChange);
        capacity.textProperty().addListener(onChange);
        update();
        d.setResultConverter(b -> b == create ? plan() : null);
        return d.showAndWait();
    }

    /** Previews the plan as the form holds it off the FX thread, or says what is wrong with the form. */
    private void update() {
        custom.setDisable(wizardPreset.getValue() != LifetimePreset.CUSTOM);
        FlashPlan plan = plan();
        int mine = ++sequence;
        if (plan == null) {
            wizardError.setText(view.messages().get("wizard.badInput"));
            wizardPreview.getItems().clear();
            pane.lookupButton(create).setDisable(true);
            return;
        }
        view.tasks().run(() -> flash.preview(plan), rows -> {
            if (mine == sequence) {
                wizardPreview.getItems().setAll(rows);
                wizardError.setText("");
                pane.lookupButton(create).setDisable(false);
            }
        }, failure -> {
            if (mine == sequence) {
                wizardPreview.getItems().clear();
                wizardError.setText(view.tasks().errors().describe(failure));
                pane.lookupButton(create).setDisable(true);
            }
        });
    }

    /** The lifetime that fits the campaign's type: resource flash 10 minutes, camps, else activity groups. */
    static LifetimePreset presetFor(Campaign k) {
        if (k == null) {
            return LifetimePreset.RESOURCE_FLASH;
        }
        return switch (k.type()) {
            case RESOURCE_FLASH -> LifetimePreset.RESOURCE_FLASH;
            case HABIT_CAMP, TRAINING, VOYAGE -> LifetimePreset.CAMP;
            default -> LifetimePreset.ACTIVITY;
        };
    }

    /** The plan the form holds, or null when a field cannot be read. */
    private FlashPlan plan() {
        Instant open = opens.value();
        if (open == null) {
            return null;
        }
        Integer p = null;
        if (!wizardPeriod.getText().isBlank()) {
            try {
                p = Integer.valueOf(wizardPeriod.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Integer cap;
        try {
            cap = Integer.valueOf(capacity.getText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
        Duration duration = null;
        Instant absolute = null;
        if (wizardPreset.getValue() == LifetimePreset.CUSTOM) {
            if (byDuration.isSelected()) {
                duration = Duration.ofHours(wizardHours.getValue());
            } else {
                absolute = dissolveAt.value();
                if (absolute == null) {
                    return null;
                }
            }
        }
        Map<String, Long> versions = new HashMap<>();
        templateBoxes.forEach((kind, box) -> {
            if (box.getValue() != null) {
                versions.put(kind.token(), box.getValue().versionId());
            }
        });
        String owner = wizardOwner.getText();
        return new FlashPlan(wizardCampaign.getValue() == null ? null : wizardCampaign.getValue().id(),
                wizardPreset.getValue(), wizardCount.getValue(), open, duration, absolute, wizardPattern.getText(), p,
                wizardPlatform.getValue(), cap, owner.isBlank() ? null : owner.strip(), Purpose.EVENT, versions);
    }

    private static <T> void fill(ComboBox<T> box, List<T> items, Function<T, String> label, boolean allowNone) {
        if (allowNone) {
            box.getItems().add(null);
        }
        box.getItems().addAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
    }
}
