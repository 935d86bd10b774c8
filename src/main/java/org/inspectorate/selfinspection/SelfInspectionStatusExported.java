package org.inspectorate.selfinspection;

import org.inspectorate.system.AuditableEvent;

/** A regulator exported the submission-status list of a campaign as XLSX ({@code rows} written). */
public record SelfInspectionStatusExported(String campaignCode, long rows, StatusQuery query) implements AuditableEvent {

    @Override
    public String action() {
        return "selfinspection.status.exported";
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
