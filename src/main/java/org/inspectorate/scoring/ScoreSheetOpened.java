package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** A score sheet was opened for a spot check against a version of its standard ({@code scoring.sheet.opened}). */
record ScoreSheetOpened(long sheetId, long spotCheckId, long operatorId, long standardId, int standardVersion)
        implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.opened";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = "standard:" + standardId + " v" + standardVersion;
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
