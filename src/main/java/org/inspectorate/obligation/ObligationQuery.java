package org.inspectorate.obligation;

import org.inspectorate.filing.GradeLevel;
/** Filters of the obligation lists; {@code null} means "any". */
public record ObligationQuery(ObligationKind kind, ObligationStatus status, GradeLevel level) {

    public static ObligationQuery all() {
        return new ObligationQuery(null, null, null);
    }

    boolean matches(Obligation o) {
        return (kind == null || o.kind() == kind) && (status == null || o.status() == status)
                && (level == null || o.level() == level);
    }
}
