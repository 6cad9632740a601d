package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code qundesk operator set-name NAME}: the display name of the operator running the command. */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Who is working: the display name history and conflicts show for you.",
        subcommands = {OperatorCommand.SetName.class})
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
}
