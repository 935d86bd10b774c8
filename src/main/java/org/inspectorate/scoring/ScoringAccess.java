package org.inspectorate.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with score sheets, standards and rankings: the one place of this module's role rules, asked by
 * the services before they act and by the pages for their buttons. Which sheets an actor sees stays in SQL
 * ({@link #sheetScope}, a predicate on the sheet {@code s}).
 * <ul>
 * <li>The team (检查组: inspectors among the check's accounts) opens the sheet and marks its items; only the team
 * leader (组长) submits it.</li>
 * <li>The authority that runs the check decides: the provincial officers of its province, or the Ministry's
 * officers for a check the Ministry runs. It approves, returns with reasons and reopens an approved sheet.</li>
 * <li>Regulators see the sheets of the checks their area runs (the Ministry all) and rank the approved ones;
 * the operator sees its own approved sheets; the three administrators and other departments nothing.</li>
 * <li>Standards are read by everyone taking part; only the Ministry imports a replacement (campaign data).</li>
 * </ul>
 */
final class ScoringAccess {

    /** Whether the actor is on the check's team (an inspector account among the leader and members). */
    boolean onTeam(Actor actor, ScoringSubject subject) {
        return actor.has(Role.INSPECTOR) && subject.onTeam(actor.userId());
    }

    /** Whether the actor may open the check's sheet: its team or its authority. */
    boolean mayOpen(Actor actor, ScoringSubject subject) {
        return onTeam(actor, subject) || decides(actor, subject);
    }

    /** Whether the actor may open sheets at all (the list page's form): an inspector or a regulator's officer. */
    boolean mayOpenAny(Actor actor) {
        return actor.has(Role.INSPECTOR) || actor.regulates();
    }

    /** Whether the actor may mark items of the sheet (in a state that allows it). */
    boolean mayMark(Actor actor, ScoringSubject subject) {
        return onTeam(actor, subject);
    }

    /** Whether the actor may submit the sheet: the team leader alone. */
    boolean maySubmit(Actor actor, ScoringSubject subject) {
        return actor.has(Role.INSPECTOR) && actor.userId() == subject.leaderAccountId();
    }

    /** Whether the actor decides the sheet (approve, return, reopen): an officer of the check's authority. */
    boolean decides(Actor actor, ScoringSubject subject) {
        Province authority = subject.authorityProvince();
        return authority == null ? actor.has(Role.MINISTRY_OFFICER)
                : actor.has(Role.PROVINCIAL_OFFICER) && authority == actor.province();
    }

    /** Whether the actor reads rankings and the assessment export: a regulator with an area. */
    boolean mayRank(Actor actor) {
        return actor.regulates();
    }

    /** The province the actor's rankings are confined to: a provincial officer's own; null for the Ministry. */
    Province rankingProvince(Actor actor) {
        return actor.nationwide() ? null : actor.province();
    }

    /** Whether the actor reads the standards: anyone taking part in a campaign. */
    boolean maySeeStandards(Actor actor) {
        return actor.regulates() || actor.operates() || actor.has(Role.INSPECTOR);
    }

    /** Whether the actor imports a standard (a new version replacing the one in force): the Ministry. */
    boolean mayImportStandards(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER);
    }

    /** The sheets the actor sees: the team's, the authority's area's, the operator's approved ones. */
    /**
     * Whether the actor has score sheets at all (the Ministry, a province's officers, inspectors, operators): the
     * others are answered 404 for the list as for a record, the rule of every list (docs/architecture.md).
     */
    boolean mayListSheets(Actor actor) {
        return actor.nationwide() || (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null)
                || actor.has(Role.INSPECTOR) || actor.operates();
    }

    SqlScope sheetScope(Actor actor) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("s.authority_province_code = :scoring_province");
            params.put("scoring_province", actor.province().code());
        }
        if (actor.has(Role.INSPECTOR)) {
            parts.add("s.id IN (SELECT m.sheet_id FROM score_sheet_member m WHERE m.account_id = :scoring_account)");
            params.put("scoring_account", actor.userId());
        }
        if (actor.operates()) {
            SqlScope own = actor.jurisdiction().organisationScope("s.operator_id");
            parts.add("(s.state = 'APPROVED' AND " + own.sql() + ")");
            params.putAll(own.params());
        }
        return parts.isEmpty() ? new SqlScope("1 = 0", Map.of())
                : new SqlScope("(" + String.join(" OR ", parts) + ")", params);
    }
}
