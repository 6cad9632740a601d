package com.qundesk.testsupport;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.AppPaths;
import com.qundesk.core.UserPrefs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for the one-writer tests: opens the workspace named in {@code args[0]} as QunDesk does, says
 * {@code READY <pid>} and holds it until its stdin closes or it is killed.
 */
public final class HoldWorkspace {

    private HoldWorkspace() {
    }

    public static void main(String[] args) throws IOException {
        AppPaths paths = AppPaths.forCurrentUser();
        try (AppContext ctx = AppContext.open(paths, new UserPrefs(paths.prefsFile()), Path.of(args[0]),
                Clock.systemUTC())) {
            System.out.println("READY " + ProcessHandle.current().pid() + " " + ctx.groups().list().size());
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the workspace until the parent lets go
            }
        }
    }
}
