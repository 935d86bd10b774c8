package org.inspectorate.agency;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/**
 * A signed confidentiality commitment (保密承诺书) was stored: the agency's own ({@code inspectorId} null) or one of
 * its inspectors'.
 */
public record CommitmentUploaded(long commitmentId, long agencyId, Long inspectorId, LocalDate validFrom,
        LocalDate validUntil, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.commitment.uploaded";
    }

    @Override
    public String subject() {
        return "commitment:" + commitmentId;
    }

    @Override
    public String detail() {
        return "agency=" + agencyId + (inspectorId == null ? "" : " inspector=" + inspectorId) + " validFrom="
                + validFrom + " validUntil=" + validUntil + " sha256=" + sha256;
    }
}
