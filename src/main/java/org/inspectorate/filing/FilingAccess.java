package org.inspectorate.filing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what to network units and their filings: the one place of the filing module's role rules,
 * asked by its services before they act and by its pages for the buttons they show. Which rows an actor
 * sees stays in SQL: the scopes below are predicates on the unit {@code u} that the repositories apply.
 * <ul>
 * <li>Operators (单位管理员/工作人员) create, edit, submit and decommission the units of their organisation tree,
 * attach files to them and upload them in bulk.</li>
 * <li>The filing authorities review: a Ministry officer the filings routed to the Ministry, a provincial
 * officer those routed to their province.</li>
 * <li>The registry (its list and counts) is for operators and those authorities; the coverage and overdue
 * reports for regulators with an area.</li>
 * </ul>
 */
public final class FilingAccess {

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());

    /** Whether the actor may create, edit, submit and decommission units, and attach files (an operator). */
    public boolean mayOperate(Actor actor) {
        return actor.operates();
    }

    /** Whether the actor has a list of the registry: operators and the filing authorities' officers. */
    public boolean maySeeRegistry(Actor actor) {
        return actor.operates() || reviewsFilings(actor);
    }

    /** Whether the actor is a filing authority's officer, with a review queue (the Ministry's or a province's). */
    public boolean reviewsFilings(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER);
    }

    /** Whether the actor is the authority this unit's filing is routed to (whatever its state). */
    public boolean isReviewerOf(Actor actor, NetworkUnit unit) {
        FilingAuthority authority = unit.authority();
        if (authority.isMinistry()) {
            return actor.has(Role.MINISTRY_OFFICER);
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && authority.province() == actor.province();
    }

    /** Whether the actor may accept or return the unit's filing now: its authority, while it is submitted. */
    public boolean mayReview(Actor actor, NetworkUnit unit) {
        return isReviewerOf(actor, unit) && unit.state() == FilingState.SUBMITTED;
    }

    /** Whether the actor may see the filing reports (coverage, overdue) and export the lists: a regulator. */
    public boolean maySeeReports(Actor actor) {
        return actor.regulates();
    }

    /** Whether the actor sees every province's filings in the reports (the Ministry) and may filter by province. */
    public boolean seesEveryProvince(Actor actor) {
        return actor.nationwide();
    }

    // --- scopes: which units' rows the actor reads --------------------------------------------------

    /** The units the actor operates: an operator's organisation tree; nothing for anyone else. */
    SqlScope operatorScope(Actor actor) {
        return actor.operates() ? actor.jurisdiction().organisationScope("u.organisation_id") : NOTHING;
    }

    /** The units the actor sees: operators their organisation tree; regulators their jurisdiction and what is routed to them. */
    SqlScope viewScope(Actor actor) {
        SqlScope own = actor.jurisdiction().organisationScope("u.organisation_id");
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            Map<String, Object> params = new HashMap<>(own.params());
            params.put("view_province", actor.province().code());
            return new SqlScope("(" + own.sql() + ") OR (u.authority_province_code = :view_province"
                    + " AND u.submitted_at IS NOT NULL)", params);
        }
        return own;
    }

    /** The filings routed to the actor's authority. */
    SqlScope reviewScope(Actor actor) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.has(Role.MINISTRY_OFFICER)) {
            parts.add("u.authority_province_code IS NULL");
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("u.authority_province_code = :review_province");
            params.put("review_province", actor.province().code());
        }
        return parts.isEmpty() ? NOTHING : new SqlScope(String.join(" OR ", parts), params);
    }
}
