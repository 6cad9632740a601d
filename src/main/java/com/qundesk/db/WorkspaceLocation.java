package com.qundesk.db;

import java.nio.file.Path;

/**
 * Which workspace to open: a SQLite file on this PC (the default) or a database on a team's PostgreSQL server. Both
 * are opened by {@link Database#open(WorkspaceLocation, Database.BeforeMigration)} and used by the same services.
 */
public sealed interface WorkspaceLocation {

    /** A workspace file on this PC. */
    record LocalFile(Path file) implements WorkspaceLocation {
        @Override
        public String display() {
            return file.toAbsolutePath().toString();
        }

        @Override
        public String shortName() {
            return file.getFileName().toString();
        }
    }

    /** A team workspace: a database on a PostgreSQL server. */
    record Server(ServerAddress address) implements WorkspaceLocation {
        @Override
        public String display() {
            return address.display();
        }

        @Override
        public String shortName() {
            return address.database() + "@" + address.host();
        }
    }

    /** How the workspace is named in full: the file's absolute path, or the server address without a password. */
    String display();

    /** A short name for window titles and reports. */
    String shortName();

    /**
     * What the operator typed for {@code --workspace} or in Settings: a {@code postgresql://…} address is a server,
     * anything else a file.
     */
    static WorkspaceLocation of(String text) {
        return ServerAddress.looksLikeServer(text) ? new Server(ServerAddress.parse(text)) : new LocalFile(Path.of(text));
    }

    static WorkspaceLocation of(Path file) {
        return new LocalFile(file);
    }
}
