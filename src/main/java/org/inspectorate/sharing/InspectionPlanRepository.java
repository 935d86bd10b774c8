package org.inspectorate.sharing;

import static org.inspectorate.system.Jdbc.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The inspection calendar through plain SQL; the scopes come from {@link CalendarAccess}. */
@Repository
class InspectionPlanRepository {

    private static final String SELECT = """
            SELECT p.*, o.name AS operator_name, l.name AS lead_name
            FROM inspection_plan p
            JOIN organisation o ON o.id = p.operator_id
            JOIN organisation l ON l.id = p.lead_org_id""";
    /** At most this many plans of one operator are compared for overlap: a calendar, not a history. */
    private static final int OVERLAP_CANDIDATES = 200;

    private final JdbcClient jdbc;

    InspectionPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(InspectionPlan.Facts f, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_plan (operator_id, province_code, lead_org_id, starts_on, ends_on, scope, state,
                  created_by, created_at, version)
                VALUES (:operator, :province, :lead, :starts, :ends, :scope, 'PLANNED', :by, :now, 0)""")
                .param("operator", f.operatorId()).param("province", f.provinceCode()).param("lead", f.leadOrgId())
                .param("starts", Date.valueOf(f.startsOn())).param("ends", Date.valueOf(f.endsOn()))
                .param("scope", f.scope()).param("by", f.createdBy()).param("now", ts(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    void insertParticipant(long planId, InspectionPlan.Participant p, Instant now) {
        jdbc.sql("INSERT INTO inspection_participant (plan_id, org_id, members, joined_at)"
                        + " VALUES (:plan, :org, :members, :now)")
                .param("plan", planId).param("org", p.orgId()).param("members", p.members()).param("now", ts(now))
                .update();
    }

    /** Saves the plan's state if nobody changed it meanwhile; whether it did. */
    boolean saveState(InspectionPlan plan) {
        return jdbc.sql("UPDATE inspection_plan SET state = :state, version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .param("state", plan.state().name()).param("id", plan.id()).param("version", plan.version())
                .update() == 1;
    }

    Optional<PlanView> find(long id, SqlScope scope) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND (" + scope.sql() + ")").param("id", id)
                .params(scope.params()).query(this::map).optional();
    }

    Optional<InspectionPlan> load(long id, SqlScope scope) {
        return find(id, scope).map(v -> new InspectionPlan(v.id(), new InspectionPlan.Facts(v.operatorId(),
                v.provinceCode(), v.leadOrgId(), v.startsOn(), v.endsOn(), v.scope(), v.createdBy()), v.state(),
                v.participants(), version(id)));
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM inspection_plan WHERE id = :id").param("id", id).query(Integer.class)
                .single();
    }

    /** The live plans of the operator, nearest first, for the overlap check (whichever department planned them). */
    List<PlanView> liveOfOperator(long operatorId) {
        return jdbc.sql(SELECT + " WHERE p.operator_id = :operator AND p.state <> 'CANCELLED'"
                        + " ORDER BY p.starts_on DESC, p.id DESC LIMIT " + OVERLAP_CANDIDATES)
                .param("operator", operatorId).query(this::map).list();
    }

    /** A page of the plans in the scope, the latest start first, with a bounded total. */
    PageResult<PlanView> page(SqlScope scope, PageRequest page) {
        String where = " WHERE (" + scope.sql() + ")";
        Map<String, Object> params = new HashMap<>(scope.params());
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM inspection_plan p" + where))
                .params(params).query(Long.class).single());
        List<PlanView> rows = jdbc.sql(SELECT + where
                        + " ORDER BY p.starts_on DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        return new PageResult<>(rows, page.page(), page.size(), total, null);
    }

    private List<InspectionPlan.Participant> participants(long planId) {
        return jdbc.sql("""
                SELECT x.org_id, o.name, x.members FROM inspection_participant x
                JOIN organisation o ON o.id = x.org_id WHERE x.plan_id = :plan ORDER BY x.id""")
                .param("plan", planId)
                .query((rs, n) -> new InspectionPlan.Participant(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private PlanView map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new PlanView(id, rs.getLong("operator_id"), rs.getString("operator_name"),
                rs.getString("province_code"), rs.getLong("lead_org_id"), rs.getString("lead_name"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("scope"),
                PlanState.valueOf(rs.getString("state")), participants(id), rs.getString("created_by"));
    }
}
