package com.qundesk.shell;

import com.qundesk.ui.ViewContext;
import com.qundesk.workspace.AppContext;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the window gets its controllers without building them: for one open workspace and the window's view context,
 * the composition (in the app) answers the controller of each view FXML asks for.
 */
@FunctionalInterface
public interface ViewComposition {

    /**
     * The controller factory of one build of the window's views. {@code opened} hands over, once, what Today shows,
     * read while the workspace opened (null afterwards), so the first Today view need not read it again.
     */
    Function<Class<?>, Object> controllers(AppContext workspace, ViewContext view, Supplier<TodayStart> opened);
}
