package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/**
 * Another officer approved a re-draw: the round in force was superseded (its planned checks cancelled) and a new
 * seed committed over the same frozen snapshot; the draw is SCHEDULED again. Or, with {@code newAttempt}, approved a
 * new attempt after the infeasible round {@code round}: nothing was in force, the new seed is committed likewise.
 */
public record RedrawApproved(long drawId, int round, boolean newAttempt, String requestedBy, String reason,
        String newCommitmentDigest) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.redraw.approved";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return (newAttempt ? "new attempt after infeasible round=" : "superseded round=") + round + " requestedBy=" + requestedBy + " reason=" + reason
                + " newCommitment=" + newCommitmentDigest;
    }
}
