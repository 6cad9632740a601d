package com.qundesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the password for a team workspace the way PostgreSQL's own tools do, so a team sets it up once for psql and
 * QunDesk alike: {@code PGPASSWORD}, then the password file ({@code PGPASSFILE} or {@code ~/.pgpass}, lines of
 * {@code host:port:database:user:password} where {@code *} matches anything and {@code \:} / {@code \\} escape).
 * The password is only ever handed to the driver; it is not logged, stored or shown.
 */
public final class PgPassword {

    private final Map<String, String> env;
    private final Path home;

    public PgPassword(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static PgPassword system() {
        return new PgPassword(System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /** The password for {@code address}, or empty when none is configured (the server may not need one). */
    public Optional<String> lookup(ServerAddress address) {
        String direct = env.get("PGPASSWORD");
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(direct);
        }
        Path file = env.containsKey("PGPASSFILE") ? Path.of(env.get("PGPASSFILE")) : home.resolve(".pgpass");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> f = fields(line);
                if (f.size() == 5 && matches(f.get(0), address.host()) && matches(f.get(1), Integer.toString(address.port()))
                        && matches(f.get(2), address.database()) && matches(f.get(3), address.user())) {
                    return Optional.of(f.get(4));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits one line at unescaped colons, undoing {@code \:} and {@code \\}. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
