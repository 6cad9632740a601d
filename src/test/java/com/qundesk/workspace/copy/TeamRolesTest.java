package com.qundesk.workspace.copy;

import com.qundesk.core.AppPaths;
import com.qundesk.core.MutableClock;
import com.qundesk.core.UserPrefs;
import com.qundesk.db.Database;
import com.qundesk.db.ServerAddress;
import com.qundesk.db.WorkspaceException;
import com.qundesk.db.WorkspaceLocation;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.PostgresServer;
import com.qundesk.testsupport.TestWorkspace;
import com.qundesk.workspace.AppContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roles docs/team.md tells a team to create, created from the very files it shows (docs/team-roles.sql and
 * docs/team-grants.sql), on a real server: the owner migrates, an operator works through the app, a viewer reads the
 * dashboard and is refused a write. None of them is a superuser.
 */
class TeamRolesTest {

    @TempDir
    Path dir;

    /** The statements of a doc's SQL file, its comments left out (the files keep semicolons to statement ends). */
    private static List<String> statements(String file) throws Exception {
        String text = Files.readString(Path.of("docs", file), StandardCharsets.UTF_8);
        String sql = String.join("\n", text.lines().filter(l -> !l.strip().startsWith("--")).toList());
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void runAsSuperuser(String database, List<String> statements) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresServer.get().url(database), PostgresServer.SUPERUSER, "");
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** Runs docs/team-roles.sql once per server: the roles are the server's, shared by every database on it. */
    private static synchronized void rolesOnce() throws Exception {
        if (!rolesMade) {
            runAsSuperuser("postgres", statements("team-roles.sql"));
            rolesMade = true;
        }
    }

    private static boolean rolesMade;

    /**
     * A second team database made as docs/team-roles.sql makes {@code qundesk}, migrated by the owner alone (as the
     * first start of a new QunDesk version does), then given docs/team-grants.sql: nobody has opened it in the app.
     */
    private static String migratedByTheOwner(String database) throws Exception {
        runAsSuperuser("postgres", List.of("CREATE DATABASE " + database + " OWNER qundesk_owner ENCODING 'UTF8' TEMPLATE template0",
                "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + database + " TO qundesk_operator, qundesk_viewer"));
        Database.open(new ServerAddress("127.0.0.1", PostgresServer.get().port(), database, "qundesk_owner",
                Map.of()), Optional.empty()).close();
        runAsSuperuser(database, statements("team-grants.sql"));
        return database;
    }

    private AppContext open(String user) {
        return open(user, "qundesk");
    }

    private AppContext open(String user, String database) {
        ServerAddress address = new ServerAddress("127.0.0.1", PostgresServer.get().port(), database, user, Map.of());
        AppPaths paths = new AppPaths(dir.resolve(user));
        UserPrefs prefs = new UserPrefs(paths.prefsFile());
        prefs.put(UserPrefs.LANGUAGE, "en");
        return AppContext.open(paths, prefs, new WorkspaceLocation.Server(address), new MutableClock(TestWorkspace.NOW));
    }

    @Test
    void theDocumentedRolesLetOperatorsWorkAndViewersOnlyRead() throws Exception {
        PostgresServer.database(TeamRolesTest.class); // starts the server (or skips with the documented opt-out)
        rolesOnce();
        Database.open(new ServerAddress("127.0.0.1", PostgresServer.get().port(), "qundesk", "qundesk_owner",
                Map.of()), Optional.empty()).close();
        assertThatThrownBy(() -> open("lin").close())
                .as("before step 2 an operator is told it lacks a right, not that the workspace is damaged")
                .isInstanceOf(WorkspaceException.class)
                .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverPrivilege");
        runAsSuperuser("qundesk", statements("team-grants.sql"));
        runAsSuperuser("qundesk", statements("team-grants.sql")); // the doc says running it again changes nothing

        try (Connection c = DriverManager.getConnection(PostgresServer.get().url("qundesk"), "lin", "");
             Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                     + "WHERE rolname IN ('qundesk_owner', 'qundesk_operator', 'qundesk_viewer', 'lin', 'chen')")) {
            while (rs.next()) {
                assertThat(rs.getBoolean(1)).as("no role of the team is a superuser or may create roles or databases")
                        .isFalse();
            }
        }

        long id;
        try (AppContext lin = open("lin")) {
            assertThat(lin.operator()).isEqualTo("lin");
            Group g = lin.groups().create(Group.draft(Platform.WECHAT, "读者群", Purpose.FAN, GroupKind.LONG_TERM));
            id = g.id();
            Group renamed = lin.groups().update(g.toBuilder().name("读者一群").memberCount(120).build());
            assertThat(renamed.name()).isEqualTo("读者一群");
            assertThat(lin.groups().history(id)).hasSizeGreaterThan(1);
        }
        try (AppContext wang = open("wang")) {
            assertThat(wang.groups().get(id).name()).as("another operator sees it").isEqualTo("读者一群");
            assertThatThrownBy(() -> wang.database().withConnection(c -> c.createStatement()
                    .execute("CREATE TABLE mine (x INTEGER)")))
                    .as("an operator creates no table").isInstanceOf(WorkspaceException.class)
                    .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverPrivilege");
        }
        try (AppContext chen = open("chen")) {
            assertThat(chen.dashboard().portfolio(TestWorkspace.NOW.atZone(TestWorkspace.ZONE).toLocalDate(), 28)
                    .byStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
            assertThatThrownBy(() -> chen.groups().create(Group.draft(Platform.WECHAT, "经理的群", Purpose.FAN,
                    GroupKind.LONG_TERM)))
                    .isInstanceOf(WorkspaceException.class)
                    .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverPrivilege");
            assertThat(chen.groups().list()).hasSize(1);
        }
    }

    @Test
    void aViewerOpensATeamWorkspaceNobodyOpenedBeforeAndReadsTheDashboard() throws Exception {
        PostgresServer.database(TeamRolesTest.class);
        rolesOnce();
        String db = migratedByTheOwner("qundesk_viewer_first");

        try (AppContext chen = open("chen", db)) {
            assertThat(chen.operator()).isEqualTo("chen");
            assertThat(chen.dashboard().portfolio(TestWorkspace.NOW.atZone(TestWorkspace.ZONE).toLocalDate(), 28)
                    .byStatus().values().stream().mapToInt(Integer::intValue).sum()).isZero();
            assertThat(chen.groups().list()).isEmpty();
            assertThat(chen.templates().list()).as("the starter library is an operator's to add, not a viewer's").isEmpty();
        }
        try (AppContext lin = open("lin", db)) {
            assertThat(lin.templates().list()).as("the first operator to open it adds the starter library").isNotEmpty();
        }
        try (AppContext chen = open("chen", db)) {
            assertThat(chen.templates().list()).isNotEmpty();
        }
    }

    @Test
    void anOperatorOpensATeamWorkspaceNobodyOpenedBeforeAndWorks() throws Exception {
        PostgresServer.database(TeamRolesTest.class);
        rolesOnce();
        String db = migratedByTheOwner("qundesk_operator_first");

        try (AppContext zhao = open("zhao", db)) {
            assertThat(zhao.templates().list()).isNotEmpty();
            long id = zhao.groups().create(Group.draft(Platform.WECHAT, "新人群", Purpose.FAN, GroupKind.LONG_TERM)).id();
            assertThat(zhao.groups().history(id).getFirst().actor()).isEqualTo("zhao");
        }
        try (AppContext chen = open("chen", db)) {
            assertThat(chen.groups().list()).hasSize(1);
        }
    }

    @Test
    void operatorsAndAViewerOpeningANewTeamWorkspaceAtOnceAllOpenAndTheStarterLibraryIsAddedOnce() throws Exception {
        PostgresServer.database(TeamRolesTest.class);
        rolesOnce();
        String db = migratedByTheOwner("qundesk_all_at_once");
        List<String> users = List.of("lin", "wang", "zhao", "chen");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(users.size());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(users.size());
        List<AppContext> opened = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<AppContext>> opening = new java.util.ArrayList<>();
            for (String user : users) {
                opening.add(pool.submit(() -> {
                    together.await();
                    return open(user, db);
                }));
            }
            for (var f : opening) {
                opened.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS)); // before the fix: a duplicate key
            }
            TestWorkspace file = new TestWorkspace(dir.resolve("file"));
            int starters = file.ctx.templates().list().size();
            file.close();
            assertThat(opened.getFirst().templates().list()).hasSize(starters);
        } finally {
            opened.forEach(AppContext::close);
            pool.shutdownNow();
        }
    }

    @Test
    void aViewersCopyIsReadOnlyAndClaimsNoReminderOrPlanDelivery() throws Exception {
        PostgresServer.database(TeamRolesTest.class);
        rolesOnce();
        String db = migratedByTheOwner("qundesk_viewer_polls");
        try (AppContext lin = open("lin", db)) {
            assertThat(lin.populateDemoIfEmpty()).isTrue();
            assertThat(lin.readOnly()).isFalse();
        }
        try (AppContext chen = open("chen", db)) {
            // the window's notification center polls only when the copy may write: a viewer's poll would be refused
            // at open and every 30 s (before: permission denied for table reminder, a dialog each time)
            assertThat(chen.readOnly()).as("the window does not poll for a viewer").isTrue();
            assertThatThrownBy(() -> chen.scheduler().poll()).isInstanceOf(WorkspaceException.class)
                    .extracting(e -> ((WorkspaceException) e).messageKey()).isEqualTo("workspace.error.serverPrivilege");
        }
        try (AppContext lin = open("lin", db)) {
            assertThat(lin.scheduler().poll()).as("the operators' notices are still theirs to have").isNotEmpty();
        }
        TestWorkspace file = new TestWorkspace(dir.resolve("file"));
        assertThat(file.ctx.readOnly()).as("a workspace file").isFalse();
        file.close();
    }
}
