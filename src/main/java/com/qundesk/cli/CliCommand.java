package com.qundesk.cli;

import com.qundesk.i18n.Messages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;

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

    /**
     * Reads a time option (see {@link CliTimes#parse}) and says on stderr when its local time does not exist
     * or happens twice in {@code zone} (a DST change), and how it was read.
     */
    protected Instant time(String text, ZoneId zone, boolean endOfDay, String option) {
        Instant at = CliTimes.parse(text, zone, endOfDay, option);
        CliTimes.note(text, zone, messages()).ifPresent(err()::println);
        return at;
    }
}
