package org.inspectorate.sharing;

import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.DepartmentKind;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with the inspection calendar (检查计划): the one place of its role rules. Which plans an actor sees
 * stays in SQL (the scopes on {@code inspection_plan p}).
 * <ul>
 * <li>Other departments (网信, 公安, …) and the communication administrations plan inspections and join another's.</li>
 * <li>A department sees the plans it takes part in; the province's cyberspace administration (网信) coordinates and
 * sees every plan of its province (跨部门网络安全检查由当地网信部门统筹协调); a provincial officer sees the plans of
 * the province's operators, the Ministry all.</li>
 * <li>Only the lead department cancels a plan.</li>
 * </ul>
 */
final class CalendarAccess {

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());
    private static final String TAKES_PART =
            "EXISTS (SELECT 1 FROM inspection_participant x WHERE x.plan_id = p.id AND x.org_id = :ca_org)";

    boolean mayPlan(Actor actor) {
        return otherDepartment(actor) || actor.regulates();
    }

    /** Whether the actor coordinates the province's calendar: its cyberspace administration. */
    boolean coordinates(Actor actor, DepartmentKind kind) {
        return otherDepartment(actor) && kind == DepartmentKind.CYBERSPACE_ADMINISTRATION && actor.province() != null;
    }

    boolean mayCancel(Actor actor, InspectionPlan plan) {
        return mayPlan(actor) && plan.facts().leadOrgId() == actor.organisationId();
    }

    /** The plans the actor sees: those it takes part in, the province's for 网信 and the administration. */
    SqlScope viewScope(Actor actor, DepartmentKind kind) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.regulates() || coordinates(actor, kind)) {
            return new SqlScope("(p.province_code = :ca_province OR " + TAKES_PART + ")",
                    Map.of("ca_province", actor.province().code(), "ca_org", actor.organisationId()));
        }
        if (otherDepartment(actor)) {
            return new SqlScope(TAKES_PART, Map.of("ca_org", actor.organisationId()));
        }
        return NOTHING;
    }

    /**
     * The plans the actor may join: those of its province's operators and of operators filed with the Ministry
     * (no province), or any for the Ministry — the ones its own plans could overlap.
     */
    SqlScope joinScope(Actor actor) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (mayPlan(actor) && actor.province() != null) {
            return new SqlScope("(p.province_code = :ca_province OR p.province_code IS NULL)",
                    Map.of("ca_province", actor.province().code()));
        }
        return NOTHING;
    }

    private static boolean otherDepartment(Actor actor) {
        return actor.has(Role.OTHER_DEPARTMENT_USER);
    }
}
