package com.qundesk.plan.ui;

import com.qundesk.app.ViewFactory;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.plan.PlanItem;
import com.qundesk.shell.MainWindow;
import com.qundesk.shell.Section;
import com.qundesk.testsupport.FxWindows;
import com.qundesk.testsupport.OpenDialogs;
import com.qundesk.ui.Theme;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.qundesk.testsupport.FxWindows.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** From a group's plan: "Plan templates…", a new template typed and saved, applied to its groups after asking. */
@ExtendWith(ApplicationExtension.class)
class PlanTemplatesUiTest {

    private static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z"); // Tuesday 10:00 in Shanghai

    @TempDir
    static Path dir;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private MainWindow window;
    private long shopping1;
    private long shopping2;
    private long fans;

    @Start
    void start(Stage stage) {
        AppPaths paths = new AppPaths(dir.resolve("home-" + System.nanoTime()));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        prefs.put(UserPrefs.ZONE, "Asia/Shanghai");
        Path ws = paths.dataDir().resolve("w.qundesk");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (AppContext ctx = AppContext.open(paths, prefs, ws, clock)) {
            shopping1 = ctx.groups().create(Group.draft(Platform.WECHAT, "团购一群", Purpose.SHOPPING,
                    GroupKind.LONG_TERM).toBuilder().memberCount(180).build()).id();
            shopping2 = ctx.groups().create(Group.draft(Platform.WECHAT, "团购二群", Purpose.SHOPPING,
                    GroupKind.LONG_TERM).toBuilder().memberCount(90).build()).id();
            fans = ctx.groups().create(Group.draft(Platform.WECHAT, "读书会", Purpose.FAN, GroupKind.LONG_TERM)
                    .toBuilder().memberCount(120).build()).id();
        }
        Theme theme = new Theme();
        theme.apply(Theme.Mode.LIGHT);
        window = new MainWindow(FxWindows.fresh(stage), paths, prefs, theme, executor, clock, ViewFactory::new);
        window.open(ws, false);
    }

    @AfterEach
    void stop() throws Exception {
        FxWindows.close(window, executor);
    }

    @Test
    @SuppressWarnings("unchecked")
    void createATemplateByClickingAndApplyItToTheShoppingGroups(FxRobot robot) throws Exception {
        waitFor(() -> window.controller() != null);
        robot.interact(() -> window.show(Section.DASHBOARD));
        waitFor(() -> robot.lookup("#templatesButton").tryQuery().isPresent());
        Button templates = robot.lookup("#templatesButton").queryAs(Button.class);
        DialogPane list = OpenDialogs.open(templates::fire);
        ListView<?> none = (ListView<?>) list.lookup("#templateList");
        assertThat(none.getItems()).isEmpty();
        assertThat(((Button) list.lookup("#applyTemplateButton")).isDisabled()).as("nothing chosen").isTrue();

        DialogPane form = OpenDialogs.open(() -> ((Button) list.lookup("#newTemplateButton")).fire());
        robot.clickOn(form.lookup("#templateName")).write("Shopping rhythm");
        ComboBox<Purpose> purpose = (ComboBox<Purpose>) form.lookup("#templatePurpose");
        robot.interact(() -> purpose.setValue(Purpose.SHOPPING));
        // saving without an item is refused, saying why
        Button save = (Button) form.lookupButton(OpenDialogs.type(form, ButtonBar.ButtonData.OK_DONE, 0));
        robot.clickOn(save);
        assertThat(((Label) form.lookup("#formError")).getText()).isEqualTo("A plan template needs at least one item.");
        robot.clickOn(form.lookup("#itemTitle")).write("Wednesday deal");
        ComboBox<String> rule = (ComboBox<String>) form.lookup("#itemRule");
        robot.interact(() -> rule.getEditor().setText("FREQ=WEEKLY;BYDAY=WE"));
        robot.clickOn(form.lookup("#addItemButton"));
        ListView<?> items = (ListView<?>) form.lookup("#formItems");
        assertThat(items.getItems()).hasSize(1);
        // the second item is typed and saved without pressing "Add item"
        javafx.scene.control.TextField time = (javafx.scene.control.TextField) form.lookup("#itemTime");
        ComboBox<com.qundesk.value.ValueDimension> dimension =
                (ComboBox<com.qundesk.value.ValueDimension>) form.lookup("#itemDimension");
        robot.interact(() -> {
            time.setText("9:30");
            dimension.setValue(com.qundesk.value.ValueDimension.CASES);
            rule.getEditor().setText(""); // once
        });
        robot.clickOn(form.lookup("#itemTitle")).write("A customer story");
        robot.clickOn(save);
        waitFor(() -> !OpenDialogs.showing().contains(form));

        ListView<?> templateList = (ListView<?>) list.lookup("#templateList");
        waitFor(() -> templateList.getItems().size() == 1 && templateList.getSelectionModel().getSelectedItem() != null);
        ListView<String> templateItems = (ListView<String>) list.lookup("#templateItems");
        assertThat(templateItems.getItems()).containsExactly("09:30 · Cases · A customer story · once",
                "20:00 · Benefits · Wednesday deal · every Wednesday");

        DialogPane ask = OpenDialogs.open(() -> ((Button) list.lookup("#applyTemplateButton")).fire());
        assertThat(ask.getContentText()).isEqualTo("Apply “Shopping rhythm”? Groups it reaches: 2. Plan items to create: 4. "
                + "Groups that already have it and are left alone: 0.");
        robot.clickOn(ask.lookupButton(OpenDialogs.type(ask, ButtonBar.ButtonData.OK_DONE, 0)));
        Label result = (Label) list.lookup("#templateResult");
        waitFor(() -> result.getText().startsWith("Applied"));
        assertThat(result.getText()).isEqualTo("Applied. Groups given the plan: 2; groups that already had it: 0; plan items created: 4.");

        AppContext ctx = window.context();
        assertThat(ctx.plans().list(shopping1)).extracting(PlanItem::title)
                .containsExactly("A customer story", "Wednesday deal"); // tomorrow, Wednesday, 09:30 then 20:00
        assertThat(ctx.plans().list(shopping2)).hasSize(2);
        assertThat(ctx.plans().list(fans)).isEmpty();

        // applying again asks nothing and adds nothing
        robot.clickOn(list.lookup("#applyTemplateButton"));
        waitFor(() -> result.getText().startsWith("Nothing"));
        assertThat(result.getText()).isEqualTo("Nothing to add: every group “Shopping rhythm” is for (2) already has its items.");
        assertThat(ctx.plans().list(shopping1)).hasSize(2);
        OpenDialogs.cancel(list);
    }
}
