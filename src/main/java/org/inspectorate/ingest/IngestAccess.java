package org.inspectorate.ingest;

import org.inspectorate.organisation.Actor;

/**
 * Who may do what with scanner report imports, in plain Java: the one place the module asks for roles. The
 * jurisdiction stays in SQL: an import, operator or unit outside the actor's is never read (404), so these
 * questions are asked only of what the actor may already see.
 */
final class IngestAccess {

    /**
     * Whether the actor imports reports at all: an operator's security team (their own organisation's) or a
     * regulator's officer with an area (for the operators of it).
     */
    boolean mayImport(Actor actor) {
        return actor.operates() || actor.regulates();
    }

    /**
     * Whether the actor names the operator of each import: a regulator's officer, who imports for the
     * operators of their jurisdiction, unlike an operator, whose imports are their own organisation's.
     */
    boolean choosesOperator(Actor actor) {
        return mayImport(actor) && !actor.organisationType().isOperator();
    }

    /**
     * Whether the actor may assign the import's unmatched hosts to units of its scope: whoever may import for
     * its operator (the import must also have succeeded, which the job itself guards).
     */
    boolean mayAssign(Actor actor, ImportJob job) {
        return mayImport(actor);
    }

    /**
     * Whether the actor may propose an import's hosts as a unit's assets: only the operator's own staff, whose
     * draft (or change filing draft) it is — a regulator assigns hosts but files nothing for the operator.
     */
    boolean mayProposeAssets(Actor actor, ImportJob job) {
        return actor.operates() && actor.organisationId() == job.organisationId();
    }
}
