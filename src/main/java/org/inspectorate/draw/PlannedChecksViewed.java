package org.inspectorate.draw;

import java.util.List;

import org.inspectorate.system.AuditableEvent;

/**
 * Someone read planned spot checks (who inspects whom): a draw's ({@link #ofDraw}) or an inspector their own
 * ({@link #ofMember}, naming the draws).
 *
 * @param drawIds the draws of an inspector's own checks; {@code null} for a draw's checks
 */
public record PlannedChecksViewed(String subject, int checks, List<Long> drawIds) implements AuditableEvent {

    static PlannedChecksViewed ofDraw(long drawId, int checks) {
        return new PlannedChecksViewed("draw:" + drawId, checks, null);
    }

    static PlannedChecksViewed ofMember(long userId, int checks, List<Long> drawIds) {
        return new PlannedChecksViewed("user:" + userId, checks, List.copyOf(drawIds));
    }

    @Override
    public String action() {
        return "draw.checks.viewed";
    }

    @Override
    public String detail() {
        return "checks=" + checks + (drawIds == null ? "" : " draws=" + drawIds);
    }
}
