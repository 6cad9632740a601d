package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code qundesk operator set-name NAME}: the display name of the operator running the command;
 * {@code qundesk operator set-lead LOGIN [--off]}: who is a lead (told of every overdue reminder of the team).
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Who is working: the display name history and conflicts show for you, and the team's leads.",
        subcommands = {OperatorCommand.SetName.class, OperatorCommand.SetLead.class})
final class OperatorCommand {

    /** {@code qundesk operator set-name NAME [--operator LOGIN]}. */
    @Command(name = "set-name", mixinStandardHelpOptions = true,
            description = "Set your display name (or that of --operator LOGIN) in this workspace.")
    static final class SetName extends CliCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME")
        private String name;

        @Override
        public Integer call() {
            AppContext ctx = root().openToChange();
            ctx.operators().setDisplayName(ctx.operator(), name);
            out().println(messages().get("cli.operator.named", ctx.operator(), name.strip()));
            return QunDeskCli.OK;
        }
    }

    /** {@code qundesk operator set-lead LOGIN [--off]}. */
    @Command(name = "set-lead", mixinStandardHelpOptions = true,
            description = "Make LOGIN a lead, who is told of every overdue reminder of the team (--off: no longer).")
    static final class SetLead extends CliCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "LOGIN")
        private String login;

        @Option(names = "--off", description = "LOGIN is no longer a lead.")
        private boolean off;

        @Override
        public Integer call() {
            AppContext ctx = root().openToChange();
            ctx.operators().setLead(login, !off);
            out().println(messages().get(off ? "cli.operator.notLead" : "cli.operator.lead", login.strip()));
            return QunDeskCli.OK;
        }
    }
}
