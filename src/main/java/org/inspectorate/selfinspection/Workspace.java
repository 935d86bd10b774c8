package org.inspectorate.selfinspection;

import java.time.Instant;
import java.time.LocalDate;

import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Province;

/**
 * A self-inspection workspace (自查工作台) with its summary report as stored.
 *
 * @param late    whether the report was first submitted after its deadline (kept through returns)
 * @param version optimistic-lock version
 */
public record Workspace(long id, String campaignCode, long organisationId, WorkspaceState state, Recipient recipient,
        Province recipientProvince, LocalDate dueOn, String overview, String plans, Instant firstSubmittedAt,
        Instant submittedAt, String submittedBy, boolean late, Instant reviewedAt, String reviewedBy,
        String returnReason, String createdBy, Instant createdAt, Instant updatedAt, int version) {

    public ReportRoute route() {
        return new ReportRoute(recipient, recipientProvince, dueOn, null);
    }
}
