package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** Someone read a score sheet: a view of inspection results, audited ({@code scoring.sheet.viewed}). */
record ScoreSheetViewed(long sheetId, long spotCheckId, long operatorId) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.viewed";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }
}
