package org.inspectorate.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with draws (双随机), in one place: {@link Draws} and {@link DrawRuleVersions} ask it before acting,
 * the pages ask it for their buttons, and the repository gets from it the SQL scopes that keep every row outside the
 * actor's reach unread (404). Plain Java over {@link Actor} and the draw.
 */
final class DrawAccess {

    private DrawAccess() {
    }

    /**
     * Whether the actor prepares draws and keeps draw rules (细则): the Ministry's and provincial administrations'
     * officers.
     */
    static boolean mayManageDraws(Actor actor) {
        return actor.nationwide() || actor.has(Role.PROVINCIAL_OFFICER);
    }

    /** Whether the actor may approve, run, publish or ask to re-draw this draw: the Ministry any, a provincial officer their own province's. */
    static boolean mayManage(Actor actor, DrawView draw) {
        if (actor.nationwide()) {
            return true;
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null
                && actor.province().code().equals(draw.provinceCode());
    }

    /**
     * Whether the actor may give the second approval the draw waits for (four eyes, 双人复核): another officer than the
     * one who prepared the draft or asked for the re-draw. {@link Draw#approve} and {@link Draw#approveRedraw} refuse
     * the same.
     */
    static boolean maySecond(Actor actor, DrawView draw) {
        if (!mayManage(actor, draw)) {
            return false;
        }
        return switch (draw.state()) {
            case DRAFT -> !actor.username().equals(draw.preparedBy());
            case REDRAW_REQUESTED, RETRY_REQUESTED -> !actor.username().equals(draw.redrawRequestedBy());
            default -> false;
        };
    }

    /**
     * How much of the draw's result the actor sees (一公开 to the targets' reviewing authority and the assigned teams):
     * whoever may manage the draw all of it, another authority's provincial officer the targets its administration
     * reviews, an inspector their own team's checks, an operator the checks on its own units.
     */
    static ResultReach reach(Actor actor, DrawView draw) {
        if (mayManage(actor, draw)) {
            return ResultReach.WHOLE;
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            return ResultReach.AUTHORITY;
        }
        return servesOnTeams(actor) || !actor.operates() ? ResultReach.TEAM : ResultReach.TARGET;
    }

    /**
     * Whether the actor has a list of draws at all: the regulators' officers, the inspectors (their teams' published
     * draws) and the operators (the published draws naming their units). Anyone else — another department, the three
     * administrators — is answered 404 on the list, page and API alike, not an empty list.
     */
    static boolean readsDraws(Actor actor) {
        return mayManageDraws(actor) || servesOnTeams(actor) || actor.operates();
    }

    /** Whether the actor serves on inspection teams and so has planned spot checks of their own. */
    static boolean servesOnTeams(Actor actor) {
        return actor.has(Role.INSPECTOR);
    }

    /**
     * The province a provincial officer prepares draws and keeps rules for; empty for the Ministry's officers (any
     * province, national rules) and for anyone else.
     */
    static Optional<String> ownProvince(Actor actor) {
        if (actor.nationwide() || !actor.has(Role.PROVINCIAL_OFFICER) || actor.province() == null) {
            return Optional.empty();
        }
        return Optional.of(actor.province().code());
    }

    /** Whether the actor's draws are always of their own province (a provincial officer, not the Ministry's). */
    static boolean drawsInOwnProvinceOnly(Actor actor) {
        return actor.has(Role.PROVINCIAL_OFFICER) && !actor.nationwide();
    }

    /**
     * Whether the actor may add a version to rules of that name kept by {@code owner} ("" for the Ministry, else a
     * province code): the Ministry any rules, a provincial officer their own province's.
     */
    static boolean mayExtendRules(Actor actor, String owner) {
        return actor.nationwide() || owner.equals(ownProvince(actor).orElse(""));
    }

    /**
     * Who sees a draw (jurisdiction in SQL on {@code draw d}; anything else answers 404): the Ministry every draw; a
     * provincial officer their own province's draws and, once published (一公开), any draw with a planned check in force
     * whose target's filings their administration reviews; an inspector the published draws with a planned check in
     * force on whose team they serve; an operator (a target) the published draws with a planned check in force on one
     * of its own organisation tree's units, so that every target can check the commitment and re-run the draw (which
     * rows of its result each of them sees: {@link #resultScope}). Before publication no target is told it was drawn.
     */
    static SqlScope visibleDraws(Actor actor) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            return new SqlScope("d.province_code = :scope_province OR (d.published_at IS NOT NULL AND d.id IN "
                    + "(SELECT sa.draw_id FROM planned_spot_check sa WHERE sa.authority_province_code = :scope_province "
                    + "AND sa.check_state = 'PLANNED'))", Map.of("scope_province", actor.province().code()));
        }
        if (servesOnTeams(actor)) {
            return new SqlScope("d.published_at IS NOT NULL AND d.id IN (SELECT sc.draw_id FROM planned_spot_check sc "
                    + "JOIN planned_spot_check_member sm ON sm.check_id = sc.id WHERE sm.user_id = :scope_user "
                    + "AND sc.check_state = 'PLANNED')", Map.of("scope_user", actor.userId()));
        }
        if (actor.operates()) {
            SqlScope own = actor.jurisdiction().organisationScope("so.target_organisation_id");
            return new SqlScope("d.published_at IS NOT NULL AND d.id IN (SELECT so.draw_id FROM planned_spot_check so "
                    + "WHERE so.check_state = 'PLANNED' AND " + own.sql() + ")", own.params());
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /** Which draws the actor changes (on {@code draw d}): the Ministry any draw, a provincial officer their own province's. */
    static SqlScope managedDraws(Actor actor) {
        if (actor.nationwide()) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            return new SqlScope("d.province_code = :scope_province", Map.of("scope_province", actor.province().code()));
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /**
     * The rows of the draw's result (planned checks {@code c}, every round) the actor sees, in SQL: all for whoever may
     * manage the draw; else those whose target's filings the officer's administration reviews, and those on whose team
     * the inspector serves (both, for someone holding both roles), and for an operator those on its own units.
     */
    static SqlScope resultScope(Actor actor, DrawView draw) {
        if (mayManage(actor, draw)) {
            return new SqlScope("1 = 1", Map.of());
        }
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (actor.has(Role.PROVINCIAL_OFFICER) && actor.province() != null) {
            parts.add("c.authority_province_code = :result_province");
            params.put("result_province", actor.province().code());
        }
        if (servesOnTeams(actor)) {
            parts.add("c.id IN (SELECT rm.check_id FROM planned_spot_check_member rm WHERE rm.user_id = :result_user)");
            params.put("result_user", actor.userId());
        }
        if (actor.operates()) {
            SqlScope own = actor.jurisdiction().organisationScope("c.target_organisation_id");
            parts.add(own.sql());
            params.putAll(own.params());
        }
        return parts.isEmpty() ? new SqlScope("1 = 0", Map.of()) : new SqlScope(String.join(" OR ", parts), params);
    }

    /**
     * Whose detailed rules (细则, {@code province_code} of {@code draw_rules}) an officer sees and draws under: the
     * Ministry every authority's, a provincial officer their own province's and the Ministry's national rules.
     */
    static SqlScope usableRules(Actor actor) {
        return ownProvince(actor)
                .map(own -> new SqlScope("province_code IS NULL OR province_code = :rules_province",
                        Map.of("rules_province", own)))
                .orElseGet(() -> new SqlScope("1 = 1", Map.of()));
    }
}
