package org.inspectorate.agency;

import org.inspectorate.system.AuditableEvent;

/** An account with the role INSPECTOR became an inspector of its agency, with a profile and skills. */
public record InspectorRegistered(long userId, long agencyId, String skills) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.inspector.registered";
    }

    @Override
    public String subject() {
        return "inspector:" + userId;
    }

    @Override
    public String detail() {
        return "agency=" + agencyId + " skills=" + skills;
    }
}
