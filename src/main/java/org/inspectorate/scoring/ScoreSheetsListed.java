package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** Someone read a page of the score sheets they see, with totals: a view of results ({@code scoring.sheets.viewed}). */
record ScoreSheetsListed(int page, int rows) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheets.viewed";
    }

    @Override
    public String subject() {
        return "score-sheets";
    }

    @Override
    public String detail() {
        return "page=" + page + " rows=" + rows;
    }
}
