package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.Clearance;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The confidentiality gate (保密): an inspector reaches a check and anything of its target only while assigned AND
 * while vetted and under a valid personal and agency commitment, today. Asked on every request, so that a lapse
 * closes access at once (404); the first time a lapse is seen for a check in progress or scheduled, it is recorded
 * and {@link InspectorClearanceLapsed} tells the leader and the authority (their page of the check shows it).
 */
@Component
class SpotCheckGate {

    private final Agencies agencies;
    private final SpotCheckRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    SpotCheckGate(Agencies agencies, SpotCheckRepository repository, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.agencies = agencies;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The SQL scope of the checks the actor sees now (on {@code spot_check s}). */
    SqlScope scope(Actor actor) {
        return SpotCheckAccess.visible(actor, !actor.has(Role.INSPECTOR) || cleared(actor.userId()));
    }

    /** Whether the inspector is cleared today; a lapse is recorded on their active checks and told once. */
    boolean cleared(long userId) {
        Clearance c = agencies.clearance(userId, LocalDate.now(clock));
        if (!c.valid()) {
            for (Long check : repository.activeChecksOf(userId)) {
                noticeLapse(check, c);
            }
        }
        return c.valid();
    }

    /** Every team member's clearance today, leader first, for the leader's and the authority's page. */
    Map<Long, Clearance> team(SpotCheckView check) {
        Map<Long, Clearance> out = new LinkedHashMap<>();
        for (Long user : check.team()) {
            Clearance c = agencies.clearance(user, LocalDate.now(clock));
            out.put(user, c);
            if (!c.valid() && (check.state() == SpotCheckState.SCHEDULED || check.state() == SpotCheckState.IN_PROGRESS)) {
                noticeLapse(check.id(), c);
            }
        }
        return out;
    }

    /**
     * Records the lapse and tells it in a transaction of its own: the request that saw it usually ends in a 404,
     * whose rollback must not take the record and the notice with it.
     */
    private void noticeLapse(long checkId, Clearance c) {
        ownTransaction.executeWithoutResult(status -> {
            if (repository.recordLapse(checkId, c.userId(), c.lapse(), clock.instant())) {
                SpotCheckView check = repository.find(checkId, new SqlScope("1 = 1", Map.of())).orElseThrow();
                events.publishEvent(new InspectorClearanceLapsed(checkId, c.userId(), check.leaderUserId(),
                        check.authorityProvinceCode(), c.lapse()));
            }
        });
    }
}
