package org.inspectorate.selfinspection;

import java.time.Instant;
import java.time.LocalDate;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;

/** One in-scope operator in the regulators' submission-status view (报送情况), started or not. */
public record StatusRow(long organisationId, String organisationName, OrganisationType organisationType,
        Province province, Long workspaceId, SubmissionStatus status, int answered, int total, LocalDate dueOn,
        Instant submittedAt, String recipientProvinceCode) {

    /** The recipient's name once the workspace fixed it; empty before. */
    public String recipientName(SummaryReport.Text text) {
        return workspaceId == null ? "" : ReportRoute.recipientName(Province.ofCode(recipientProvinceCode).orElse(null), text);
    }
}
