package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone exported the approved scores of a year (per operator) as the basis of the annual responsibility
 * assessment (考核依据), recorded before the file is written ({@code scoring.assessment.exported}).
 */
record AssessmentExported(int year, Long operatorId, String province) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.assessment.exported";
    }

    @Override
    public String subject() {
        return "assessment:" + year + (operatorId == null ? "" : "/operator:" + operatorId);
    }

    @Override
    public String detail() {
        return "province=" + (province == null ? "*" : province) + "";
    }
}
