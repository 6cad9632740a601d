package com.qundesk.shell;

import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.core.UserPrefs;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.ViewContext;
import com.qundesk.workspace.AppContext;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.sql.SQLException;
import java.util.stream.Collectors;

/** How the window names the open workspace and its operator, and reads a team server's refusal of a login. */
final class TeamLogin {

    /** SQLSTATEs of a server that wants a password it was not given (the driver's "no password was provided"). */
    private static final java.util.Set<String> PASSWORD_STATES = java.util.Set.of("08004", "28P01", "28000");

    private TeamLogin() {
    }

    /** True when the server refused the login, so that a password (another one) may help. */
    static boolean needsPassword(Throwable error) {
        if (error instanceof WorkspaceException w && "workspace.error.serverLogin".equals(w.messageKey())) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null && PASSWORD_STATES.contains(e.getSQLState())
                    && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The workspace as the last-workspace preference keeps it: the file's path, or the server's address with its
     * connection parameters (sslmode) and never a password; {@link WorkspaceLocation#of(String)} reads it back.
     */
    static String remembered(WorkspaceLocation location) {
        if (location instanceof WorkspaceLocation.Server s && !s.address().params().isEmpty()) {
            ServerAddress a = s.address();
            return a.display() + "?" + a.params().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
        return location.display();
    }

    /** The preference that says the operator was asked their name in a team workspace (the server's address). */
    private static final String ASKED_NAME = "askedName.";

    /**
     * Whether to ask the operator their name on opening: a team workspace where their login has no display name yet,
     * they were not asked on this PC before, and their role may write (a read-only viewer could not save it). Reads
     * the workspace: off the FX thread.
     */
    static boolean shouldAskName(UserPrefs prefs, AppContext ctx) {
        return ctx.location() instanceof WorkspaceLocation.Server s && !ctx.readOnly()
                && prefs.get(ASKED_NAME + s.address().display()).isEmpty()
                && !ctx.operators().displayNames().containsKey(ctx.operator());
    }

    /**
     * Asks once, at the first connect, how teammates should see the operator (prefilled with the login; "Skip" keeps
     * the login, and Settings › Workspace can name them later); the name is saved off the FX thread.
     */
    static void askName(ViewContext view, Window owner, UserPrefs prefs, AppContext ctx) {
        Messages m = view.messages();
        prefs.put(ASKED_NAME + ((WorkspaceLocation.Server) ctx.location()).address().display(), "yes");
        TextInputDialog d = new TextInputDialog(ctx.operator());
        d.initOwner(owner);
        d.setTitle(m.get("team.name.title"));
        d.setHeaderText(m.get("team.name.header", ctx.operator()));
        d.getEditor().setId("teamNameField");
        ButtonType save = new ButtonType(m.get("team.name.save"), ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(save, new ButtonType(m.get("team.name.skip"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        d.setResultConverter(b -> b == save ? d.getEditor().getText() : null);
        d.setOnHidden(e -> {
            String name = d.getResult();
            if (name != null && !name.isBlank()) {
                view.tasks().run(() -> {
                    ctx.operators().setDisplayName(ctx.operator(), name);
                    return name;
                }, saved -> { });
            }
        });
        d.show();
    }

    /** The window's title: the workspace's short name, and in a team workspace who is working in it. */
    static String title(Messages m, AppContext context) {
        return title(m, context.location(), context.operator());
    }

    /** The window's title with the operator named {@code name} (their display name once read). */
    static String title(Messages m, WorkspaceLocation location, String name) {
        return location instanceof WorkspaceLocation.Server
                ? m.get("window.titleTeam", location.shortName(), name)
                : m.get("window.title", location.shortName());
    }

    /**
     * The status bar's text: the team workspace with its operator ({@code name}: the display name, else the login), or
     * the file's path, with the operator's name once they set one (a file's login is only the OS user).
     */
    static String status(Messages m, WorkspaceLocation location, String login, String name) {
        if (location instanceof WorkspaceLocation.Server s) {
            return m.get("status.teamWorkspace", s.address().database() + "@" + s.address().host(), name);
        }
        return name.equals(login) ? m.get("status.workspace", location.display())
                : m.get("status.workspaceOperator", location.display(), name);
    }
}
