package com.qundesk.campaign;

import com.qundesk.db.Dialect;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Campaigns carry a version and an assignee; a save from an older version is refused and writes nothing. */
@BothDatabases
class CampaignVersionTest {

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private CampaignService campaigns;

    @BeforeEach
    void open() {
        campaigns = TestWorkspace.on(dialect, dir).ctx.campaigns();
    }

    private Campaign create() {
        return campaigns.create(Campaign.draft(CampaignType.NIGHT_TALK, "双11夜话", TestWorkspace.NOW,
                TestWorkspace.NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void everySaveRaisesTheVersionAndKeepsTheAssignee() {
        Campaign k = create();
        assertThat(k.version()).isEqualTo(1);
        assertThat(k.assignee()).isNull();
        Campaign assigned = campaigns.update(k.withAssignee(" ann ", k.version()));
        assertThat(assigned.version()).isEqualTo(2);
        assertThat(assigned.assignee()).isEqualTo("ann");
        assertThat(campaigns.cancel(k.id(), "下雨").version()).isEqualTo(3);
        assertThat(campaigns.get(k.id()).assignee()).isEqualTo("ann");
    }

    @Test
    void aSaveFromAnOlderVersionIsRefusedAndWritesNothing() {
        Campaign opened = create();
        campaigns.update(opened.withAssignee("bob", opened.version()));

        CampaignConflictException e = catchThrowableOfType(CampaignConflictException.class,
                () -> campaigns.update(opened.withAssignee("ann", opened.version())));

        assertThat(e.messageKey()).isEqualTo("campaign.conflict");
        assertThat(e.messageArgs()).startsWith("双11夜话").contains(1L, 2L);
        assertThat(campaigns.get(opened.id()).assignee()).isEqualTo("bob");
        assertThat(campaigns.get(opened.id()).version()).isEqualTo(2);
    }
}
