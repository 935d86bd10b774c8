package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** A team member scored one item, with the reason and the findings it rests on ({@code scoring.sheet.item.scored}). */
record ItemScored(long sheetId, long spotCheckId, long operatorId, String item, String score, String reason,
        java.util.List<Long> findingIds)
        implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.sheet.item.scored";
    }

    @Override
    public String subject() {
        return "score-sheet:" + sheetId + "/spot-check:" + spotCheckId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        String d = item + "=" + score + (findingIds.isEmpty() ? "" : " findings=" + findingIds) + " " + reason;
        return d.length() > 500 ? d.substring(0, 500) : d;
    }
}
