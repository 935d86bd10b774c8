package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone read a draw's rounds (who inspects whom): how many rounds, how much of the result they may see, and how
 * many of the current round's drawn targets were shown.
 */
public record DrawResultViewed(long drawId, int rounds, ResultReach reach, int shownTargets, int drawnTargets)
        implements AuditableEvent {

    @Override
    public String action() {
        return "draw.result.viewed";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "rounds=" + rounds + " reach=" + reach + " targets=" + shownTargets + "/" + drawnTargets;
    }
}
