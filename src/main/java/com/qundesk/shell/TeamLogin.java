package com.qundesk.shell;

import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.i18n.Messages;
import com.qundesk.workspace.AppContext;

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

    /** The window's title: the workspace's short name, and in a team workspace who is working in it. */
    static String title(Messages m, AppContext context) {
        return context.location() instanceof WorkspaceLocation.Server
                ? m.get("window.titleTeam", context.location().shortName(), context.operator())
                : m.get("window.title", context.location().shortName());
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
