package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** The team leader submitted the complete sheet to the authority ({@code scoring.sheet.submitted}). */
record ScoreSheetSubmitted(long sheetId, long spotCheckId, long operatorId, String total) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.submitted";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = "total=" + total;
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
