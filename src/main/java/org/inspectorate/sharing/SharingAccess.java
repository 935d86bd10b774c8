package org.inspectorate.sharing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with data requests and grants: the one place of this module's role rules, asked by the services
 * before they act and by the pages for their buttons. Which requests an actor sees stays in SQL (the scopes on
 * {@code data_request r}).
 * <ul>
 * <li>Another department's user (其他部门用户) asks, and sees and reads only their own requests and grants.</li>
 * <li>An operator (单位) sees every request about its organisation tree — who was granted what, until when, each
 * read — and records a request it was asked outside the system.</li>
 * <li>The deciding administration (the operator's province; the Ministry for operators without one) decides,
 * revokes and packages; the Ministry sees every request, a provincial officer those of its province.</li>
 * </ul>
 */
final class SharingAccess {

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());

    /** Whether the actor asks for data: another department's user. */
    boolean mayRequest(Actor actor) {
        return actor.has(Role.OTHER_DEPARTMENT_USER);
    }

    /** Whether the actor records a request it was asked outside the system: an operator's team. */
    boolean mayRecord(Actor actor) {
        return actor.operates();
    }

    /** Whether the actor decides requests at all: a regulator's officer with an area. */
    boolean mayDecide(Actor actor) {
        return actor.regulates();
    }

    /** Whether the actor decides this request: the administration it is routed to, never the one who asked. */
    boolean mayDecide(Actor actor, DataRequest request) {
        return decides(actor, request) && actor.userId() != request.parties().requesterUserId();
    }

    /** Whether the actor may revoke this grant or package its data: the administration it is routed to. */
    boolean mayRevoke(Actor actor, DataRequest request) {
        return decides(actor, request);
    }

    /** Whether the actor may mark this recorded request shared: the operator's team that recorded it. */
    boolean mayMarkShared(Actor actor, DataRequest request) {
        return actor.operates() && request.parties().channel() == Channel.OPERATOR_RECORDED;
    }

    private static boolean decides(Actor actor, DataRequest request) {
        String routed = request.parties().decidingProvince();
        if (actor.nationwide()) {
            return routed == null;
        }
        return actor.regulates() && routed != null && routed.equals(actor.province().code());
    }

    /** The requests the actor sees: their own as a requester, their tree's as an operator, their area's. */
    SqlScope viewScope(Actor actor) {
        if (mayRequest(actor)) {
            return new SqlScope("r.requester_user_id = :sh_user", Map.of("sh_user", actor.userId()));
        }
        if (actor.operates()) {
            return actor.jurisdiction().organisationScope("r.operator_id");
        }
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.regulates()) {
            return new SqlScope("r.deciding_province = :sh_province", Map.of("sh_province", actor.province().code()));
        }
        return NOTHING;
    }

    /** The requests waiting for the actor's decision (routed to their administration). */
    SqlScope decideScope(Actor actor) {
        if (actor.nationwide()) {
            return new SqlScope("r.deciding_province IS NULL", Map.of());
        }
        if (actor.regulates()) {
            return new SqlScope("r.deciding_province = :sh_province", Map.of("sh_province", actor.province().code()));
        }
        return NOTHING;
    }

    /**
     * The grants the actor may read today (a jurisdiction of its own): their own requests, APPROVED, whose end date
     * has not passed. A revoked, refused or expired request is outside it, so reading under it is 404.
     */
    SqlScope liveGrantScope(Actor actor, LocalDate today) {
        if (!mayRequest(actor)) {
            return NOTHING;
        }
        return new SqlScope("r.requester_user_id = :sh_user AND r.state = 'APPROVED' AND r.granted_until >= :sh_today",
                Map.of("sh_user", actor.userId(), "sh_today", Date.valueOf(today)));
    }
}
