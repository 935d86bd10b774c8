package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** A finding was marked a major problem (重大问题) during a check and is on the Ministry's list. */
public record MajorProblemReported(long spotCheckId, long findingId, long targetOrganisationId, String provinceCode, long networkUnitId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.major.reported";
    }

    @Override
    public String subject() {
        return "finding:" + findingId;
    }

    @Override
    public String detail() {
        return "check " + spotCheckId + " province " + provinceCode + " operator " + targetOrganisationId + " unit " + networkUnitId;
    }
}
