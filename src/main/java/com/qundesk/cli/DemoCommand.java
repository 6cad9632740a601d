package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.i18n.Messages;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code qundesk demo --workspace PATH}: creates the demo workspace there. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a demo workspace (about 40 groups) at --workspace.")
final class DemoCommand extends CliCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        QunDeskCli root = root();
        Messages m = messages();
        AppContext ctx = root.openOrCreate();
        if (!ctx.populateDemoIfEmpty()) {
            err().println(m.get("cli.demo.notEmpty", root.location().display()));
            return QunDeskCli.FAILED;
        }
        out().println(m.get("cli.demo.created", ctx.groups().list().size(), ctx.location().display()));
        return QunDeskCli.OK;
    }
}
