package com.qundesk.ui;

import java.nio.file.Path;

/** The moves a view may ask of its window: the window implements them, a view only asks. */
public interface Navigator {

    /** Opens the Groups view with one group selected. */
    void showGroup(long groupId);

    /** Opens another workspace in this window (after a restore, or a demo), rebuilding its views. */
    void openWorkspace(Path workspace, boolean demo);

    /** Rebuilds the window's views (the language or the theme changed). */
    void reloadUi();
}
