package org.inspectorate.rectification;

import java.util.HashMap;
import java.util.Map;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;

/**
 * Who may do what with rectification notices: the one place of this module's role rules, asked by the services
 * before they act and by the pages for their buttons. Which notices an actor sees stays in SQL, a predicate on the
 * addressee's organisation column.
 * <ul>
 * <li>Regulators' officers (部、省通信管理局) issue notices to operators of their area, decide extensions and verify
 * — each the notices of its own authority; they see every notice addressed to an operator of their area, the
 * Ministry every province's.</li>
 * <li>Operators (单位管理员/工作人员) see the issued notices addressed to their organisation tree (never a draft),
 * reply and ask for an extension.</li>
 * <li>Nobody else sees a notice: 404.</li>
 * </ul>
 */
final class RectificationAccess {

    /** The Ministry's authority code (provinces use their GB/T 2260 code). */
    static final String MINISTRY = "000000";

    private static final SqlScope NOTHING = new SqlScope("1 = 0", Map.of());

    boolean maySee(Actor actor) {
        return actor.regulates() || actor.operates();
    }

    /** Drafts and issues notices: a regulator's officer with an area. */
    boolean mayIssue(Actor actor) {
        return actor.regulates();
    }

    /** Replies and asks for an extension: the operator's team. */
    boolean mayReply(Actor actor) {
        return actor.operates();
    }

    /** Verifies, decides extensions, supersedes and follows up: an officer of the authority that issued it. */
    boolean mayManage(Actor actor, String authorityCode) {
        return actor.regulates() && authority(actor).equals(authorityCode);
    }

    /** The opening of a notice by this actor is the operator's read receipt (已读回执). */
    boolean readsAsAddressee(Actor actor) {
        return actor.operates() && !actor.has(Role.MINISTRY_OFFICER) && !actor.has(Role.PROVINCIAL_OFFICER);
    }

    /** The authority the officer issues for: their province's code, or the Ministry's. */
    String authority(Actor actor) {
        return actor.nationwide() || actor.province() == null ? MINISTRY : actor.province().code();
    }

    /**
     * The notices the actor sees, as a predicate on {@code notice}'s columns ({@code <alias>.operator_id},
     * {@code <alias>.state}): regulators their area's, operators their tree's issued ones, nobody else any.
     */
    SqlScope viewScope(Actor actor, String alias) {
        if (!maySee(actor)) {
            return NOTHING;
        }
        SqlScope area = actor.jurisdiction().organisationScope(alias + ".operator_id");
        if (actor.regulates()) {
            return area;
        }
        Map<String, Object> params = new HashMap<>(area.params());
        return new SqlScope("(" + area.sql() + ") AND " + alias + ".state <> 'DRAFT'", params);
    }
}
