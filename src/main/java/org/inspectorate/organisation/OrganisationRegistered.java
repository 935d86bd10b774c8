package org.inspectorate.organisation;

import org.inspectorate.system.AuditableEvent;

/** An organisation was added to the directory. */
public record OrganisationRegistered(long organisationId, OrganisationType type, String name)
        implements AuditableEvent {

    @Override
    public String action() {
        return "organisation.registered";
    }

    @Override
    public String subject() {
        return "organisation:" + organisationId;
    }

    @Override
    public String detail() {
        return type + " " + name;
    }
}
