package org.inspectorate.spotcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with spot checks (抽查), in one place: the services ask it before acting, the pages for their
 * buttons, and the repository gets from it the SQL scope that keeps every check outside the actor's reach unread
 * (404). Plain Java over {@link Actor} and the check. The authority of a check is the Ministry (any check) or the
 * provincial administration whose province the check names; the team is its leader and members, and an inspector
 * reaches the check only while cleared (the gate: {@code SpotCheckGate}).
 */
final class SpotCheckAccess {

    private SpotCheckAccess() {
    }

    /** Whether the actor is the check's authority: the Ministry, or an officer of the province the check names. */
    static boolean isAuthority(Actor actor, SpotCheckView check) {
        if (actor.nationwide()) {
            return true;
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null
                && actor.province().code().equals(check.authorityProvinceCode());
    }

    /** Whether the actor leads the check's team (组长). */
    static boolean isLeader(Actor actor, SpotCheckView check) {
        return actor.has(Role.INSPECTOR) && actor.userId() == check.leaderUserId();
    }

    /** Whether the actor serves on the check's team (the leader included). */
    static boolean onTeam(Actor actor, SpotCheckView check) {
        return actor.has(Role.INSPECTOR) && check.team().contains(actor.userId());
    }

    /** Whether the actor is on the target operator's own security team (not a group company's). */
    static boolean isTarget(Actor actor, SpotCheckView check) {
        return actor.operates() && actor.organisationId() == check.targetOrganisationId();
    }

    /**
     * Whether the actor has spot checks to list at all: regulators, operators and inspectors. The administrators and
     * other departments have no list (404), not an empty one — as the findings register answers them.
     */
    static boolean hasChecks(Actor actor) {
        return actor.regulates() || actor.operates() || actor.has(Role.INSPECTOR);
    }

    /** Creates spot checks outside a draw (with a recorded reason): the Ministry's and provincial officers. */
    static boolean mayCreate(Actor actor) {
        return actor.regulates();
    }

    /** Sets or changes the methods and the schedule: the authority or the team's leader. */
    static boolean maySchedule(Actor actor, SpotCheckView check) {
        return isAuthority(actor, check) || isLeader(actor, check);
    }

    /** Starts and reports the inspection, records the operator's authorisations: the team's leader. */
    static boolean mayLead(Actor actor, SpotCheckView check) {
        return isLeader(actor, check);
    }

    /** Cancels the check before it starts: its authority. */
    static boolean mayCancel(Actor actor, SpotCheckView check) {
        return isAuthority(actor, check);
    }

    /** Records findings and gives on-site notices: the team, while the inspection is under way. */
    static boolean mayWork(Actor actor, SpotCheckView check) {
        return onTeam(actor, check) && check.state() == SpotCheckState.IN_PROGRESS;
    }

    /** Answers on-site notices, confirms testing windows and declares the team's discipline: the target operator. */
    static boolean mayAnswer(Actor actor, SpotCheckView check) {
        return isTarget(actor, check);
    }

    /**
     * Reads discipline breach reports (违反检查纪律): the authority's leadership — its officers — and the Ministry;
     * never the team, whatever other role an account holds.
     */
    static boolean maySeeBreaches(Actor actor, SpotCheckView check) {
        return isAuthority(actor, check) && !onTeam(actor, check);
    }

    /** Reads the list of major problems (重大问题) and adds assessments: the Ministry all, a province its own. */
    /**
     * The report (检查报告): the leader and the authority at any time, the target operator only once REPORTED; not the
     * other members (the leader signs for the team) nor a group company.
     */
    static boolean mayDownloadReport(Actor actor, SpotCheckView check) {
        return isLeader(actor, check) || isAuthority(actor, check)
                || isTarget(actor, check) && check.state() == SpotCheckState.REPORTED;
    }

    static boolean maySeeMajorProblems(Actor actor) {
        return actor.regulates();
    }

    /** The major problems the actor reads (on {@code spot_check_finding f}). */
    static SqlScope majorProblems(Actor actor) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.regulates()) {
            return new SqlScope("f.check_id IN (SELECT ma.id FROM spot_check ma WHERE ma.authority_province_code = "
                    + ":major_province)", Map.of("major_province", actor.province().code()));
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /**
     * Which checks the actor sees (on {@code spot_check s}; anything else answers 404): the Ministry every check; a
     * provincial officer those their administration is the authority of; an operator its own (and a group company its
     * companies') once scheduled — not before; an inspector those on whose team they serve, only while
     * {@code cleared}.
     */
    static SqlScope visible(Actor actor, boolean cleared) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("s.authority_province_code = :scope_province");
            params.put("scope_province", actor.province().code());
        }
        if (actor.operates()) {
            SqlScope tree = actor.jurisdiction().organisationScope("s.target_organisation_id");
            parts.add("(s.scheduled_at IS NOT NULL AND " + tree.sql() + ")");
            params.putAll(tree.params());
        }
        if (actor.has(Role.INSPECTOR) && cleared) {
            parts.add("s.id IN (SELECT sm.check_id FROM spot_check_member sm WHERE sm.user_id = :scope_user)");
            params.put("scope_user", actor.userId());
        }
        return parts.isEmpty() ? new SqlScope("1 = 0", Map.of())
                : new SqlScope("(" + String.join(" OR ", parts) + ")", params);
    }
}
