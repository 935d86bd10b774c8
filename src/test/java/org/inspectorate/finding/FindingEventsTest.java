package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.inspectorate.system.AuditableEvent;
import org.junit.jupiter.api.Test;

/** Each typed event writes the audit trail's action, subject and detail the register has always written. */
class FindingEventsTest {

    private static void audited(AuditableEvent event, String action, String subject, String detail) {
        assertThat(List.of(event.action(), event.subject(), event.detail())).as(event.toString())
                .containsExactly(action, subject, detail);
    }

    @Test
    void everyFactOfAFindingNamesItsOwnActionSubjectAndDetail() {
        audited(new FindingRecorded(3, Severity.HIGH, Category.WEAK_PASSWORD, 9, LocalDate.of(2026, 12, 1)),
                "finding.opened", "finding:3", "HIGH WEAK_PASSWORD unit 9 due 2026-12-01");
        audited(new FindingFixed(3, FindingStatus.REOPENED, "patched"), "finding.fixed", "finding:3",
                "REOPENED -> FIXED");
        audited(new FindingMitigated(3, FindingStatus.OPEN, null), "finding.mitigated", "finding:3",
                "OPEN -> MITIGATED");
        audited(new FindingVerified(3, FindingStatus.FIXED, "li", null), "finding.verified", "finding:3",
                "FIXED -> VERIFIED");
        audited(new FindingClosed(3, FindingStatus.VERIFIED, null), "finding.closed", "finding:3",
                "VERIFIED -> CLOSED");
        audited(new FindingSuppressed(3, FindingStatus.OPEN, "fp"), "finding.suppressed", "finding:3",
                "OPEN -> SUPPRESSED");
        audited(new FindingReopened(3, FindingStatus.CLOSED, "seen"), "finding.reopened", "finding:3",
                "CLOSED -> REOPENED");
        audited(new FindingRefreshed(3, "nessus|1|host"), "finding.refreshed", "finding:3", "nessus|1|host");
        audited(new FindingAccountabilityRecorded(3, new Finding.Accountability("张三", "通报", null)),
                "finding.accountability.recorded", "finding:3", "张三");
        audited(new FindingViewed(3, FindingStatus.OPEN), "finding.viewed", "finding:3", "status=OPEN");
        audited(new FindingHistoryViewed(3, 4), "finding.history.viewed", "finding:3", "entries=4");
        audited(new FindingEvidenceViewed(3, 2), "finding.evidence.viewed", "finding:3", "files=2");
    }

    @Test
    void evidenceEventsNameTheFileItsOwnerAndItsHash() {
        audited(new EvidenceAttached(5, "finding", 3, "note.txt", "TEXT", "ab12"), "evidence.attached",
                "evidence:5", "finding:3 note.txt TEXT sha256=ab12");
        audited(new EvidenceDownloaded(5, "finding", 3, "note.txt", "ab12"), "evidence.downloaded", "evidence:5",
                "finding:3 note.txt sha256=ab12");
    }
}
