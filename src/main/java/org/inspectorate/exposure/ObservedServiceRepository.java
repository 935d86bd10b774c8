package org.inspectorate.exposure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The observed services in SQL: batch writes for an import, a unit's page, and the discrepancy pass's keyset reads. */
@Repository
class ObservedServiceRepository {

    private static final String COLUMNS = """
            s.id, s.organisation_id, s.unit_id, s.host, s.port, s.protocol, s.service_name, s.product,
            s.product_version, s.first_seen_at, s.last_seen_at, s.first_import_id, s.last_import_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ObservedServiceRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored service's key and which import saw it last. */
    record Known(long id, long lastImportId) {
    }

    /** The unit, host, port and protocol of a service: its natural key. */
    record Key(long unitId, String host, int port, String protocol) {
        static Key of(ServiceObservation o) {
            return new Key(o.unitId(), o.host(), o.port(), o.protocol());
        }
    }

    /** The stored services of the unit on these hosts (at most a batch's worth of hosts), by key. */
    Map<Key, Known> known(long unitId, Collection<String> hosts) {
        Map<Key, Known> out = new HashMap<>();
        jdbc.sql("SELECT id, host, port, protocol, last_import_id FROM observed_service"
                        + " WHERE unit_id = :unit AND host IN (:hosts)")
                .param("unit", unitId)
                .param("hosts", List.copyOf(hosts))
                .query(rs -> {
                    out.put(new Key(unitId, rs.getString("host"), rs.getInt("port"), rs.getString("protocol")),
                            new Known(rs.getLong("id"), rs.getLong("last_import_id")));
                });
        return out;
    }

    void insert(List<ServiceObservation> fresh, Map<Long, Long> organisationOf, long importId, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(fresh.size());
        for (ServiceObservation o : fresh) {
            rows.add(new Object[] {organisationOf.get(o.unitId()), o.unitId(), o.host(), o.port(), o.protocol(),
                    o.serviceName(), o.product(), o.version(), Jdbc.ts(now), Jdbc.ts(now), importId, importId});
        }
        Jdbc.insertRows(batch, """
                INSERT INTO observed_service (organisation_id, unit_id, host, port, protocol, service_name, product,
                    product_version, first_seen_at, last_seen_at, first_import_id, last_import_id)""", rows);
    }

    /** Marks services seen again by this import; names the scanner gave replace older ones, none keeps them. */
    void seen(Map<Long, ServiceObservation> byId, long importId, Instant now) {
        if (byId.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(byId.size());
        byId.forEach((id, o) -> rows.add(new Object[] {Jdbc.ts(now), importId, o.serviceName(), o.product(),
                o.version(), id}));
        batch.batchUpdate("""
                UPDATE observed_service SET last_seen_at = ?, last_import_id = ?,
                    service_name = COALESCE(?, service_name), product = COALESCE(?, product),
                    product_version = COALESCE(?, product_version)
                WHERE id = ?""", rows);
    }

    /**
     * The next services of the unit this import saw that have no discrepancy yet, after {@code afterId}: the
     * discrepancy pass reads them a page at a time rather than holding a cursor open while it writes.
     */
    List<ServiceDiscrepancy.Service> withoutDiscrepancy(long unitId, long importId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT s.id, s.organisation_id, s.unit_id, s.host, s.port, s.protocol, s.service_name, s.product
                FROM observed_service s
                WHERE s.unit_id = :unit AND s.last_import_id = :import AND s.id > :after
                    AND NOT EXISTS (SELECT 1 FROM service_discrepancy d WHERE d.observed_service_id = s.id)
                ORDER BY s.id
                LIMIT :limit""")
                .param("unit", unitId)
                .param("import", importId)
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new ServiceDiscrepancy.Service(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getLong("unit_id"), rs.getString("host"), rs.getInt("port"), rs.getString("protocol"),
                        rs.getString("service_name"), rs.getString("product")))
                .list();
    }

    /** A page of the unit's services in the scope, by host, port and protocol (the unique key's order). */
    PageResult<ObservedService> page(long unitId, SqlScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("unit", unitId);
        String where = " FROM observed_service s WHERE s.unit_id = :unit AND (" + scope.sql() + ")";
        long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ObservedService> items = jdbc.sql("SELECT " + COLUMNS + where
                        + " ORDER BY s.host, s.port, s.protocol LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new ObservedService(rs.getLong("id"), rs.getLong("organisation_id"),
                        rs.getLong("unit_id"), rs.getString("host"), rs.getInt("port"), rs.getString("protocol"),
                        rs.getString("service_name"), rs.getString("product"), rs.getString("product_version"),
                        Jdbc.instant(rs, "first_seen_at"), Jdbc.instant(rs, "last_seen_at"),
                        rs.getLong("first_import_id"), rs.getLong("last_import_id")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }
}
