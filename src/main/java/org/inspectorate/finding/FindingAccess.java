package org.inspectorate.finding;

import java.util.ArrayList;
import java.util.List;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;

/**
 * Who may do what to findings: the module's one access policy, plain Java over {@link Actor}. Services ask it
 * before acting and pages take their buttons from it; which findings an actor sees at all stays in SQL
 * (the jurisdiction's scope), so a finding outside it is never read (404).
 */
final class FindingAccess {

    /** Opens findings, imports them and attaches evidence: an operator's team or a regulator's officer. */
    boolean mayOpen(Actor actor) {
        return mayReadRegister(actor);
    }

    /**
     * Reads the register's list and its download: an operator's team or a regulator's officer. Everyone else (an
     * inspector, another department, the three administrators) has no register to read, not an empty one.
     */
    boolean mayReadRegister(Actor actor) {
        return actor.operates() || actor.regulates();
    }

    /** Fixes and mitigates findings and keeps their accountability record: the operator's team. */
    boolean mayRectify(Actor actor) {
        return actor.operates();
    }

    /** Verifies, closes and reopens findings: the operator's administrator (its reviewer) or a regulator. */
    boolean mayReview(Actor actor) {
        return actor.has(Role.OPERATOR_ADMIN) || actor.regulates();
    }

    /**
     * Takes the lifecycle step to {@code to}: fixing and mitigating rectify, every other step reviews. Nobody
     * suppresses by hand: SUPPRESSED is the reporting tool's statement, recorded by an import.
     */
    boolean mayTake(Actor actor, FindingStatus to) {
        if (to == FindingStatus.SUPPRESSED) {
            return false;
        }
        return to == FindingStatus.FIXED || to == FindingStatus.MITIGATED ? mayRectify(actor) : mayReview(actor);
    }

    /** The lifecycle steps the actor may take on the finding now (pages offer only these). */
    List<FindingStatus> stepsFor(Actor actor, Finding finding) {
        List<FindingStatus> steps = new ArrayList<>();
        for (FindingStatus to : finding.nextSteps()) {
            if (mayTake(actor, to)) {
                steps.add(to);
            }
        }
        return steps;
    }

    /** Sees the regulators' summary and overdue views: a regulator's officer with an area. */
    boolean mayReport(Actor actor) {
        return actor.regulates();
    }

    /** Sees those views by province, for every province: the Ministry. */
    boolean reportsNationwide(Actor actor) {
        return actor.nationwide();
    }
}
