package org.inspectorate.filing.report;

import org.inspectorate.system.AuditableEvent;

/** An operator created many network units at once from the XLSX template (批量导入): one audit entry. */
record FilingBulkUploaded(long organisationId, int count, String source) implements AuditableEvent {

    @Override
    public String action() {
        return "filing.units.uploaded";
    }

    @Override
    public String subject() {
        return "organisation:" + organisationId;
    }

    @Override
    public String detail() {
        return count + " units from " + (source == null ? "upload" : source);
    }
}
