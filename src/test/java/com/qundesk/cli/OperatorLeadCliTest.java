package com.qundesk.cli;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.CliRunner;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code qundesk operator set-lead LOGIN [--off]} on a workspace file and on a team workspace: a lead is stored with
 * the operator (a login not known yet gets a row, shown by the login), a display name set before is kept, and
 * {@code --off} takes the role back.
 */
@BothDatabases
class OperatorLeadCliTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CliRunner cli;
    private String ws;
    private TestWorkspace w;

    @BeforeEach
    void aWorkspace() {
        w = TestWorkspace.on(dialect, dir);
        w.ctx.operators().setDisplayName("ann", "Ann Wu");
        ws = w.file != null ? w.file.toString() : w.location.display();
        w.ctx.close();
        cli = new CliRunner(dir);
    }

    @Test
    void setLeadMakesLeadsAndOffTakesItBack() {
        CliRunner.Result r = cli.run("operator", "set-lead", "lee", "--workspace", ws);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Operator lee is a lead");
        assertThat(cli.run("operator", "set-lead", "ann", "--workspace", ws).code()).isZero();
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.location, w.clock)) {
            assertThat(ctx.operators().leads()).containsExactly("ann", "lee");
            assertThat(ctx.operators().displayNames()).containsEntry("lee", "lee").containsEntry("ann", "Ann Wu");
        }

        r = cli.run("operator", "set-lead", "ann", "--off", "--workspace", ws);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Operator ann is no longer a lead");
        try (AppContext ctx = AppContext.open(w.paths, w.prefs, w.location, w.clock)) {
            assertThat(ctx.operators().leads()).containsExactly("lee");
        }
    }

    @Test
    void aBlankLoginIsRefused() {
        CliRunner.Result r = cli.run("operator", "set-lead", " ", "--workspace", ws);
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("Name the operator by their login");
    }
}
