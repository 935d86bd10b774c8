package org.inspectorate.filing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Network units, their assets and versions in SQL; every read takes a scope predicate on {@code u}. */
@Repository
class NetworkUnitRepository {

    private static final String SUMMARY_COLUMNS = """
            u.id, u.organisation_id, u.name, u.category, u.grade_level, u.filing_state, u.filing_kind,
            u.authority_province_code, u.filing_number, u.due_on, u.submitted_at, u.updated_at, u.version""";

    private static final String COLUMNS = SUMMARY_COLUMNS + """
            , u.description, u.key_locations, u.responsible_person, u.responsible_contact, u.grading_reasoning,
            u.grading_reviewed_on, u.main_hardware, u.security_systems, u.base_software, u.application_software,
            u.protocols_ports, u.lifecycle_stage, u.current_version_no, u.in_force_version_no, u.created_at""";

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "u.name", "gradeLevel", "u.grade_level", "state", "u.filing_state", "category", "u.category",
            "updatedAt", "u.updated_at", "submittedAt", "u.submitted_at", "dueOn", "u.due_on");

    /** The orders read by seeking (never-null columns). */
    private static final Map<String, Function<Boolean, Seek>> SEEKABLE = Map.of(
            "name", asc -> Seek.text("u.name", "u.id", asc),
            "gradeLevel", asc -> Seek.text("u.grade_level", "u.id", asc),
            "state", asc -> Seek.text("u.filing_state", "u.id", asc),
            "category", asc -> Seek.text("u.category", "u.id", asc),
            "updatedAt", asc -> Seek.instant("u.updated_at", "u.id", asc),
            "submittedAt", asc -> Seek.instant("u.submitted_at", "u.id", asc));

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int BATCH = 500;

    /** A new DRAFT unit's row, for one unit and for the bulk upload's batches alike. */
    private static final String INSERT_DRAFT = """
            INSERT INTO network_unit (organisation_id, authority_province_code, name, category, description,
                key_locations, responsible_person, responsible_contact, grade_level, grading_reasoning,
                grading_reviewed_on, main_hardware, security_systems, base_software, application_software,
                protocols_ports, lifecycle_stage, filing_state, filing_kind, current_version_no, due_on,
                created_at, updated_at, version)
            VALUES (:org, :authority, :name, :category, :description, :keyLocations, :person, :contact,
                :level, :reasoning, :reviewedOn, :hardware, :security, :baseSoftware, :appSoftware,
                :protocols, :stage, 'DRAFT', 'INITIAL', 1, :dueOn, :now, :now, 0)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    NetworkUnitRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts new DRAFT units with their assets and first versions through JDBC batches of
     * {@value #BATCH} rows; the units' generated keys come back from the batch itself.
     */
    List<Long> insertAll(long organisationId, FilingAuthority authority, List<UnitContent> contents,
            List<LocalDate> dues, String by, Instant now) {
        List<Long> ids = new ArrayList<>(contents.size());
        for (int from = 0; from < contents.size(); from += BATCH) {
            int to = Math.min(from + BATCH, contents.size());
            SqlParameterSource[] units = new SqlParameterSource[to - from];
            List<SqlParameterSource> assets = new ArrayList<>();
            SqlParameterSource[] versions = new SqlParameterSource[to - from];
            for (int i = from; i < to; i++) {
                units[i - from] = new MapSqlParameterSource(
                        draftParams(organisationId, authority, contents.get(i), dues.get(i), now));
            }
            KeyHolder keys = new GeneratedKeyHolder();
            batch.batchUpdate(INSERT_DRAFT, units, keys, new String[] {"id"});
            List<Map<String, Object>> keyList = keys.getKeyList();
            if (keyList.size() != to - from) {
                throw new IllegalStateException("expected " + (to - from) + " generated keys, got " + keyList.size());
            }
            for (int i = from; i < to; i++) {
                long id = generatedId(keyList.get(i - from));
                ids.add(id);
                UnitContent c = contents.get(i);
                int seq = 0;
                for (Asset a : c.assets()) {
                    assets.add(new MapSqlParameterSource().addValue("unit", id).addValue("seq", seq++)
                            .addValue("kind", a.kind().name()).addValue("value", a.value())
                            .addValue("ports", a.openPorts()));
                }
                versions[i - from] = new MapSqlParameterSource().addValue("unit", id).addValue("no", 1)
                        .addValue("state", FilingState.DRAFT.name()).addValue("kind", FilingKind.INITIAL.name())
                        .addValue("snapshot", JSON.writeValueAsString(c))
                        .addValue("authority", authorityCode(authority)).addValue("by", by)
                        .addValue("now", Jdbc.ts(now));
            }
            if (!assets.isEmpty()) {
                batch.batchUpdate("""
                        INSERT INTO network_unit_asset (unit_id, seq_no, asset_kind, asset_value, open_ports)
                        VALUES (:unit, :seq, :kind, :value, :ports)""", assets.toArray(new SqlParameterSource[0]));
            }
            batch.batchUpdate("""
                    INSERT INTO network_unit_version (unit_id, version_no, filing_state, filing_kind, snapshot,
                        authority_province_code, created_by, created_at)
                    VALUES (:unit, :no, :state, :kind, :snapshot, :authority, :by, :now)""", versions);
        }
        return ids;
    }

    private static long generatedId(Map<String, Object> key) {
        Object id = key.containsKey("id") ? key.get("id") : key.get("ID");
        if (id == null && key.size() == 1) {
            id = key.values().iterator().next();
        }
        if (id instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("no generated id in " + key.keySet());
    }

    long insert(long organisationId, FilingAuthority authority, UnitContent c, LocalDate dueOn, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT_DRAFT).params(draftParams(organisationId, authority, c, dueOn, now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes the working copy if the unit still has {@code expectedVersion}; false when another change won. */
    boolean updateContent(long id, int expectedVersion, UnitContent c, FilingState state, FilingKind kind,
            int currentVersionNo, LocalDate dueOn, Instant now) {
        return jdbc.sql("""
                UPDATE network_unit SET name = :name, category = :category, description = :description,
                    key_locations = :keyLocations, responsible_person = :person, responsible_contact = :contact,
                    grade_level = :level, grading_reasoning = :reasoning, grading_reviewed_on = :reviewedOn,
                    main_hardware = :hardware, security_systems = :security, base_software = :baseSoftware,
                    application_software = :appSoftware, protocols_ports = :protocols, lifecycle_stage = :stage,
                    filing_state = :state, filing_kind = :kind, current_version_no = :versionNo, due_on = :dueOn,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :expected""")
                .params(contentParams(c))
                .param("state", state.name())
                .param("kind", kind.name())
                .param("versionNo", currentVersionNo)
                .param("dueOn", dueOn == null ? null : Date.valueOf(dueOn))
                .param("now", Jdbc.ts(now))
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /**
     * Moves the unit from {@code from} to {@code to} if it still has {@code expectedVersion}: the
     * optimistic claim that lets exactly one of two concurrent decisions win.
     */
    boolean transition(long id, int expectedVersion, FilingState from, FilingState to, Instant now) {
        return jdbc.sql("""
                UPDATE network_unit SET filing_state = :to, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :expected AND filing_state = :from""")
                .param("to", to.name())
                .param("now", Jdbc.ts(now))
                .param("id", id)
                .param("expected", expectedVersion)
                .param("from", from.name())
                .update() == 1;
    }

    void markSubmitted(long id, FilingAuthority authority, Instant now) {
        jdbc.sql("UPDATE network_unit SET authority_province_code = :authority, submitted_at = :now WHERE id = :id")
                .param("authority", authorityCode(authority))
                .param("now", Jdbc.ts(now))
                .param("id", id)
                .update();
    }

    void markFiled(long id, int inForceVersionNo, String filingNumber) {
        jdbc.sql("""
                UPDATE network_unit SET in_force_version_no = :versionNo, filing_number = :number, due_on = NULL
                WHERE id = :id""")
                .param("versionNo", inForceVersionNo)
                .param("number", filingNumber)
                .param("id", id)
                .update();
    }

    void replaceAssets(long unitId, List<Asset> assets) {
        jdbc.sql("DELETE FROM network_unit_asset WHERE unit_id = :id").param("id", unitId).update();
        int seq = 0;
        for (Asset a : assets) {
            jdbc.sql("""
                    INSERT INTO network_unit_asset (unit_id, seq_no, asset_kind, asset_value, open_ports)
                    VALUES (:unit, :seq, :kind, :value, :ports)""")
                    .param("unit", unitId)
                    .param("seq", seq++)
                    .param("kind", a.kind().name())
                    .param("value", a.value())
                    .param("ports", a.openPorts())
                    .update();
        }
    }

    /** The unit's filing, to move it through its lifecycle, if the scope reaches the unit. */
    Optional<Filing> findFiling(long id, SqlScope scope) {
        return find(id, scope).map(Filing::restore);
    }

    Optional<NetworkUnit> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + ", (SELECT v.decision_reasons FROM network_unit_version v "
                        + "WHERE v.unit_id = u.id AND v.filing_state = 'RETURNED' ORDER BY v.version_no DESC "
                        + "LIMIT 1) AS last_reasons FROM network_unit u WHERE u.id = :id AND (" + scope.sql() + ")")
                .param("id", id)
                .params(scope.params())
                .query((rs, n) -> mapUnit(rs, List.of()))
                .optional()
                .map(u -> new NetworkUnit(u.id(), u.organisationId(), u.authority(), withAssets(u.content(),
                        assets(u.id())), u.state(), u.kind(), u.currentVersionNo(), u.inForceVersionNo(),
                        u.filingNumber(), u.dueOn(), u.lastDecisionReasons(), u.submittedAt(), u.createdAt(),
                        u.updatedAt(), u.version()));
    }

    List<UnitAssets> assetsOf(long organisationId, SqlScope scope) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT u.id, u.name FROM network_unit u WHERE u.organisation_id = :org AND NOT (u.filing_state = "
                        + "'FILED' AND u.filing_kind = 'DECOMMISSION') AND (" + scope.sql() + ") ORDER BY u.id")
                .param("org", organisationId).params(scope.params())
                .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        Map<Long, List<Asset>> assets = new HashMap<>();
        if (!names.isEmpty()) {
            jdbc.sql("""
                    SELECT a.unit_id, a.asset_kind, a.asset_value, a.open_ports FROM network_unit_asset a
                    JOIN network_unit u ON u.id = a.unit_id WHERE u.organisation_id = :org
                    ORDER BY a.unit_id, a.seq_no""")
                    .param("org", organisationId)
                    .query((rs, n) -> assets.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                            .add(new Asset(AssetKind.valueOf(rs.getString("asset_kind")),
                                    rs.getString("asset_value"), rs.getString("open_ports"))))
                    .list();
        }
        List<UnitAssets> out = new ArrayList<>();
        names.forEach((id, name) -> out.add(new UnitAssets(id, organisationId, name,
                assets.getOrDefault(id, List.of()))));
        return out;
    }

    private static UnitContent withAssets(UnitContent c, List<Asset> assets) {
        return new UnitContent(c.name(), c.category(), c.description(), c.keyLocations(), c.responsiblePerson(),
                c.responsibleContact(), c.gradeLevel(), c.gradingReasoning(), c.gradingReviewedOn(),
                c.mainHardware(), c.securitySystems(), c.baseSoftware(), c.applicationSoftware(),
                c.protocolsAndPorts(), c.lifecycleStage(), assets);
    }

    private List<Asset> assets(long unitId) {
        return jdbc.sql("""
                SELECT asset_kind, asset_value, open_ports FROM network_unit_asset WHERE unit_id = :id
                ORDER BY seq_no""")
                .param("id", unitId)
                .query((rs, n) -> new Asset(AssetKind.valueOf(rs.getString("asset_kind")),
                        rs.getString("asset_value"), rs.getString("open_ports")))
                .list();
    }

    /** How many units match: one COUNT. */
    long count(UnitQuery query, SqlScope scope) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        where(query, scope, where, params);
        return jdbc.sql("SELECT COUNT(*) FROM network_unit u" + where).params(params).query(Long.class).single();
    }

    private static void where(UnitQuery query, SqlScope scope, StringBuilder where, Map<String, Object> params) {
        where.append(" WHERE (").append(scope.sql()).append(")");
        params.putAll(scope.params());
        if (query.state() != null) {
            where.append(" AND u.filing_state = :state");
            params.put("state", query.state().name());
        }
        if (query.gradeLevel() != null) {
            where.append(" AND u.grade_level = :level");
            params.put("level", query.gradeLevel().name());
        }
        if (query.category() != null) {
            where.append(" AND u.category = :category");
            params.put("category", query.category().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(u.name) LIKE :text OR LOWER(u.filing_number) LIKE :text)");
            params.put("text", "%" + query.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
    }

    /**
     * One page of the units matching the query in the scope, with a bounded total; ordered by a seekable
     * key ({@link #SEEKABLE}) it reads after the page's cursor, otherwise by page number. The submission time
     * is seekable only in the review queue, where every unit has one.
     */
    PageResult<NetworkUnitSummary> search(UnitQuery query, SqlScope scope, PageRequest page, String defaultSort) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        where(query, scope, where, params);
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM network_unit u" + where))
                .params(params).query(Long.class).single());
        String key = page.sort() != null && SORTABLE.containsKey(page.sort()) ? page.sort() : defaultSort;
        boolean seekable = SEEKABLE.containsKey(key)
                && (!"submittedAt".equals(key) || query.state() == FilingState.SUBMITTED);
        Seek seek = seekable ? SEEKABLE.get(key).apply(page.ascending()) : null;
        PageRequest effective = seek != null || !page.seeks() ? page
                : new PageRequest(page.page(), page.size(), page.sort(), page.ascending());
        String order = seek != null ? seek.orderBy()
                : SORTABLE.get(key) + " " + page.direction() + ", u.id " + page.direction();
        List<NetworkUnitSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM network_unit u" + where
                        + (seek == null ? "" : seek.condition(effective)) + " ORDER BY " + order
                        + Seek.limit(effective))
                .params(params)
                .params(seek == null ? Map.of() : seek.params(effective))
                .query(NetworkUnitRepository::mapSummary)
                .list();
        return Seek.page(items, effective, total, seek == null ? u -> null : u -> cursor(key, u));
    }

    private static Keyset cursor(String key, NetworkUnitSummary u) {
        return new Keyset(switch (key) {
            case "updatedAt" -> u.updatedAt().toString();
            case "submittedAt" -> u.submittedAt().toString();
            case "gradeLevel" -> u.gradeLevel().name();
            case "state" -> u.state().name();
            case "category" -> u.category().name();
            default -> u.name();
        }, u.id());
    }

    // --- mapping ----------------------------------------------------------------------------

    private static Map<String, Object> draftParams(long organisationId, FilingAuthority authority, UnitContent c,
            LocalDate dueOn, Instant now) {
        Map<String, Object> params = new HashMap<>(contentParams(c));
        params.put("org", organisationId);
        params.put("authority", authorityCode(authority));
        params.put("dueOn", dueOn == null ? null : Date.valueOf(dueOn));
        params.put("now", Jdbc.ts(now));
        return params;
    }

    private static Map<String, Object> contentParams(UnitContent c) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", c.name());
        p.put("category", c.category().name());
        p.put("description", c.description());
        p.put("keyLocations", c.keyLocations());
        p.put("person", c.responsiblePerson());
        p.put("contact", c.responsibleContact());
        p.put("level", c.gradeLevel().name());
        p.put("reasoning", c.gradingReasoning());
        p.put("reviewedOn", Date.valueOf(c.gradingReviewedOn()));
        p.put("hardware", c.mainHardware());
        p.put("security", c.securitySystems());
        p.put("baseSoftware", c.baseSoftware());
        p.put("appSoftware", c.applicationSoftware());
        p.put("protocols", c.protocolsAndPorts());
        p.put("stage", c.lifecycleStage().name());
        return p;
    }

    static String authorityCode(FilingAuthority authority) {
        return authority == null || authority.isMinistry() ? null : authority.province().code();
    }

    static FilingAuthority authority(String provinceCode) {
        return provinceCode == null ? FilingAuthority.MINISTRY
                : FilingAuthority.of(Province.ofCode(provinceCode).orElseThrow());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static NetworkUnitSummary mapSummary(ResultSet rs, int row) throws SQLException {
        return new NetworkUnitSummary(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                NetworkCategory.valueOf(rs.getString("category")), GradeLevel.valueOf(rs.getString("grade_level")),
                FilingState.valueOf(rs.getString("filing_state")), FilingKind.valueOf(rs.getString("filing_kind")),
                authority(rs.getString("authority_province_code")), rs.getString("filing_number"),
                date(rs, "due_on"), Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static NetworkUnit mapUnit(ResultSet rs, List<Asset> assets) throws SQLException {
        UnitContent content = new UnitContent(rs.getString("name"), NetworkCategory.valueOf(rs.getString("category")),
                rs.getString("description"), rs.getString("key_locations"), rs.getString("responsible_person"),
                rs.getString("responsible_contact"), GradeLevel.valueOf(rs.getString("grade_level")),
                rs.getString("grading_reasoning"), date(rs, "grading_reviewed_on"), rs.getString("main_hardware"),
                rs.getString("security_systems"), rs.getString("base_software"),
                rs.getString("application_software"), rs.getString("protocols_ports"),
                LifecycleStage.valueOf(rs.getString("lifecycle_stage")), assets);
        return new NetworkUnit(rs.getLong("id"), rs.getLong("organisation_id"),
                authority(rs.getString("authority_province_code")), content,
                FilingState.valueOf(rs.getString("filing_state")), FilingKind.valueOf(rs.getString("filing_kind")),
                rs.getInt("current_version_no"), rs.getObject("in_force_version_no", Integer.class),
                rs.getString("filing_number"), date(rs, "due_on"), rs.getString("last_reasons"),
                Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    /** The reviewing province of each of the units that a province reviews, by unit id. */
    Map<Long, String> reviewingProvinces(List<Long> unitIds) {
        Map<Long, String> out = new HashMap<>();
        if (!unitIds.isEmpty()) {
            jdbc.sql("SELECT id, authority_province_code FROM network_unit WHERE id IN (:ids) "
                            + "AND authority_province_code IS NOT NULL")
                    .param("ids", unitIds).query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        }
        return out;
    }

    /** Units with a filing in force that are not retired, with their operators' type and province, by id. */
    List<FiledUnit> filedUnits() {
        return jdbc.sql("""
                SELECT u.id, u.organisation_id, o.type, o.province_code, u.category, u.grade_level,
                    u.authority_province_code
                FROM network_unit u JOIN organisation o ON o.id = u.organisation_id
                WHERE u.in_force_version_no IS NOT NULL AND u.filing_kind <> 'DECOMMISSION'
                ORDER BY u.id""")
                .query((rs, n) -> new FiledUnit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        NetworkCategory.valueOf(rs.getString(5)), GradeLevel.valueOf(rs.getString(6)),
                        rs.getString(7)))
                .list();
    }

    /** Filings owed between the two days (not yet filed: drafts, submitted or returned), by due day and id after the cursor. */
    List<FilingDue> dueBetween(LocalDate from, LocalDate to, LocalDate afterDue, long afterId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.organisation_id, u.name, u.filing_kind, u.due_on FROM network_unit u
                WHERE u.due_on >= :after_due AND u.due_on >= :from AND u.due_on <= :to
                  AND (u.due_on > :after_due OR u.id > :after_id) AND u.filing_state <> 'FILED'
                ORDER BY u.due_on, u.id LIMIT :limit""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("after_due", Date.valueOf(afterDue)).param("after_id", afterId).param("limit", limit)
                .query((rs, n) -> new FilingDue(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        FilingKind.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate()))
                .list();
    }
}
