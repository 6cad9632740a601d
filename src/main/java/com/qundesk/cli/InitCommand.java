package com.qundesk.cli;

import com.qundesk.workspace.AppContext;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code qundesk init --workspace PATH}: creates a new empty workspace there (with {@code demo}, the only creator). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new empty workspace at --workspace (a file that exists is left alone).")
final class InitCommand extends CliCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        QunDeskCli root = root();
        if (root.location() instanceof WorkspaceLocation.Server server) {
            // a team database is created by its administrator; init brings its schema up to date on an empty one
            AppContext ctx = root.openOrCreate();
            if (!ctx.groups().list().isEmpty()) {
                throw new WorkspaceException("cli.init.existsServer", null, server.display());
            }
            out().println(messages().get("cli.init.created", server.display()));
            return QunDeskCli.OK;
        }
        Path ws = root.workspace().toAbsolutePath();
        if (Files.exists(ws) && !(Files.isRegularFile(ws) && Files.size(ws) == 0)) {
            throw new WorkspaceException("cli.init.exists", null, ws);
        }
        AppContext ctx = root.openOrCreate();
        out().println(messages().get("cli.init.created", ctx.workspace().toAbsolutePath()));
        return QunDeskCli.OK;
    }
}
