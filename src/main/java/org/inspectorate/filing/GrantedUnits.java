package org.inspectorate.filing;

import java.util.Map;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network units and filings another department was granted (授权范围内的备案): one operator's own units,
 * read with the operator in the SQL like any jurisdiction, so another operator's unit is never read (404). The
 * sharing module checks that the grant is live and audits the read; this only reads.
 */
@Service
public class GrantedUnits {

    private final NetworkUnitRepository repository;

    GrantedUnits(NetworkUnitRepository repository) {
        this.repository = repository;
    }

    /** A page of the operator's units, the most recently changed first, with a bounded total. */
    @Transactional(readOnly = true)
    public PageResult<NetworkUnitSummary> list(long organisationId, PageRequest page) {
        return repository.search(UnitQuery.all(), scope(organisationId), page, "updatedAt");
    }

    /** The operator's unit; any other is {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public NetworkUnit get(long organisationId, long id) {
        return repository.find(id, scope(organisationId)).orElseThrow(() -> new NotFoundException("network unit", id));
    }

    private static SqlScope scope(long organisationId) {
        return new SqlScope("u.organisation_id = :gr_org", Map.of("gr_org", organisationId));
    }
}
