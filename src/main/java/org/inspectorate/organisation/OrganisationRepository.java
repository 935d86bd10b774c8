package org.inspectorate.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.inspectorate.system.Jdbc;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Organisations in SQL; every read takes the caller's jurisdiction. */
@Repository
class OrganisationRepository {

    private static final String COLUMNS = """
            o.id, o.type, o.name, o.credit_code, o.province_code, o.licence_number, o.parent_id,
            o.contact_name, o.contact_phone, o.created_at, o.version, o.department_kind""";

    private static final Map<String, String> SORTABLE = Map.of(
            "name", "o.name", "type", "o.type", "province", "o.province_code", "creditCode", "o.credit_code",
            "createdAt", "o.created_at");

    /** The orders read by seeking: never-null columns, each served by an index with the id. */
    private static final Map<String, Function<Boolean, Seek>> SEEKABLE = Map.of(
            "name", asc -> Seek.text("o.name", "o.id", asc),
            "creditCode", asc -> Seek.text("o.credit_code", "o.id", asc),
            "createdAt", asc -> Seek.instant("o.created_at", "o.id", asc));

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Organisations.ValidOrganisation o, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organisation (type, name, credit_code, province_code, licence_number,
                    licence_cross_regional, parent_id, contact_name, contact_phone, created_at)
                VALUES (:type, :name, :creditCode, :province, :licence, :crossRegional, :parentId,
                    :contactName, :contactPhone, :now)""")
                .param("type", o.type().name())
                .param("name", o.name())
                .param("creditCode", o.creditCode().value())
                .param("province", o.province() == null ? null : o.province().code())
                .param("licence", o.licenceNumber() == null ? null : o.licenceNumber().value())
                .param("crossRegional", o.licenceNumber() != null && o.licenceNumber().crossRegional())
                .param("parentId", o.parentId())
                .param("contactName", o.contactName())
                .param("contactPhone", o.contactPhone())
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Organisation> find(long id, Jurisdiction jurisdiction) {
        Jurisdiction.SqlScope scope = jurisdiction.organisationScope("o.id");
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = :id AND " + scope.sql())
                .param("id", id)
                .params(scope.params())
                .query(OrganisationRepository::map)
                .optional();
    }

    /** Names by id for the given ids, without jurisdiction; ids that do not exist are absent. */
    Map<Long, String> namesUnscoped(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) { // IN lists stay small on every database
            jdbc.sql("SELECT id, name FROM organisation WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                    .list();
        }
        return names;
    }

    /** Without jurisdiction: for sign-in and the module's own rules only. */
    /** Records which department another department's organisation is; whether it was one. */
    boolean updateDepartmentKind(long id, DepartmentKind kind) {
        return jdbc.sql("UPDATE organisation SET department_kind = :kind, version = version + 1"
                        + " WHERE id = :id AND type = 'OTHER_DEPARTMENT'")
                .param("kind", kind.name()).param("id", id).update() == 1;
    }

    Optional<Organisation> administrationOf(Province province) {
        String where = province == null ? "o.type = 'MINISTRY_BUREAU'"
                : "o.type = 'PROVINCIAL_ADMINISTRATION' AND o.province_code = :p";
        var q = jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE " + where + " ORDER BY o.id LIMIT 1");
        if (province != null) {
            q = q.param("p", province.code());
        }
        return q.query(OrganisationRepository::map).optional();
    }

    Optional<Organisation> findUnscoped(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = :id")
                .param("id", id)
                .query(OrganisationRepository::map)
                .optional();
    }

    Optional<Organisation> findByCreditCode(String creditCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.credit_code = :c")
                .param("c", creditCode)
                .query(OrganisationRepository::map)
                .optional();
    }

    Map<String, Long> countByProvince(OrganisationType type) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT province_code, COUNT(*) FROM organisation WHERE type = :t AND province_code IS NOT NULL"
                        + " GROUP BY province_code")
                .param("t", type.name())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation").query(Long.class).single();
    }

    boolean creditCodeTaken(String creditCode) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE credit_code = :c").param("c", creditCode)
                .query(Long.class).single() > 0;
    }

    boolean licenceTaken(String licence) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE licence_number = :l").param("l", licence)
                .query(Long.class).single() > 0;
    }

    PageResult<Organisation> search(OrganisationQuery query, Jurisdiction jurisdiction, PageRequest page) {
        Jurisdiction.SqlScope scope = jurisdiction.organisationRowScope("o");
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(o.name) LIKE :text ESCAPE '!' OR LOWER(o.credit_code) LIKE :text ESCAPE '!'"
                    + " OR LOWER(o.licence_number) LIKE :text ESCAPE '!')");
            params.put("text", containing(query.text()));
        }
        if (query.type() != null) {
            where.append(" AND o.type = :type");
            params.put("type", query.type().name());
        }
        if (query.operatorsOnly()) {
            where.append(" AND o.type IN (:operatorTypes)");
            params.put("operatorTypes", OrganisationQuery.operatorTypeNames());
        }
        if (query.province() != null) {
            where.append(" AND o.province_code = :province");
            params.put("province", query.province().code());
        }
        if (query.parentId() != null) {
            where.append(" AND o.parent_id = :parentId");
            params.put("parentId", query.parentId());
        }
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM organisation o" + where))
                .params(params).query(Long.class).single());
        String key = page.sort() == null || !SORTABLE.containsKey(page.sort()) ? "name" : page.sort();
        Seek seek = SEEKABLE.containsKey(key) ? SEEKABLE.get(key).apply(page.ascending()) : null;
        String order = seek != null ? seek.orderBy() : SORTABLE.get(key) + " " + page.direction() + ", o.id";
        PageRequest effective = seek != null ? page : withoutCursor(page);
        List<Organisation> items = jdbc.sql("SELECT " + COLUMNS + " FROM organisation o" + where
                        + (seek == null ? "" : seek.condition(effective)) + " ORDER BY " + order
                        + Seek.limit(effective))
                .params(params)
                .params(seek == null ? Map.of() : seek.params(effective))
                .query(OrganisationRepository::map)
                .list();
        return Seek.page(items, effective, total, seek == null ? o -> null : o -> cursor(key, o));
    }

    /** The cursor after {@code o} in the order of {@code key} (one of {@link #SEEKABLE}). */
    private static Keyset cursor(String key, Organisation o) {
        return new Keyset(switch (key) {
            case "createdAt" -> o.createdAt().toString();
            case "creditCode" -> o.creditCode().value();
            default -> o.name();
        }, o.id());
    }

    /** A cursor means nothing to an order that is not seekable: such lists page by number. */
    private static PageRequest withoutCursor(PageRequest page) {
        return page.seeks() ? new PageRequest(page.page(), page.size(), page.sort(), page.ascending()) : page;
    }

    /** A LIKE pattern matching {@code text} anywhere, lower-cased, with the user's own wildcards escaped. */
    static String containing(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    static Organisation map(ResultSet rs, int row) throws SQLException {
        String province = rs.getString("province_code");
        String licence = rs.getString("licence_number");
        return new Organisation(rs.getLong("id"), OrganisationType.valueOf(rs.getString("type")),
                rs.getString("name"), new CreditCode(rs.getString("credit_code")),
                province == null ? null : Province.ofCode(province).orElseThrow(),
                licence == null ? null : new LicenceNumber(licence),
                rs.getObject("parent_id", Long.class),
                rs.getString("contact_name"), rs.getString("contact_phone"),
                Jdbc.instant(rs, "created_at"), rs.getInt("version"),
                DepartmentKind.valueOf(rs.getString("department_kind")));
    }
}
