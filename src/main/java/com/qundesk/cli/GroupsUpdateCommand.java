package com.qundesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qundesk.core.ValidationException;
import com.qundesk.group.ConflictException;
import com.qundesk.group.Group;
import com.qundesk.i18n.Messages;
import com.qundesk.workspace.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code qundesk groups update ID [--name N] [--owner O] [--member-count N] [--capacity N] [--tags T,…]
 * [--assignee A] [--expect-version V]}: changes the named fields of one group. With {@code --expect-version} the
 * change is made only if the group is still at that version (what the script read from {@code groups list});
 * otherwise exit 1 saying who changed it since, and nothing is written.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change fields of one group; with --expect-version, only if nobody changed it since.")
final class GroupsUpdateCommand extends CliCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "ID")
    private long id;
    @Option(names = "--name", paramLabel = "NAME")
    private String name;
    @Option(names = "--owner", paramLabel = "OWNER", description = "the group's owner (empty: none)")
    private String owner;
    @Option(names = "--member-count", paramLabel = "N")
    private Integer memberCount;
    @Option(names = "--capacity", paramLabel = "N")
    private Integer capacity;
    @Option(names = "--tags", paramLabel = "T,…", description = "the group's tags, comma-separated (replace all)")
    private String tags;
    @Option(names = "--assignee", paramLabel = "OPERATOR", description = "the operator assigned (empty: nobody)")
    private String assignee;
    @Option(names = "--expect-version", paramLabel = "V",
            description = "refuse the change (exit 1) if the group is no longer at version V")
    private Long expectVersion;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    private Format format;

    @Override
    public Integer call() throws IOException {
        Messages m = messages();
        if (name == null && owner == null && memberCount == null && capacity == null && tags == null
                && assignee == null) {
            err().println(m.get("cli.error", m.get("cli.groups.nothingToUpdate")));
            return QunDeskCli.FAILED;
        }
        AppContext ctx = root().openToChange();
        Group stored = ctx.groups().get(id);
        Group.Builder b = stored.toBuilder();
        if (expectVersion != null) {
            b.version(expectVersion);
        }
        if (name != null) {
            b.name(name);
        }
        if (owner != null) {
            b.owner(owner);
        }
        if (memberCount != null) {
            b.memberCount(memberCount);
        }
        if (capacity != null) {
            b.capacity(capacity);
        }
        if (tags != null) {
            b.tags(Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
        }
        if (assignee != null) {
            b.assignee(assignee.isBlank() ? null : assignee.strip());
        }
        try {
            Group saved = ctx.groups().update(b.build());
            if (format == Format.json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("id", saved.id());
                o.put("version", saved.version());
                o.put("assignee", saved.assignee());
                out().println(o);
            } else {
                out().println(m.get("cli.groups.updated", saved.id(), saved.version()));
            }
            return QunDeskCli.OK;
        } catch (ConflictException e) {
            err().println(m.get("cli.error", m.describe(e)));
            if (format == Format.json) {
                out().println(conflictJson(e));
            }
            return QunDeskCli.FAILED;
        } catch (ValidationException e) {
            err().println(m.get("cli.error", e.errors().stream().map(m::describe).collect(Collectors.joining(" "))));
            return QunDeskCli.FAILED;
        }
    }

    private static String conflictJson(ConflictException e) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("conflict", true);
        o.put("id", e.theirs().id());
        o.put("sinceVersion", e.sinceVersion());
        o.put("version", e.theirs().version());
        ArrayNode by = o.putArray("changedBy");
        e.actors().forEach(by::add);
        o.put("changedAt", e.changedAt() == null ? null : e.changedAt().toString());
        ArrayNode fields = o.putArray("fields");
        for (ConflictException.Field f : e.fields()) {
            fields.addObject().put("field", f.field()).put("theirs", f.theirs()).put("mine", f.mine())
                    .put("theyChanged", f.theyChanged());
        }
        return mapper.writeValueAsString(o);
    }
}
