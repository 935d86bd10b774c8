package org.inspectorate.spotcheck;

import org.inspectorate.system.AuditableEvent;

/** A spot check was created (抽查立项): from a published draw's planned check, or outside a draw with its reason. */
public record SpotCheckCreated(long spotCheckId, Long plannedCheckId, Long drawId, long targetOrganisationId, String outsideDrawReason) implements AuditableEvent {

    @Override
    public String action() {
        return "spotcheck.created";
    }

    @Override
    public String subject() {
        return "spotcheck:" + spotCheckId;
    }

    @Override
    public String detail() {
        return (plannedCheckId == null ? "outside draw: " + outsideDrawReason : "draw " + drawId + " planned check " + plannedCheckId) + " target " + targetOrganisationId;
    }
}
