package com.qundesk.flash;

import com.qundesk.db.Database;
import com.qundesk.db.Dialect;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notices addressed to people, on both databases: a copy reads those for its operator and those for whoever is
 * on duty; two copies that read the same unshown notice at the same moment show it once (the conditional write
 * counts the row), and the flash notices and the plan deliveries are taken apart.
 */
@BothDatabases
class NoticeInboxRepositoryTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private final NoticeInboxRepository repo = new NoticeInboxRepository();
    private Database db;
    private long groupId;
    private final Instant now = TestWorkspace.NOW;

    @BeforeEach
    void aGroupWithNoticesForAnnForBobAndForWhoeverIsOnDuty() {
        TestWorkspace w = TestWorkspace.on(dialect, dir);
        db = w.ctx.database();
        groupId = w.ctx.groups().create(Group.draft(Platform.WECHAT, "读者群", Purpose.FAN, GroupKind.LONG_TERM)).id();
        db.inTransaction(c -> {
            for (String recipient : new String[] {"ann", null, "bob"}) {
                repo.add(c, recipient, NoticeInboxRepository.Entry.of(groupId, "reminder", null, now, now, false,
                        false), now);
            }
            return null;
        });
    }

    @Test
    void aCopyReadsWhatIsForItsOperatorAndForWhoeverIsOnDuty() {
        assertThat(unshown("ann", false)).hasSize(2)
                .allSatisfy(e -> assertThat(e.groupName()).isEqualTo("读者群"));
        assertThat(unshown("carl", false)).hasSize(1);
        assertThat(unshown(null, false)).as("a workspace file's one operator").hasSize(3);
        assertThat(unshown("ann", true)).as("no plan delivery").isEmpty();
    }

    @Test
    void twoCopiesReadingTheSameNoticeShowItOnce() {
        List<NoticeInboxRepository.Entry> first = unshown("ann", false);
        List<NoticeInboxRepository.Entry> second = unshown("ann", false);
        assertThat(second).isEqualTo(first);

        for (NoticeInboxRepository.Entry e : first) {
            assertThat(markShown(e.id())).isTrue();
        }
        for (NoticeInboxRepository.Entry e : second) {
            assertThat(markShown(e.id())).as("shown already").isFalse();
        }
        assertThat(unshown("ann", false)).isEmpty();
        assertThat(unshown("bob", false)).as("bob's is still his").hasSize(1);
    }

    private List<NoticeInboxRepository.Entry> unshown(String recipient, boolean deliveries) {
        return db.read(c -> repo.unshown(c, recipient, deliveries));
    }

    private boolean markShown(long id) {
        Boolean shown = db.inTransaction(c -> repo.markShown(c, id, now));
        return shown;
    }
}
