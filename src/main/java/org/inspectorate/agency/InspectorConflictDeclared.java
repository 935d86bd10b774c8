package org.inspectorate.agency;

import org.inspectorate.system.AuditableEvent;

/** The inspector declared a conflict of interest with an organisation (回避). */
public record InspectorConflictDeclared(long userId, long organisationId) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.inspector.conflict";
    }

    @Override
    public String subject() {
        return "inspector:" + userId;
    }

    @Override
    public String detail() {
        return "organisation=" + organisationId;
    }
}
