package com.qundesk.ui;

import com.qundesk.db.WorkspaceLocation;

import java.nio.file.Path;

/** The moves a view may ask of its window: the window implements them, a view only asks. */
public interface Navigator {

    /** Opens the Groups view with one group selected. */
    void showGroup(long groupId);

    /**
     * Opens another workspace in this window (a file after a restore or a demo, or a team workspace on a server),
     * rebuilding its views; when it cannot be opened the window stays on the workspace it had.
     */
    void openWorkspace(WorkspaceLocation workspace, boolean demo);

    /** Opens another workspace file in this window. */
    default void openWorkspace(Path workspace, boolean demo) {
        openWorkspace(WorkspaceLocation.of(workspace), demo);
    }

    /** Asks for a team server's address (the connect dialog) and opens the team workspace there. */
    void connectToTeamServer();

    /** Rebuilds the window's views (the language or the theme changed). */
    void reloadUi();
}
