package org.inspectorate.selfinspection;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;

/**
 * Who may do what in self-inspection, in one place (plain Java over {@link Actor} and the workspace). The
 * service asks it before acting and the pages take their flags from it; which workspaces an actor reads at
 * all stays in SQL (the actor's jurisdiction), so a workspace outside it is never read.
 */
final class SelfInspectionAccess {

    /** Whether the actor self-inspects for its organisation (an operator's administrator or staff). */
    boolean maySelfInspect(Actor actor) {
        return actor.operates();
    }

    /** Whether the actor sees the submission-status view: the Ministry, or a provincial officer with a province. */
    boolean mayViewStatus(Actor actor) {
        return actor.regulates();
    }

    /** Whether the actor filters the status view by province: the Ministry, which sees every province. */
    boolean mayFilterByProvince(Actor actor) {
        return actor.nationwide();
    }

    /**
     * Whether the actor is the report's recipient, who accepts or returns it: the Ministry for a report routed
     * to it, otherwise the provincial officer of the recipient province.
     */
    boolean reviews(Actor actor, Workspace workspace) {
        if (workspace.recipientProvince() == null) {
            return actor.nationwide();
        }
        return actor.has(Role.PROVINCIAL_OFFICER) && workspace.recipientProvince() == actor.province();
    }

    /** Whether the actor is the operator this self-inspection belongs to (its own, not a subsidiary's). */
    boolean owns(Actor actor, SelfInspection s) {
        return maySelfInspect(actor) && s.organisation().id() == actor.organisationId();
    }

    /** Whether the actor may edit now: the owner, while the campaign is open and the workspace editable. */
    boolean mayEdit(Actor actor, SelfInspection s) {
        return owns(actor, s) && s.editable();
    }

    /** Whether the actor may accept or return the report now: its recipient, while it is submitted. */
    boolean mayReview(Actor actor, SelfInspection s) {
        return s.workspace() != null && Workspace.Step.ACCEPT.startsFrom(s.workspace().state())
                && reviews(actor, s.workspace());
    }
}
