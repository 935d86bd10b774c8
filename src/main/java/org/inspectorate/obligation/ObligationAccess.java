package org.inspectorate.obligation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with the obligations: the one place of this module's role rules, asked by {@link Obligations}
 * before it acts and by the pages for their buttons. Which rows an actor sees stays in SQL: the scopes are
 * predicates on the unit {@code u}.
 * <ul>
 * <li>Operators (单位管理员/工作人员) record evaluations and assessments of the filed units of their organisation
 * tree, and see those units' obligations.</li>
 * <li>The filing authorities see the obligations of the units routed to them, as in their review queue: a
 * Ministry officer those routed to the Ministry, a provincial officer those routed to their province.</li>
 * </ul>
 */
final class ObligationAccess {

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());

    /** Whether the actor may record evaluations and assessments (an operator's admin or staff). */
    boolean mayRecord(Actor actor) {
        return actor.operates();
    }

    /** Whether the actor may record one for this unit now: an operator, once the unit is filed and until it retires. */
    boolean mayRecordFor(Actor actor, NetworkUnit unit) {
        return mayRecord(actor) && unit.filingNumber() != null && !unit.retired();
    }

    /** The units whose records the actor may change: an operator's organisation tree. */
    SqlScope operatorScope(Actor actor) {
        return actor.operates() ? actor.jurisdiction().organisationScope("u.organisation_id") : NOTHING;
    }

    /**
     * Whether the actor has a list of obligations at all: an operator's team and the filing authorities' officers.
     * Anyone else (an inspector, another department, the three administrators) is answered 404, not an empty list.
     */
    boolean hasList(Actor actor) {
        return actor.operates() || actor.regulates();
    }

    /** The units whose obligations the actor sees: operators their tree; the filing authorities those routed to them. */
    SqlScope viewScope(Actor actor) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.operates()) {
            SqlScope own = actor.jurisdiction().organisationScope("u.organisation_id");
            parts.add("(" + own.sql() + ")");
            params.putAll(own.params());
        }
        if (actor.has(Role.MINISTRY_OFFICER)) {
            parts.add("u.authority_province_code IS NULL");
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("u.authority_province_code = :obligation_province");
            params.put("obligation_province", actor.province().code());
        }
        return parts.isEmpty() ? NOTHING : new SqlScope(String.join(" OR ", parts), params);
    }
}
