package com.qundesk.dashboard.ui;

import com.qundesk.dashboard.DashboardService;
import com.qundesk.dashboard.GroupDetail;
import com.qundesk.dashboard.Portfolio;
import com.qundesk.db.Dialect;
import com.qundesk.i18n.Messages;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.ui.Formats;
import com.qundesk.value.ValueDimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard shows of the demo workspace, as texts and series, without a window. */
@BothDatabases
class DashboardModelTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    @Test
    void thePortfolioBecomesFiguresAndSeries() {
        TestWorkspace w = TestWorkspace.demo(dialect, dir);
        Messages m = new Messages(Locale.ENGLISH);
        DashboardModel model = new DashboardModel(m, new Formats(w.ctx.zone(), m.locale()), w.ctx.dashboard(),
                w.ctx.health(), w.ctx.ledger(), w.ctx.chatImports(), w.ctx.reports());
        Portfolio p = model.portfolio(30);

        DashboardModel.Figures f = model.figures(p);
        assertThat(f.deliveredShare()).endsWith("%");
        assertThat(f.actions()).isEqualTo(Long.toString(p.recommendations().stream()
                .filter(h -> h.recommendation() != com.qundesk.value.Recommendation.KEEP).count()));
        assertThat(model.deliveredTrend(p).points()).hasSize(DashboardService.TREND_POINTS);
        assertThat(model.valueByDimension(p)).hasSize(ValueDimension.values().length)
                .allSatisfy(s -> assertThat(s.points()).hasSize(DashboardService.WEEKS));
        assertThat(model.byStatus(p).stream().mapToInt(s -> s.value().intValue()).sum())
                .isEqualTo(p.byStatus().values().stream().mapToInt(Integer::intValue).sum());
        var redemption = model.redemption(p);
        assertThat(redemption).hasSize(2);
        assertThat(redemption.get(0).points()).hasSameSizeAs(redemption.get(1).points()).hasSizeLessThanOrEqualTo(8)
                .allSatisfy(point -> assertThat(point.label().length()).isLessThanOrEqualTo(10));

        long groupId = p.recommendations().getFirst().group().id();
        GroupDetail d = model.detail(groupId, 30);
        assertThat(model.terms(d.health())).isNotBlank();
        assertThat(model.dimensions(d.health()).points()).hasSize(ValueDimension.values().length);
        assertThat(model.weeks(d)).hasSize(2);
        assertThat(model.rules(d.health())).isNotEmpty();
        assertThat(model.history(d)).hasSameSizeAs(d.history());
        assertThat(model.importLines(groupId)).containsExactly(m.get("dashboard.detail.noImports"));
        assertThat(model.reportFileName()).isEqualTo("qundesk-report-" + w.ctx.health().today() + ".pdf");
    }
}
