package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** A regulator viewed the submission-status list of a campaign ({@code rows} matched the query). */
public record SelfInspectionStatusViewed(String campaignCode, long rows, StatusQuery query) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.status.viewed";
    }

    @Override
    public String subject() {
        return "campaign:" + campaignCode;
    }

    @Override
    public String detail() {
        return rows + " rows; " + query;
    }
}
