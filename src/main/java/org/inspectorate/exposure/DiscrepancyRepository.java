package org.inspectorate.exposure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetKind;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Filing discrepancies in SQL: reads take a scope on {@code d.organisation_id}; saves check the version. */
@Repository
class DiscrepancyRepository {

    private static final String COLUMNS = """
            d.id, d.state, d.opened_at, d.opened_import_id, d.declared_version_no, d.finding_id, d.decided_by,
            d.decided_at, d.settled_at, d.version, s.id AS service_id, s.organisation_id, s.unit_id, s.host, s.port,
            s.protocol, s.service_name, s.product""";
    private static final String FROM = " FROM service_discrepancy d JOIN observed_service s ON s.id = d.observed_service_id";

    /** The whitelisted sort keys of the per-operator counts. */
    private static final Map<String, String> COUNT_SORTS = Map.of(
            "open", "open_count", "declared", "declared_count", "findingOpened", "finding_count",
            "settled", "settled_count", "name", "LOWER(o.name)");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DiscrepancyRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Opens a discrepancy for each of the services. */
    void open(List<ServiceDiscrepancy.Service> services, long importId, Instant now) {
        if (services.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(services.size());
        for (ServiceDiscrepancy.Service s : services) {
            rows.add(new Object[] {s.id(), s.organisationId(), s.unitId(), DiscrepancyState.OPEN.name(), Jdbc.ts(now),
                    importId, 0});
        }
        Jdbc.insertRows(batch, """
                INSERT INTO service_discrepancy (observed_service_id, organisation_id, unit_id, state, opened_at,
                    opened_import_id, version)""", rows);
    }

    Optional<Discrepancy> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = :id AND (" + scope.sql() + ")")
                .param("id", id)
                .params(scope.params())
                .query(DiscrepancyRepository::aggregate)
                .optional();
    }

    /** The unit's discrepancies not yet settled, for an accepted filing to settle (a unit's worth, not a register's). */
    List<Discrepancy> unsettled(long unitId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.unit_id = :unit AND d.state <> 'SETTLED' ORDER BY d.id")
                .param("unit", unitId)
                .query(DiscrepancyRepository::aggregate)
                .list();
    }

    /**
     * What the unit's working copy declares, read from the filing's own rows: called as its filing is accepted, when
     * the working copy is the version in force, inside that transaction (no actor to ask the filing module with).
     */
    DeclaredPorts filedPorts(long unitId) {
        String text = jdbc.sql("SELECT protocols_ports FROM network_unit WHERE id = :unit")
                .param("unit", unitId).query(String.class).optional().orElse(null);
        List<Asset> assets = jdbc.sql("""
                SELECT asset_kind, asset_value, open_ports FROM network_unit_asset WHERE unit_id = :unit
                ORDER BY seq_no""")
                .param("unit", unitId)
                .query((rs, n) -> new Asset(AssetKind.valueOf(rs.getString("asset_kind")), rs.getString("asset_value"),
                        rs.getString("open_ports")))
                .list();
        return new DeclaredPorts(text, assets);
    }

    /** Saves the discrepancy if nobody changed it meanwhile. */
    boolean save(Discrepancy d) {
        return jdbc.sql("""
                UPDATE service_discrepancy SET state = :state, declared_version_no = :declared, finding_id = :finding,
                    decided_by = :by, decided_at = :decidedAt, settled_at = :settledAt, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", d.state().name())
                .param("declared", d.declaredVersionNo())
                .param("finding", d.findingId())
                .param("by", d.decidedBy())
                .param("decidedAt", d.decidedAt() == null ? null : Jdbc.ts(d.decidedAt()))
                .param("settledAt", d.settledAt() == null ? null : Jdbc.ts(d.settledAt()))
                .param("id", d.id())
                .param("version", d.version())
                .update() == 1;
    }

    /** One discrepancy as pages show it. */
    Optional<ServiceDiscrepancy> view(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = :id AND (" + scope.sql() + ")")
                .param("id", id)
                .params(scope.params())
                .query(DiscrepancyRepository::view)
                .optional();
    }

    /** A page of the unit's discrepancies in the scope: open ones first, then newest first. */
    PageResult<ServiceDiscrepancy> page(long unitId, SqlScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("unit", unitId);
        String where = " WHERE d.unit_id = :unit AND (" + scope.sql() + ")";
        long total = jdbc.sql("SELECT COUNT(*) FROM service_discrepancy d" + where).params(params)
                .query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ServiceDiscrepancy> items = jdbc.sql("SELECT " + COLUMNS + FROM + where
                        + " ORDER BY CASE WHEN d.state = 'OPEN' THEN 0 ELSE 1 END, d.id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query(DiscrepancyRepository::view)
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /**
     * The operators in the scope (a predicate on {@code d.organisation_id}) that have discrepancies, with their counts
     * by state, optionally those whose name contains {@code name}; sorted by a whitelisted key, most open first.
     */
    PageResult<OperatorDiscrepancies> counts(SqlScope scope, String name, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        StringBuilder where = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        if (name != null && !name.isBlank()) {
            where.append(" AND LOWER(o.name) LIKE :name ESCAPE '!'");
            params.put("name", "%" + like(name.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String key = COUNT_SORTS.getOrDefault(page.sort() == null ? "open" : page.sort(), "open_count");
        params.put("limit", page.size());
        params.put("offset", page.offset());
        long[] total = {-1};
        String from = """
                FROM service_discrepancy d JOIN organisation o ON o.id = d.organisation_id""" + where
                + " GROUP BY o.id, o.name";
        String counts = """
                SELECT o.id, o.name,
                    SUM(CASE WHEN d.state = 'OPEN' THEN 1 ELSE 0 END) AS open_count,
                    SUM(CASE WHEN d.state = 'DECLARED' THEN 1 ELSE 0 END) AS declared_count,
                    SUM(CASE WHEN d.state = 'FINDING_OPENED' THEN 1 ELSE 0 END) AS finding_count,
                    SUM(CASE WHEN d.state = 'SETTLED' THEN 1 ELSE 0 END) AS settled_count""";
        // One execution gives the page and, by the window over the groups, how many operators match.
        List<OperatorDiscrepancies> items = jdbc.sql(counts + ", COUNT(*) OVER () AS total_rows " + from
                        + " ORDER BY " + key + " " + page.direction() + ", o.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return new OperatorDiscrepancies(rs.getLong("id"), rs.getString("name"), rs.getLong("open_count"),
                            rs.getLong("declared_count"), rs.getLong("finding_count"), rs.getLong("settled_count"));
                })
                .list();
        if (total[0] < 0) { // an empty page: nothing matches, or the page lies past the end
            total[0] = page.offset() == 0 ? 0
                    : jdbc.sql("SELECT COUNT(*) FROM (SELECT o.id " + from + ") g").params(params)
                            .query(Long.class).single();
        }
        return new PageResult<>(items, page.page(), page.size(), total[0]);
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static ServiceDiscrepancy.Service service(ResultSet rs) throws SQLException {
        return new ServiceDiscrepancy.Service(rs.getLong("service_id"), rs.getLong("organisation_id"),
                rs.getLong("unit_id"), rs.getString("host"), rs.getInt("port"), rs.getString("protocol"),
                rs.getString("service_name"), rs.getString("product"));
    }

    private static Discrepancy aggregate(ResultSet rs, int row) throws SQLException {
        return new Discrepancy(rs.getLong("id"), service(rs), DiscrepancyState.valueOf(rs.getString("state")),
                rs.getObject("declared_version_no", Integer.class), rs.getObject("finding_id", Long.class),
                rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"), Jdbc.instant(rs, "settled_at"),
                rs.getInt("version"));
    }

    private static ServiceDiscrepancy view(ResultSet rs, int row) throws SQLException {
        return new ServiceDiscrepancy(rs.getLong("id"), service(rs), DiscrepancyState.valueOf(rs.getString("state")),
                Jdbc.instant(rs, "opened_at"), rs.getLong("opened_import_id"),
                rs.getObject("declared_version_no", Integer.class), rs.getObject("finding_id", Long.class),
                rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"), Jdbc.instant(rs, "settled_at"),
                rs.getInt("version"));
    }
}
