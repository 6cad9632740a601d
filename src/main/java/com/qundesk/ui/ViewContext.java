package com.qundesk.ui;

import com.qundesk.i18n.Messages;

import java.time.Clock;

/**
 * What every view of one window shares, and nothing more: the operator's language and zone, the clock, the
 * background runner, the theme and the few moves a view may ask of the window. The workspace's services are
 * not in here: each controller is handed, in its constructor, exactly the services it uses.
 */
public record ViewContext(Messages messages, Formats formats, Clock clock, UiTasks tasks, Theme theme,
                          Navigator navigator) {
}
