package org.inspectorate.obligation;

import org.inspectorate.system.AuditableEvent;

/** Someone downloaded an evaluation's or assessment's report file ({@code obligation.report.downloaded}). */
record ObligationReportDownloaded(long recordId, long unitId, String fileName, String sha256) implements AuditableEvent {

    @Override
    public String action() {
        return "obligation.report.downloaded";
    }

    @Override
    public String subject() {
        return "obligation:" + recordId + "/unit:" + unitId;
    }

    @Override
    public String detail() {
        return fileName + " sha256=" + sha256;
    }
}
