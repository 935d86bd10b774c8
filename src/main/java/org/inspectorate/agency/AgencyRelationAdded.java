package org.inspectorate.agency;

import java.time.LocalDate;

import org.inspectorate.system.AuditableEvent;

/** The agency evaluated or advised an organisation on a day: a conflict for its spot checks there. */
public record AgencyRelationAdded(long agencyId, OperatorRelation.RelationKind kind, long organisationId,
        LocalDate relatedOn) implements AuditableEvent {

    @Override
    public String action() {
        return "agency.relation.added";
    }

    @Override
    public String subject() {
        return "agency:" + agencyId;
    }

    @Override
    public String detail() {
        return kind + " organisation=" + organisationId + " on=" + relatedOn;
    }
}
