package org.inspectorate.spotcheck;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Spot checks and their teams in SQL: restores and saves {@link SpotCheck}, lists by keyset on the id. */
@Repository
class SpotCheckRepository {

    private static final String COLUMNS = """
            s.id, s.planned_check_id, s.draw_id, s.target_organisation_id, s.target_province_code, s.target_unit_ids,
            s.authority_province_code, s.leader_user_id, s.member_user_ids, s.check_state, s.methods, s.planned_on,
            s.starts_on, s.ends_on, s.documents, s.outside_draw_reason, s.cancel_reason, s.scheduled_at, s.started_on,
            s.reported_on, s.created_by, s.created_at, s.version""";

    private final JdbcClient jdbc;

    SpotCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new check (state PLANNED) with its team; its id. */
    long insert(SpotCheckView c, String operatorType, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO spot_check (planned_check_id, draw_id, target_organisation_id, target_province_code,
                    target_operator_type, target_unit_ids, authority_province_code, leader_user_id, member_user_ids, check_state, methods,
                    planned_on, outside_draw_reason, created_by, created_at, updated_at, version)
                VALUES (:planned, :draw, :org, :province, :type, :units, :authority, :leader, :members, :state, '',
                    :plannedOn, :reason, :by, :now, :now, 0)""")
                .param("planned", c.plannedCheckId()).param("draw", c.drawId()).param("org", c.targetOrganisationId())
                .param("province", c.targetProvinceCode()).param("type", operatorType).param("units", ids(c.targetUnitIds()))
                .param("authority", c.authorityProvinceCode()).param("leader", c.leaderUserId())
                .param("members", ids(c.memberUserIds())).param("state", c.state().name())
                .param("plannedOn", c.plannedOn()).param("reason", c.outsideDrawReason()).param("by", c.createdBy())
                .param("now", ts(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long user : c.team()) {
            jdbc.sql("INSERT INTO spot_check_member (check_id, user_id) VALUES (:id, :user)").param("id", id)
                    .param("user", user).update();
        }
        return id;
    }

    /** Saves the aggregate under its version; false when someone else saved it first. */
    boolean save(SpotCheckView c, Instant now) {
        return jdbc.sql("""
                UPDATE spot_check SET check_state = :state, methods = :methods, starts_on = :startsOn, ends_on = :endsOn,
                    documents = :documents, cancel_reason = :cancel, scheduled_at = :scheduledAt, started_on = :startedOn,
                    reported_on = :reportedOn, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", c.state().name()).param("methods", methods(c.methods())).param("startsOn", c.startsOn())
                .param("endsOn", c.endsOn()).param("documents", c.documents()).param("cancel", c.cancelReason())
                .param("scheduledAt", c.scheduledAt() == null ? null : ts(c.scheduledAt()))
                .param("startedOn", c.startedOn()).param("reportedOn", c.reportedOn()).param("now", ts(now))
                .param("id", c.id()).param("version", c.version()).update() == 1;
    }

    Optional<SpotCheckView> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spot_check s WHERE s.id = :id AND " + scope.sql())
                .params(scope.params()).param("id", id).query(SpotCheckRepository::row).optional();
    }

    /** The draw's spot checks, unscoped (for the reaction to its publication). */
    List<SpotCheckView> ofDraw(long drawId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spot_check s WHERE s.draw_id = :draw ORDER BY s.id")
                .param("draw", drawId).query(SpotCheckRepository::row).list();
    }

    /** One page, newest first, after the keyset id (exclusive), of the checks the scope shows. */
    List<SpotCheckView> page(SqlScope scope, SpotCheckQuery query, Long afterId, int limit) {
        Filter f = filter(scope, query);
        return jdbc.sql("SELECT " + COLUMNS + " FROM spot_check s WHERE " + f.sql
                        + (afterId == null ? "" : " AND s.id < :after") + " ORDER BY s.id DESC LIMIT " + limit)
                .params(f.scope.params()).params(f.params()).params(afterId == null ? java.util.Map.of()
                        : java.util.Map.of("after", afterId))
                .query(SpotCheckRepository::row).list();
    }

    /** The bounded count of the same list ("10,000+"). */
    Total count(SqlScope scope, SpotCheckQuery query) {
        Filter f = filter(scope, query);
        return Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM spot_check s WHERE " + f.sql))
                .params(f.scope.params()).params(f.params()).query(Long.class).single());
    }

    private record Filter(String sql, SqlScope scope, java.util.Map<String, Object> params) {
    }

    private static Filter filter(SqlScope scope, SpotCheckQuery q) {
        StringBuilder sql = new StringBuilder(scope.sql());
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (q.state() != null) {
            sql.append(" AND s.check_state = :q_state");
            params.put("q_state", q.state().name());
        }
        if (q.outsideDraw() != null) {
            sql.append(q.outsideDraw() ? " AND s.outside_draw_reason IS NOT NULL" : " AND s.outside_draw_reason IS NULL");
        }
        return new Filter(sql.toString(), scope, params);
    }

    /** Checks by the operator's province, its type and the state, within the scope (31 provinces × a few types). */
    List<ProgressRow> progress(SqlScope scope) {
        return jdbc.sql("SELECT s.target_province_code, s.target_operator_type, s.check_state, COUNT(*) FROM spot_check s "
                        + "WHERE " + scope.sql() + " GROUP BY s.target_province_code, s.target_operator_type, s.check_state")
                .params(scope.params())
                .query((rs, n) -> new ProgressRow(rs.getString(1), rs.getString(2),
                        SpotCheckState.valueOf(rs.getString(3)), rs.getLong(4))).list();
    }

    record ProgressRow(String province, String operatorType, SpotCheckState state, long checks) {
    }

    // --- lapses -----------------------------------------------------------------------------

    /** Records the lapse once per check and inspector; whether it is new. */
    boolean recordLapse(long checkId, long userId, String lapse, Instant now) {
        Integer seen = jdbc.sql("SELECT COUNT(*) FROM spot_check_lapse WHERE check_id = :c AND user_id = :u")
                .param("c", checkId).param("u", userId).query(Integer.class).single();
        if (seen > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO spot_check_lapse (check_id, user_id, lapse, noticed_at) VALUES (:c, :u, :l, :now)")
                .param("c", checkId).param("u", userId).param("l", lapse).param("now", ts(now)).update();
        return true;
    }

    List<ClearanceLapse> lapses(long checkId) {
        return jdbc.sql("SELECT check_id, user_id, lapse, noticed_at FROM spot_check_lapse WHERE check_id = :c "
                        + "ORDER BY noticed_at, user_id")
                .param("c", checkId).query((rs, n) -> new ClearanceLapse(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        instant(rs, "noticed_at"))).list();
    }

    /** The checks in progress or scheduled on whose team the inspector serves (for the lapse notice). */
    List<Long> activeChecksOf(long userId) {
        return jdbc.sql("""
                SELECT s.id FROM spot_check s JOIN spot_check_member m ON m.check_id = s.id
                WHERE m.user_id = :u AND s.check_state IN ('SCHEDULED', 'IN_PROGRESS') ORDER BY s.id""")
                .param("u", userId).query(Long.class).list();
    }

    // --- mapping ------------------------------------------------------------------------------

    private static SpotCheckView row(ResultSet rs, int n) throws SQLException {
        return new SpotCheckView(rs.getLong("id"), rs.getObject("planned_check_id", Long.class),
                rs.getObject("draw_id", Long.class), rs.getLong("target_organisation_id"),
                rs.getString("target_province_code"), longs(rs.getString("target_unit_ids")),
                rs.getString("authority_province_code"), rs.getLong("leader_user_id"),
                longs(rs.getString("member_user_ids")), SpotCheckState.valueOf(rs.getString("check_state")),
                parseMethods(rs.getString("methods")), date(rs, "planned_on"), date(rs, "starts_on"),
                date(rs, "ends_on"), rs.getString("documents"), rs.getString("outside_draw_reason"),
                rs.getString("cancel_reason"), instant(rs, "scheduled_at"), date(rs, "started_on"),
                date(rs, "reported_on"), rs.getString("created_by"), instant(rs, "created_at"), rs.getInt("version"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> longs(String text) {
        List<Long> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).map(Long::parseLong).forEach(out::add);
        }
        return out;
    }

    static String methods(Set<InspectionMethod> methods) {
        return methods.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<InspectionMethod> parseMethods(String text) {
        Set<InspectionMethod> out = EnumSet.noneOf(InspectionMethod.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(InspectionMethod::valueOf).forEach(out::add);
        }
        return out;
    }
}
