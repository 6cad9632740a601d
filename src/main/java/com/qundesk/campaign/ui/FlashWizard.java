package com.qundesk.campaign.ui;

import com.qundesk.campaign.Campaign;
import com.qundesk.flash.FlashPlan;
import com.qundesk.flash.FlashService;
import com.qundesk.flash.LifetimePreset;
import com.qundesk.flash.PlannedFlashGroup;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.template.Template;
import com.qundesk.template.TemplateKind;
import com.qundesk.ui.DateTimeField;
import com.qundesk.ui.DialogButtons;
import com.qundesk.ui.FormGrid;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
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
 * The flash-group wizard: a preset, how many, when they open, names and texts — and the resulting schedule
 * shown before anything is created. Returns the plan; the caller creates it in one transaction.
 */
final class FlashWizard {

    private FlashWizard() {
    }

    static Optional<FlashPlan> show(ViewContext view, FlashService flash, Window owner, List<Campaign> campaigns, Campaign preselected,
                                    List<Template> templates) {
        Messages m = view.messages();
        Dialog<FlashPlan> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("wizard.title"));
        d.setHeaderText(m.get("wizard.header"));
        d.setResizable(true);

        ComboBox<Campaign> campaign = combo("wizardCampaign", campaigns, k -> k == null ? m.get("wizard.noCampaign")
                : k.name() + " (" + m.get(k.type().messageKey()) + ")", true);
        campaign.setValue(preselected);
        ComboBox<LifetimePreset> preset = combo("wizardPreset", List.of(LifetimePreset.values()),
                p -> m.get(p.messageKey()), false);
        preset.setValue(presetFor(preselected));
        campaign.valueProperty().addListener((o, a, b) -> preset.setValue(presetFor(b)));
        Spinner<Integer> count = new Spinner<>(1, FlashPlan.MAX_COUNT, 3);
        count.setId("wizardCount");
        count.setEditable(true);
        Instant defaultOpen = view.clock().instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        DateTimeField opens = new DateTimeField(view.formats().zone(),
                preselected != null && preselected.startsAt().isAfter(view.clock().instant())
                        ? preselected.startsAt().minus(Duration.ofHours(2)) : defaultOpen, view.messages());
        opens.setId("wizardOpens");

        ToggleGroup customMode = new ToggleGroup();
        RadioButton byDuration = new RadioButton(m.get("wizard.custom.duration"));
        byDuration.setToggleGroup(customMode);
        byDuration.setSelected(true);
        RadioButton byTime = new RadioButton(m.get("wizard.custom.absolute"));
        byTime.setToggleGroup(customMode);
        Spinner<Integer> hours = new Spinner<>(1, 24 * 60, 48);
        hours.setEditable(true);
        hours.setId("wizardHours");
        DateTimeField dissolveAt = new DateTimeField(view.formats().zone(), defaultOpen.plus(Duration.ofDays(2)),
                view.messages());
        VBox custom = new VBox(6, new HBox(6, byDuration, hours, new Label(m.get("wizard.hours"))),
                new HBox(6, byTime, dissolveAt));

        TextField pattern = new TextField(preselected != null ? FlashPlan.DEFAULT_PATTERN : "");
        pattern.setId("wizardPattern");
        pattern.setPromptText(m.get("wizard.patternPrompt"));
        TextField period = new TextField();
        period.setId("wizardPeriod");
        period.setPrefColumnCount(4);
        ComboBox<Platform> platform = combo("wizardPlatform", List.of(Platform.values()), p -> m.get(p.messageKey()),
                false);
        platform.setValue(Platform.WECHAT);
        TextField capacity = new TextField(Integer.toString(Platform.WECHAT.defaultCapacity()));
        capacity.setPrefColumnCount(5);
        platform.valueProperty().addListener((o, a, b) -> capacity.setText(Integer.toString(b.defaultCapacity())));
        TextField ownerField = new TextField(preselected != null && preselected.owner() != null
                ? preselected.owner() : "");
        ownerField.setId("wizardOwner");

        String lang = m.locale().getLanguage().equals("zh") ? "zh" : "en";
        Map<TemplateKind, ComboBox<Template>> templateBoxes = new EnumMap<>(TemplateKind.class);
        GridPane templateGrid = FormGrid.create(8, 6);
        int tr = 0;
        for (TemplateKind kind : List.of(TemplateKind.RULES, TemplateKind.ANNOUNCEMENT, TemplateKind.WELCOME,
                TemplateKind.FAREWELL)) {
            List<Template> ofKind = templates.stream().filter(t -> t.kind() == kind).toList();
            ComboBox<Template> box = combo("wizardTemplate-" + kind.token(), ofKind,
                    t -> t == null ? m.get("wizard.noTemplate") : t.name() + " · v" + t.version(), true);
            box.setValue(ofKind.stream().filter(t -> t.language().equals(lang)).findFirst().orElse(null));
            templateBoxes.put(kind, box);
            templateGrid.addRow(tr++, new Label(m.get(kind.messageKey())), box);
        }

        TableView<PlannedFlashGroup> preview = new TableView<>();
        preview.setId("wizardPreview");
        preview.setPrefHeight(360);
        preview.setPrefWidth(520);
        preview.setPlaceholder(new Label(m.get("wizard.previewEmpty")));
        TableColumn<PlannedFlashGroup, String> nameCol = new TableColumn<>(m.get("column.name"));
        nameCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        nameCol.setPrefWidth(240);
        TableColumn<PlannedFlashGroup, String> openCol = new TableColumn<>(m.get("wizard.opensAt"));
        openCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().opensAt())));
        openCol.setPrefWidth(150);
        TableColumn<PlannedFlashGroup, String> dueCol = new TableColumn<>(m.get("wizard.dueAt"));
        dueCol.setCellValueFactory(c -> new ReadOnlyStringWrapper(view.formats().dateTime(c.getValue().dueAt())));
        dueCol.setPrefWidth(150);
        preview.getColumns().setAll(List.of(nameCol, openCol, dueCol));
        Label error = new Label();
        error.setId("wizardError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);

        GridPane grid = FormGrid.create(10, 8);
        int r = 0;
        grid.addRow(r++, new Label(m.get("wizard.campaign")), campaign);
        grid.addRow(r++, new Label(m.get("wizard.preset")), preset);
        grid.addRow(r++, new Label(m.get("wizard.custom")), custom);
        grid.addRow(r++, new Label(m.get("wizard.count")), count);
        grid.addRow(r++, new Label(m.get("wizard.opens")), opens);
        grid.addRow(r++, new Label(m.get("wizard.pattern")), new HBox(6, pattern,
                new Label(m.get("wizard.period")), period));
        grid.addRow(r++, new Label(m.get("wizard.platform")), new HBox(6, platform,
                new Label(m.get("wizard.capacity")), capacity));
        grid.addRow(r++, new Label(m.get("wizard.owner")), ownerField);
        grid.addRow(r++, new Label(m.get("wizard.templates")), templateGrid);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox right = new VBox(8, new Label(m.get("wizard.preview")), preview, error);
        HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        HBox content = new HBox(18, grid, right);
        d.getDialogPane().setPrefWidth(1120);
        d.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        d.getDialogPane().setContent(content);
        ButtonType create = new ButtonType(m.get("wizard.create"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(create, DialogButtons.cancel(m));
        d.getDialogPane().lookupButton(create).setId("wizardCreate");

        int[] sequence = {0};
        Runnable update = () -> {
            custom.setDisable(preset.getValue() != LifetimePreset.CUSTOM);
            FlashPlan plan = plan(campaign, preset, count, opens, byDuration, hours, dissolveAt, pattern, period,
                    platform, capacity, ownerField, templateBoxes);
            int mine = ++sequence[0];
            if (plan == null) {
                error.setText(m.get("wizard.badInput"));
                preview.getItems().clear();
                d.getDialogPane().lookupButton(create).setDisable(true);
                return;
            }
            view.tasks().run(() -> flash.preview(plan), rows -> {
                if (mine == sequence[0]) {
                    preview.getItems().setAll(rows);
                    error.setText("");
                    d.getDialogPane().lookupButton(create).setDisable(false);
                }
            }, failure -> {
                if (mine == sequence[0]) {
                    preview.getItems().clear();
                    error.setText(view.tasks().errors().describe(failure));
                    d.getDialogPane().lookupButton(create).setDisable(true);
                }
            });
        };
        ChangeListener<Object> onChange = (o, a, b) -> update.run();
        campaign.valueProperty().addListener(onChange);
        preset.valueProperty().addListener(onChange);
        count.valueProperty().addListener(onChange);
        opens.datePicker().valueProperty().addListener(onChange);
        opens.timeField().textProperty().addListener(onChange);
        customMode.selectedToggleProperty().addListener(onChange);
        hours.valueProperty().addListener(onChange);
        dissolveAt.datePicker().valueProperty().addListener(onChange);
        dissolveAt.timeField().textProperty().addListener(onChange);
        pattern.textProperty().addListener(onChange);
        period.textProperty().addListener(onChange);
        platform.valueProperty().addListener(onChange);
        capacity.textProperty().addListener(onChange);
        update.run();

        d.setResultConverter(b -> b == create ? plan(campaign, preset, count, opens, byDuration, hours, dissolveAt,
                pattern, period, platform, capacity, ownerField, templateBoxes) : null);
        return d.showAndWait();
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

    private static FlashPlan plan(ComboBox<Campaign> campaign, ComboBox<LifetimePreset> preset, Spinner<Integer> count,
                                  DateTimeField opens, RadioButton byDuration, Spinner<Integer> hours,
                                  DateTimeField dissolveAt, TextField pattern, TextField period,
                                  ComboBox<Platform> platform, TextField capacity, TextField owner,
                                  Map<TemplateKind, ComboBox<Template>> templates) {
        Instant open = opens.value();
        if (open == null) {
            return null;
        }
        Integer p = null;
        if (!period.getText().isBlank()) {
            try {
                p = Integer.valueOf(period.getText().strip());
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
        if (preset.getValue() == LifetimePreset.CUSTOM) {
            if (byDuration.isSelected()) {
                duration = Duration.ofHours(hours.getValue());
            } else {
                absolute = dissolveAt.value();
                if (absolute == null) {
                    return null;
                }
            }
        }
        Map<String, Long> versions = new HashMap<>();
        templates.forEach((kind, box) -> {
            if (box.getValue() != null) {
                versions.put(kind.token(), box.getValue().versionId());
            }
        });
        return new FlashPlan(campaign.getValue() == null ? null : campaign.getValue().id(), preset.getValue(),
                count.getValue(), open, duration, absolute, pattern.getText(), p, platform.getValue(), cap,
                owner.getText().isBlank() ? null : owner.getText().strip(), Purpose.EVENT, versions);
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> label, boolean allowNone) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
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
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
