package com.qundesk.flash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.group.Platform;
import com.qundesk.group.ui.GroupRow;
import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One group, one status: three flash groups opening tomorrow and one open now are "planned" and "open" alike in
 * Today, the Groups table, the dashboard's discipline and the CLI — and once the opening time has come (before
 * the reminder timer stored it) all four are open everywhere.
 */
class OneFlashStateTest {

    @TempDir
    Path dir;

    private record Seen(TodayBoard today, Map<Long, String> groupsTable, FlashDiscipline dashboard,
                        Map<Long, String> cli) {
    }

    private static FlashPlan plan(int count, Instant opens) {
        return new FlashPlan(null, LifetimePreset.CUSTOM, count, opens, Duration.ofDays(2), null, null, null,
                Platform.WECHAT, null, null, null, null);
    }

    private Seen look(CliRunner cli) throws Exception {
        Map<Long, String> table = new HashMap<>();
        TodayBoard board;
        FlashDiscipline discipline;
        try (AppContext ctx = AppContext.open(cli.paths, new UserPrefs(cli.paths.prefsFile()), Path.of(cli.ws),
                cli.clock)) {
            Messages m = new Messages(Messages.ENGLISH);
            Map<Long, FlashState> states = ctx.flash().statesNow();
            ctx.groups().list().forEach(g -> table.put(g.id(), GroupRow.of(g, m, null, states.get(g.id()))
                    .statusLabel()));
            board = TodayBoard.of(ctx.flash().list(), cli.clock.instant());
            Portfolio p = ctx.dashboard().portfolio(ctx.health().today(), 30);
            discipline = p.flash();
        }
        CliRunner.Result r = cli.run("--workspace", cli.ws, "groups", "list", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<Long, String> fromCli = new HashMap<>();
        for (JsonNode n : new ObjectMapper().readTree(r.out())) {
            fromCli.put(n.get("id").asLong(), n.path("flashState").asText());
        }
        return new Seen(board, table, discipline, fromCli);
    }

    @Test
    void plannedAndOpenAreTheSameInEveryViewAndTheCli() throws Exception {
        CliRunner cli = new CliRunner(dir);
        Instant now = cli.clock.instant();
        List<Long> planned;
        long open;
        try (AppContext ctx = AppContext.open(cli.paths, new UserPrefs(cli.paths.prefsFile()), Path.of(cli.ws),
                cli.clock)) {
            planned = ctx.flash().create(plan(3, now.plus(Duration.ofHours(20)))).stream()
                    .map(f -> f.group().id()).toList();
            open = ctx.flash().create(plan(1, now)).getFirst().group().id();
        }

        Seen seen = look(cli);
        assertThat(seen.today().toOpen()).extracting(f -> f.group().id()).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(seen.today().open()).extracting(f -> f.group().id()).containsExactly(open);
        assertThat(seen.dashboard().planned()).isEqualTo(3);
        assertThat(seen.dashboard().open()).isEqualTo(1);
        assertThat(seen.dashboard().overdue()).isZero();
        planned.forEach(id -> {
            assertThat(seen.groupsTable().get(id)).isEqualTo("Planned");
            assertThat(seen.cli().get(id)).isEqualTo("planned");
        });
        assertThat(seen.groupsTable().get(open)).isEqualTo("Open");
        assertThat(seen.cli().get(open)).isEqualTo("open");

        // the opening time has come; nothing has stored it yet (the reminder timer runs in the window only)
        cli.clock.set(now.plus(Duration.ofHours(21)));
        Seen later = look(cli);
        assertThat(later.today().toOpen()).isEmpty();
        assertThat(later.today().open()).hasSize(4);
        assertThat(later.dashboard().planned()).isZero();
        assertThat(later.dashboard().open()).isEqualTo(4);
        assertThat(later.groupsTable().values()).containsOnly("Open");
        assertThat(later.cli().values()).containsOnly("open");
    }
}
