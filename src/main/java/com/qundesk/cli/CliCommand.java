package com.qundesk.cli;

import com.qundesk.i18n.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** Shared plumbing for subcommands: the root (workspace, clock), output streams and messages. */
abstract class CliCommand {

    @Spec
    protected CommandSpec spec;

    protected QunDeskCli root() {
        return (QunDeskCli) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected Messages messages() {
        return root().messages();
    }
}
