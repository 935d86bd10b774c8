package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** The authority approved the sheet; its total counts from now on ({@code scoring.sheet.approved}). */
record ScoreSheetApproved(long sheetId, long spotCheckId, long operatorId, String total, boolean vetoed)
        implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.approved";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = "total=" + total + (vetoed ? " vetoed" : "");
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
