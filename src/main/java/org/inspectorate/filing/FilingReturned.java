package org.inspectorate.filing;

import org.inspectorate.system.AuditableEvent;

/**
 * The authority returned a submitted filing for correction (补正), with its reasons ({@code filing.returned}); the
 * operator's accounts are told of it (notification).
 *
 * @param operatorId the operator (organisation) whose unit it is
 * @param unitName the unit's name in the returned version
 */
public record FilingReturned(long unitId, long operatorId, int versionNo, String unitName, String reasons)
        implements AuditableEvent {

    private static final int DETAIL_LENGTH = 200;

    @Override
    public String action() {
        return "filing.returned";
    }

    @Override
    public String subject() {
        return "filing:" + unitId + "/v" + versionNo;
    }

    /** The reasons, cut to their first 200 characters. */
    @Override
    public String detail() {
        return reasons.length() > DETAIL_LENGTH ? reasons.substring(0, DETAIL_LENGTH) : reasons;
    }
}
