package com.qundesk.shell;

import com.qundesk.workspace.AppContext;
import com.qundesk.i18n.Messages;
import com.qundesk.ui.Formats;
import com.qundesk.ui.Navigator;
import com.qundesk.ui.Theme;
import com.qundesk.ui.UiTasks;
import com.qundesk.ui.ViewContext;

import java.nio.file.Path;

/**
 * What the views of one window share: the open workspace, the operator's language and zone, the
 * background runner, the theme, and the few window-level actions a view may ask for.
 */
public record UiContext(AppContext app, Messages messages, Formats formats, UiTasks tasks, Theme theme,
                        WindowActions actions) {

    /** The same, as the views that are handed only what they use take it. */
    public ViewContext view() {
        return new ViewContext(messages, formats, app.clock(), tasks, theme, actions);
    }

    /** Window-level actions: switching workspace or language rebuilds the window's views. */
    public interface WindowActions extends Navigator {
        void openWorkspace(Path workspace, boolean demo);

        void reloadUi();

        void show(Section section);

        /** Opens the Groups view with one group selected. */
        void showGroup(long groupId);
    }
}
