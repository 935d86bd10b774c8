package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/**
 * Another officer approved a re-draw: the round in force was superseded (its planned checks cancelled) and a new
 * seed committed over the same frozen snapshot; the draw is SCHEDULED again.
 */
public record RedrawApproved(long drawId, int supersededRound, String requestedBy, String reason,
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
        return "superseded round=" + supersededRound + " requestedBy=" + requestedBy + " reason=" + reason
                + " newCommitment=" + newCommitmentDigest;
    }
}
