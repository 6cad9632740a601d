package com.qundesk.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a team workspace lives: a PostgreSQL database named by {@code postgresql://USER@HOST[:PORT]/DATABASE} (also
 * {@code postgres://…} and {@code jdbc:postgresql://…}), with the connection parameters QunDesk passes on
 * ({@code sslmode}, {@code sslrootcert}, …). A password is never part of it: one written into the address is refused,
 * so that it cannot end up in a shell history, a log or the settings file ({@link PgPassword} finds it instead).
 */
public record ServerAddress(String host, int port, String database, String user, Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;
    private static final Pattern URL = Pattern.compile(
            "(?i)^(?:jdbc:)?postgres(?:ql)?://(?:([^@/]*)@)?(\\[[^\\]]+\\]|[^:/?]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?$");
    /** The connection parameters that mean something to the driver and are safe to keep and show. */
    private static final Set<String> PARAMS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey",
            "connectTimeout", "options", "targetServerType");

    public ServerAddress {
        params = Map.copyOf(params);
    }

    /** True when {@code text} is meant as a server address rather than a file name. */
    public static boolean looksLikeServer(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://") || t.startsWith("jdbc:postgresql://");
    }

    /**
     * Parses an address; the user defaults to {@code PGUSER} or the operating system's user name.
     *
     * @throws WorkspaceException with a message for the operator when it is malformed or carries a password
     */
    public static ServerAddress parse(String text) {
        Matcher m = URL.matcher(text.trim());
        if (!m.matches()) {
            throw new WorkspaceException("workspace.error.serverAddress", null, text);
        }
        String userInfo = m.group(1);
        if (userInfo != null && userInfo.contains(":")) {
            throw new WorkspaceException("workspace.error.passwordInAddress", null);
        }
        String user = userInfo == null || userInfo.isEmpty() ? defaultUser() : decode(userInfo);
        String host = m.group(2);
        int port = m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65_535) {
            throw new WorkspaceException("workspace.error.serverAddress", null, text);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (m.group(5) != null) {
            for (String pair : m.group(5).split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equalsIgnoreCase("password")) {
                    throw new WorkspaceException("workspace.error.passwordInAddress", null);
                }
                if (key.equalsIgnoreCase("user")) {
                    user = value;
                } else if (PARAMS.contains(key)) {
                    params.put(key, value);
                } else if (!key.isEmpty()) {
                    throw new WorkspaceException("workspace.error.serverParameter", null, key, String.join(", ",
                            PARAMS.stream().sorted().toList()));
                }
            }
        }
        return new ServerAddress(host, port, decode(m.group(4)), user, params);
    }

    private static String defaultUser() {
        String env = System.getenv("PGUSER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name", "postgres");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The JDBC URL, without user or password (those are passed as properties). */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(encode(database));
        String sep = "?";
        for (var e : params.entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = "&";
        }
        return b.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** How the workspace is named to people and in settings: {@code postgresql://user@host:port/database}. */
    public String display() {
        return "postgresql://" + encode(user) + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port) + "/"
                + encode(database);
    }

    @Override
    public String toString() {
        return display();
    }
}
