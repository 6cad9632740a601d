package com.qundesk.value;

import com.qundesk.db.Dialect;
import com.qundesk.stats.DailyStat;
import com.qundesk.core.FieldError;
import com.qundesk.group.Group;
import com.qundesk.group.GroupKind;
import com.qundesk.group.Platform;
import com.qundesk.group.Purpose;
import com.qundesk.core.ValidationException;
import com.qundesk.io.RejectedRow;
import com.qundesk.testsupport.BothDatabases;
import com.qundesk.testsupport.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BothDatabases
class LedgerImporterTest {

    /** Every test here runs on a workspace file and on a team workspace on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;
    private TestWorkspace w;
    private Group g;

    @BeforeEach
    void open() {
        w = TestWorkspace.on(dialect, dir);
        g = w.ctx.groups().create(Group.draft(Platform.WECHAT, "读者群", Purpose.FAN, GroupKind.LONG_TERM).toBuilder()
                .externalId("42@chatroom").memberCount(100).build());
    }

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void valuesImportOnceByIdOrNameAndReportBadRows() throws Exception {
        Path f = file("v.csv", "group,time,dimension,title,reach,campaign\n"
                + "42@chatroom,2026-11-20 20:00,福利,满30减10,80,\n"
                + "读者群,2026-11-21T09:00:00Z,information,早报,,\n"
                + "读者群,2026-11-21,unknown,x,1,\n"
                + "读者群,someday,cases,x,1,\n"
                + "读者群,2026-11-22,cases,x,-3,\n");
        LedgerImporter.Report r = w.ctx.ledgerImporter().importFile(f, LedgerImporter.Kind.VALUES);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.rejected()).extracting(RejectedRow::row).containsExactly(4, 5, 6);
        assertThat(r.rejected().get(0).reasons()).extracting(FieldError::messageKey)
                .containsExactly("ledger.badDimension");
        LedgerImporter.Report again = w.ctx.ledgerImporter().importFile(f, LedgerImporter.Kind.VALUES);
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(w.ctx.ledger().events(g.id(), TestWorkspace.NOW.minusSeconds(86400 * 30), TestWorkspace.NOW))
                .hasSize(2);
    }

    @Test
    void outcomesAcceptChineseTypesAndReplaceTheDaysValue() throws Exception {
        w.ctx.ledgerImporter().importFile(file("o.csv", "group,day,type,value\n读者群,2026-11-20,发券,100\n"
                + "读者群,2026/11/20,核销,18\n"), LedgerImporter.Kind.OUTCOMES);
        w.ctx.ledgerImporter().importFile(file("o2.csv", "group,day,type,value\n读者群,2026-11-20,核销,20\n"),
                LedgerImporter.Kind.OUTCOMES);
        assertThat(w.ctx.ledger().outcomes(g.id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .extracting(Outcome::type, Outcome::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OutcomeType.COUPONS_ISSUED, 100.0),
                        org.assertj.core.groups.Tuple.tuple(OutcomeType.COUPONS_REDEEMED, 20.0));
    }

    @Test
    void statsImportWithPercentSharesAndAbsurdDatesRejected() throws Exception {
        LedgerImporter.Report r = w.ctx.ledgerImporter().importFile(file("s.csv",
                "group,day,members,joins,leaves,messages,speakers,top3_share,owner_messages,flagged_ads\n"
                        + "读者群,2026-11-20,100,3,1,120,14,65%,4,2\n"
                        + "读者群,1900-01-01,100,0,0,1,1,0.1,0,0\n"
                        + "读者群,2026-11-21,100,0,0,1,1,1.7,0,0\n"), LedgerImporter.Kind.STATS);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(r.rejected()).extracting(RejectedRow::row).containsExactly(3, 4);
        DailyStat s = w.ctx.ledger().stats(g.id(), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20)).getFirst();
        assertThat(s.top3Share()).isEqualTo(0.65);
        assertThat(s.messages()).isEqualTo(120);
        assertThat(s.source()).isEqualTo("import");
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefusedAsAWhole() throws Exception {
        assertThatThrownBy(() -> w.ctx.ledgerImporter().importFile(file("x.csv", "name,when\nA,B\n"),
                LedgerImporter.Kind.VALUES)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ledger.missingColumns"));
    }
}
