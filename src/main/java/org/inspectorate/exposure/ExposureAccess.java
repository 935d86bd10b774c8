package org.inspectorate.exposure;

import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;

/**
 * Who may do what with observed services and filing discrepancies: the one place of this module's role rules,
 * asked by the services before they act and by the pages for their buttons. Which rows an actor sees stays in SQL:
 * the scopes are predicates on an organisation id column.
 * <ul>
 * <li>Everyone with a jurisdiction sees the services and discrepancies of the units in it: operators their
 * organisation tree, regulators their area (the unit itself must also be one the filing module shows them).</li>
 * <li>Operators (单位管理员/工作人员) resolve the discrepancies of their tree: declare the port in a change filing,
 * or open a finding on it.</li>
 * <li>Regulators' officers see the per-operator counts of their area.</li>
 * </ul>
 */
final class ExposureAccess {

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());

    /** Whether the actor may resolve discrepancies at all (the unit page's buttons). */
    boolean mayResolve(Actor actor) {
        return actor.operates();
    }

    /** Whether the actor sees the per-operator counts: a regulator's officer with an area. */
    boolean mayCount(Actor actor) {
        return actor.regulates();
    }

    /** The organisations whose services and discrepancies the actor sees. */
    SqlScope viewScope(Actor actor, String organisationColumn) {
        return actor.jurisdiction().organisationScope(organisationColumn);
    }

    /** The organisations whose discrepancies the actor may resolve: an operator's tree, nobody else's. */
    SqlScope resolveScope(Actor actor, String organisationColumn) {
        return mayResolve(actor) ? actor.jurisdiction().organisationScope(organisationColumn) : NOTHING;
    }

    /** The operators a regulator counts: their area; nothing for anyone else. */
    SqlScope countScope(Actor actor, String organisationColumn) {
        return mayCount(actor) ? actor.jurisdiction().organisationScope(organisationColumn) : NOTHING;
    }
}
