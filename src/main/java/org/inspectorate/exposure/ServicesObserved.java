package org.inspectorate.exposure;

import org.inspectorate.system.AuditableEvent;

/**
 * An import stored the services it saw on the units' hosts ({@code exposure.services.observed}), with its counts:
 * open ports handed over, services new to their unit, services seen again, discrepancies opened, and the
 * informational items about no port that were counted and not stored.
 */
record ServicesObserved(long importId, long organisationId, long observed, int newServices, int seenAgain,
        int discrepanciesOpened, long informationalWithoutPort) implements AuditableEvent {

    @Override
    public String action() {
        return "exposure.services.observed";
    }

    @Override
    public String subject() {
        return "import:" + importId + "/organisation:" + organisationId;
    }

    @Override
    public String detail() {
        return "observed=" + observed + " new=" + newServices + " seenAgain=" + seenAgain + " discrepancies=" + discrepanciesOpened
                + " informationalWithoutPort=" + informationalWithoutPort;
    }
}
