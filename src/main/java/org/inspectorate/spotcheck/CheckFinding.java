package org.inspectorate.spotcheck;

import java.time.Instant;

/**
 * A finding of the register recorded during a check (抽查发现的问题), by which method and on which host, with its
 * on-site notice (现场告知) — {@code noticeState} null until told, then TOLD, ACKNOWLEDGED or REFUSED — and, once
 * marked major (重大问题), when and why, with the authority's assessment.
 */
public record CheckFinding(long findingId, long spotCheckId, InspectionMethod method, String host, String title,
        String severity, long networkUnitId, String recordedBy, Instant recordedAt, NoticeState noticeState,
        Instant toldAt, InspectionMethod toldMethod, String toldBy, String acknowledgedName, Instant answeredAt,
        String answeredBy, String refusalReason, Instant majorAt, String majorReason, long targetOrganisationId,
        String targetProvinceCode, String assessment, String assessedBy, Instant assessedAt) {

    public boolean major() {
        return majorAt != null;
    }
}
