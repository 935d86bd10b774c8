package org.inspectorate.agency;

import java.time.LocalDate;

/** The agency evaluated (测评) or advised (咨询) an organisation on a day: a conflict for spot checks of it. */
public record OperatorRelation(long id, long agencyId, long organisationId, String organisationName,
        RelationKind kind, LocalDate relatedOn) {

    /** What the agency did for the organisation. */
    public enum RelationKind {
        EVALUATED, ADVISED
    }
}
