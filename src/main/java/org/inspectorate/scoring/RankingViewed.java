package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** Someone read a ranking of approved scores, a view of inspection results ({@code scoring.ranking.viewed}). */
record RankingViewed(int year, String operatorType, String province) implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.ranking.viewed";
    }

    @Override
    public String subject() {
        return "ranking:" + year + "/" + operatorType + "/" + (province == null ? "*" : province);
    }
}
