package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** The authority returned the sheet with its reasons ({@code scoring.sheet.returned}). */
record ScoreSheetReturned(long sheetId, long spotCheckId, long operatorId, String reasons) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.returned";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = reasons;
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
