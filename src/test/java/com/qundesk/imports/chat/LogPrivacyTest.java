package com.qundesk.imports.chat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.qundesk.cli.QunDeskCli;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.qundesk.imports.chat.ChatFixtures.ROOM;
import static com.qundesk.imports.chat.ChatFixtures.ZONE;
import static com.qundesk.imports.chat.ChatFixtures.at;
import static com.qundesk.imports.chat.ChatFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs never hold message contents: everything logged at any level while chats are imported (service and CLI,
 * a good file, a broken one, an undo) is searched for the words of the messages.
 */
@BothDatabases
class LogPrivacyTest {

    @Parameter
    Dialect dialect;

    static final String SECRET = "机密内容SECRET4711";

    @TempDir
    Path dir;
    TestWorkspace w;
    ListAppender<ILoggingEvent> captured;
    Level rootLevel;

    final List<ch.qos.logback.core.Appender<ILoggingEvent>> consoleAppenders = new java.util.ArrayList<>();

    /** QunDesk's own logging at every level, libraries at the level the app runs them (INFO); nothing on the console. */
    @BeforeEach
    void captureEverything() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.iteratorForAppenders().forEachRemaining(consoleAppenders::add);
        consoleAppenders.forEach(root::detachAppender);
        captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.INFO);
        ((Logger) LoggerFactory.getLogger("com.qundesk")).setLevel(Level.ALL);
        w = TestWorkspace.on(dialect, dir.resolve("ws"));
        w.ctx.groups().create(Group.draft(Platform.WECHAT, "夜话会1群", Purpose.INDUSTRY, GroupKind.LONG_TERM)
                .toBuilder().externalId(ROOM).build());
    }

    @AfterEach
    void stopCapturing() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        consoleAppenders.forEach(root::addAppender);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("com.qundesk")).setLevel(null);
    }

    @Test
    void importsLogFileNamesAndCountsNeverTheMessages() throws Exception {
        long t = at("2026-11-20T20:00:00");
        Path good = ChatFixtures.wechatMsg(dir.resolve("in"), "夜话会1群", ROOM, List.of(
                text(t, "wxid_a", "第一条 " + SECRET),
                text(t + 60, "wxid_b", SECRET + " 第二条，\"引号\""),
                text(t + 120, "wxid_c", "普通的一句话")));
        ImportResult r = w.ctx.chatImports().importFile(good, ImportOptions.in(ZONE), () -> false,
                ImportProgress.NONE);
        assertThat(r.imported()).isEqualTo(3);
        w.ctx.chatImports().undo(r.importId());

        // a broken JSON export whose damage sits inside a message text
        Path broken = dir.resolve("in/broken.json");
        Files.writeString(broken, "[{\"seq\":1,\"time\":\"2026-11-20T20:00:00+08:00\",\"talker\":\"" + ROOM
                + "\",\"isChatRoom\":true,\"sender\":\"wxid_a\",\"type\":1,\"content\":\"" + SECRET + " \u0001 {{{",
                StandardCharsets.UTF_8);
        w.close();
        for (Path f : List.of(good, broken)) {
            StringWriter err = new StringWriter();
            QunDeskCli.run(new String[] {"import", "chat", f.toString(), "--workspace", w.location.display()}, w.paths,
                    w.clock, new PrintWriter(new StringWriter()), new PrintWriter(err));
        }

        assertThat(captured.list).as("the imports logged something to search").isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            String all = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(all).doesNotContain(SECRET).doesNotContain("第一条").doesNotContain("普通的一句话");
        }
    }
}
