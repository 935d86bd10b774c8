package org.inspectorate.report;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;

/**
 * What the home page shows whom: plain rules over the {@link Actor}. The numbers on the tiles come from the other
 * modules' services, each scoped to the actor's jurisdiction there; this only chooses which tiles and links appear.
 */
final class ReportAccess {

    private ReportAccess() {
    }

    /**
     * Whether the actor sees the regulator's tiles and links: the Ministry's and the provincial officers. A
     * provincial account without a province sees them too, with the counts its (empty) jurisdiction gives.
     */
    static boolean seesRegulatorsHome(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER);
    }

    /** Whether the actor sees an operator's tiles: its security team's administrator and staff. */
    static boolean seesOperatorsHome(Actor actor) {
        return actor.operates();
    }

    /** Whether the home page links to the audit trail: the audit administrator (审计管理员). */
    static boolean seesAuditTrail(Actor actor) {
        return actor.has(Role.AUDIT_ADMIN);
    }
}
