package com.qundesk.cli;

import picocli.CommandLine.Command;

/** {@code qundesk groups …}: the registry from the command line. */
@Command(name = "groups", mixinStandardHelpOptions = true, description = "List, change, import and export the groups registry.",
        subcommands = {GroupsListCommand.class, GroupsUpdateCommand.class, GroupsImportCommand.class, GroupsExportCommand.class})
final class GroupsCommand {
}
