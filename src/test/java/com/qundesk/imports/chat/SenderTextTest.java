package com.qundesk.imports.chat;

import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.imports.ImportOptions;
import com.qundesk.imports.ImportProgress;
import com.qundesk.imports.ImportResult;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.qundesk.imports.chat.ChatFixtures.OWNER;
import static com.qundesk.imports.chat.ChatFixtures.ROOM;
import static com.qundesk.imports.chat.ChatFixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Senders whose ids hold what COPY's text format and PostgreSQL's text treat specially — tabs, backslashes,
 * {@code \N}, emoji, Chinese — and the exporting account, whose key starts with U+0000 on SQLite: stored
 * and read back unchanged on both databases, so a second import finds every sender and every message again.
 */
@BothDatabases
class SenderTextTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;
    private Group room;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir.resolve("ws"));
        room = w.ctx.groups().create(Group.draft(Platform.WECHAT, "夜话会1群", Purpose.INDUSTRY, GroupKind.LONG_TERM)
                .toBuilder().externalId(ROOM).build());
    }

    @Test
    void sendersWithTabsNewlinesBackslashesAndEmojiRoundTripAndAreFoundAgain() throws Exception {
        List<String> ids = List.of("wxid_tab\there", "wxid_back\\slash", "\\N", "wxid_😀群友",
                "小王\\t", OWNER);
        long at = ChatFixtures.at("2026-11-02T09:00:00");
        List<ChatFixtures.Msg> msgs = new java.util.ArrayList<>();
        msgs.add(ChatFixtures.notice(at - 60, "\"张三\"邀请\"李四\"加入了群聊")); // as WeChatMsg files start
        for (int i = 0; i < ids.size(); i++) {
            msgs.add(ChatFixtures.text(at + i, ids.get(i), "第" + i + "条\t\\N\n😀"));
        }
        Path file = ChatFixtures.wechatMsg(dir, "夜话会1群", ROOM, msgs);

        ImportResult first = run(file);
        ImportResult again = run(file);

        assertThat(first.imported()).as(first.toString()).isEqualTo(msgs.size());
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(msgs.size());
        Map<String, String> stored = senders();
        assertThat(stored).hasSize(ids.size());
        // this layout's Sender column is a display name: the key is U+0001 and the name, the name is kept as given
        assertThat(stored.values()).contains("wxid_tab\there", "wxid_back\\slash", "\\N", "wxid_😀群友", "小王\\t");
        assertThat(stored).containsKeys("\0self", "\u0001wxid_tab\there", "\u0001\\N", "\u0001wxid_😀群友");
    }

    private ImportResult run(Path file) {
        return w.ctx.chatImports().importFile(file, ImportOptions.in(ZONE).withGroup(room.id()), () -> false,
                ImportProgress.NONE);
    }

    /** Every stored sender: key → display name, as the import reads them back. */
    private Map<String, String> senders() {
        return w.ctx.database().read(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sender_key, display_name FROM chat_sender");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(Dialect.of(c).fromStored(rs.getString(1)), rs.getString(2));
                }
            }
            return out;
        });
    }
}
