package org.inspectorate.spotcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.agency.Agencies;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.scoring.ScoringSubject;
import org.inspectorate.scoring.ScoringSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What scoring (量化评分) knows of a spot check: the implementation of its SPI. A check is scored once it is
 * scheduled and until it is reported (never a planned or cancelled one). The team it names is the team as cleared
 * today: a member whose vetting or commitments lapsed is off the team for scoring at once, as the confidentiality gate
 * takes them off the check. A leader whose clearance lapsed leaves the check without a leader ({@code
 * leaderAccountId} 0, no account): nobody submits its sheet until the authority names a new one. Read unscoped:
 * scoring applies its own access policy to the subject it gets.
 */
@Component
class SpotCheckScoringSubjects implements ScoringSubjects {

    private static final Set<SpotCheckState> SCORED = Set.of(SpotCheckState.SCHEDULED, SpotCheckState.IN_PROGRESS,
            SpotCheckState.REPORTED);

    /** No account has id 0: a check whose leader lost clearance has nobody who may submit. */
    static final long NO_LEADER = 0;

    private final SpotCheckRepository checks;
    private final Organisations organisations;
    private final Agencies agencies;
    private final Clock clock;

    SpotCheckScoringSubjects(SpotCheckRepository checks, Organisations organisations, Agencies agencies, Clock clock) {
        this.checks = checks;
        this.organisations = organisations;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ScoringSubject> find(long spotCheckId) {
        return checks.find(spotCheckId, new SqlScope("1 = 1", Map.of()))
                .filter(check -> SCORED.contains(check.state()))
                .flatMap(check -> organisations.findUnscoped(check.targetOrganisationId())
                        .map(operator -> subject(check, operator)));
    }

    private ScoringSubject subject(SpotCheckView check, Organisation operator) {
        LocalDate today = LocalDate.now(clock);
        Set<Long> cleared = new LinkedHashSet<>();
        for (long member : check.team()) {
            if (agencies.clearance(member, today).valid()) {
                cleared.add(member);
            }
        }
        Province authority = check.authorityProvinceCode() == null ? null
                : Province.ofCode(check.authorityProvinceCode()).orElse(null);
        long leader = cleared.contains(check.leaderUserId()) ? check.leaderUserId() : NO_LEADER;
        return new ScoringSubject(check.id(), operator.id(), operator.name(), operator.type(), operator.province(),
                authority, yearOf(check), leader, cleared, check.outsideDraw());
    }

    /** The campaign year the score counts for: the year the check starts (or was planned, or created). */
    private static int yearOf(SpotCheckView check) {
        if (check.startsOn() != null) {
            return check.startsOn().getYear();
        }
        if (check.plannedOn() != null) {
            return check.plannedOn().getYear();
        }
        return check.createdAt().atZone(java.time.ZoneOffset.UTC).getYear();
    }
}
