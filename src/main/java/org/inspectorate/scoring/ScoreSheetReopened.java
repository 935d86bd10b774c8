package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** The authority reopened an approved sheet, a recorded act with its reason ({@code scoring.sheet.reopened}). */
record ScoreSheetReopened(long sheetId, long spotCheckId, long operatorId, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.reopened";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = reason;
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
