package com.qundesk.app;

import com.qundesk.workspace.AppContext;
import com.qundesk.core.UserPrefs;
import com.qundesk.core.AppPaths;
import com.qundesk.cli.QunDeskCli;
import javafx.application.Application;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

/**
 * Entry point of {@code qundesk.jar}: no subcommand opens the window, a subcommand runs the CLI.
 * It is not the {@code Application} subclass, so the jar starts from the class path.
 */
public final class Launcher {

    private static final Set<String> CLI_FLAGS = Set.of("-h", "--help", "-V", "--version");

    private Launcher() {
    }

    public static void main(String[] args) {
        AppPaths paths = AppPaths.forCurrentUser();
        if (System.getProperty("qundesk.logdir") == null) {
            System.setProperty("qundesk.logdir", paths.logDir().toString());
        }
        if (isCli(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(QunDeskCli.run(args, paths, Clock.systemUTC(), out, err));
        }
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        if (!"system".equals(prefs.get(UserPrefs.LANGUAGE, "system"))) {
            NativeDialogLanguage.apply(AppContext.localeFrom(prefs));
        }
        Application.launch(QunDeskApp.class, args);
    }

    /** True when the arguments name a subcommand (or ask for help/version) rather than just a workspace. */
    static boolean isCli(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--workspace") || a.equals("--import")) {
                i++;
            } else if (a.startsWith("--workspace=") || a.startsWith("--import=")) {
                continue;
            } else if (CLI_FLAGS.contains(a) || !a.startsWith("-")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code --import} values among GUI arguments: files or folders to queue in the Import view. */
    static java.util.List<String> importArgs(java.util.List<String> args) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--import") && i + 1 < args.size()) {
                out.add(args.get(++i));
            } else if (a.startsWith("--import=")) {
                out.add(a.substring("--import=".length()));
            }
        }
        return out;
    }

    /** The {@code --workspace} value among GUI arguments, or null. */
    static String workspaceArg(java.util.List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--workspace") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--workspace=")) {
                return a.substring("--workspace=".length());
            }
        }
        return null;
    }
}
