package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings another department was granted (授权范围内的问题): one operator's, of the granted categories and
 * severities, opened within the granted period — a jurisdiction of its own, written into the register's SQL like
 * {@link FindingScope}, so a finding outside it is never read (404). The sharing module checks that the grant is
 * live and audits the read; this only reads.
 */
@Service
public class GrantedFindings {

    private final FindingRepository repository;
    private final Clock clock;

    GrantedFindings(FindingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * What a grant covers: the operator (its own findings, not its subsidiaries'), the categories and severities
     * (empty: every one) and the days the finding was opened on ({@code from} to {@code to}, inclusive).
     */
    public record Grant(long organisationId, Set<Category> categories, Set<Severity> severities, LocalDate from,
            LocalDate to) {

        public Grant {
            categories = Set.copyOf(categories);
            severities = Set.copyOf(severities);
        }
    }

    /** A page of the granted findings, the most recently changed first, with a bounded total. */
    @Transactional(readOnly = true)
    public PageResult<Finding> list(Grant grant, PageRequest page) {
        SqlScope scope = scope(grant);
        return repository.search(FindingQuery.all(), new FindingScope(scope, List.of(scope)), page,
                FindingSort.UPDATED, today());
    }

    /** The finding, if the grant covers it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Finding get(Grant grant, long id) {
        return repository.find(id, scope(grant), LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("finding", id));
    }

    private SqlScope scope(Grant grant) {
        FindingRepository.Today today = today();
        StringBuilder sql = new StringBuilder("f.organisation_id = :gr_org AND f.created_at >= :gr_from"
                + " AND f.created_at < :gr_to");
        Map<String, Object> params = new HashMap<>();
        params.put("gr_org", grant.organisationId());
        params.put("gr_from", today.startOf(grant.from()));
        params.put("gr_to", today.startOf(grant.to().plusDays(1)));
        if (!grant.categories().isEmpty()) {
            sql.append(" AND f.category IN (:gr_categories)");
            params.put("gr_categories", grant.categories().stream().map(Enum::name).sorted().toList());
        }
        if (!grant.severities().isEmpty()) {
            sql.append(" AND f.severity IN (:gr_severities)");
            params.put("gr_severities", grant.severities().stream().map(Enum::name).sorted().toList());
        }
        return new SqlScope(sql.toString(), params);
    }

    private FindingRepository.Today today() {
        return new FindingRepository.Today(LocalDate.now(clock), clock.getZone());
    }
}
