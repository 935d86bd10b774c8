package org.inspectorate.spotcheck;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** A check's work in SQL: authorisations and their letters, findings with their notices, major problems, discipline. */
@Repository
class SpotCheckWorkRepository {

    private static final String AUTHORISATION = """
            id, check_id, method, scope_text, window_from, window_until, team_contact, operator_contact, letter_name,
            letter_type, letter_size, letter_sha256, recorded_by, recorded_at, confirmed_by, confirmed_at""";
    private static final String FINDING = """
            f.finding_id, f.check_id, f.method, f.target_host, f.title, f.severity, f.network_unit_id, f.recorded_by,
            f.recorded_at, f.notice_state, f.told_at, f.told_method, f.told_by, f.acknowledged_name, f.answered_at,
            f.answered_by, f.refusal_reason, f.major_at, f.major_reason, f.target_organisation_id,
            f.target_province_code, f.assessment, f.assessed_by, f.assessed_at""";

    private final JdbcClient jdbc;

    SpotCheckWorkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- authorisations ---------------------------------------------------------------------------

    long insertAuthorisation(TestingAuthorisation a, byte[] letter) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO spot_check_authorisation (check_id, method, scope_text, window_from, window_until,
                    team_contact, operator_contact, letter_name, letter_type, letter_size, letter_sha256, letter,
                    recorded_by, recorded_at)
                VALUES (:check, :method, :scope, :from, :until, :team, :operator, :name, :type, :size, :sha, :letter,
                    :by, :at)""")
                .param("check", a.spotCheckId()).param("method", a.method().name()).param("scope", a.scope())
                .param("from", ts(a.windowFrom())).param("until", ts(a.windowUntil())).param("team", a.teamContact())
                .param("operator", a.operatorContact()).param("name", a.letterName()).param("type", a.letterType())
                .param("size", a.letterSize()).param("sha", a.letterSha256()).param("letter", letter)
                .param("by", a.recordedBy()).param("at", ts(a.recordedAt())).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<TestingAuthorisation> authorisations(long checkId) {
        return jdbc.sql("SELECT " + AUTHORISATION + " FROM spot_check_authorisation WHERE check_id = :c ORDER BY id")
                .param("c", checkId).query(SpotCheckWorkRepository::authorisation).list();
    }

    Optional<TestingAuthorisation> authorisation(long checkId, long id) {
        return jdbc.sql("SELECT " + AUTHORISATION + " FROM spot_check_authorisation WHERE check_id = :c AND id = :id")
                .param("c", checkId).param("id", id).query(SpotCheckWorkRepository::authorisation).optional();
    }

    byte[] letter(long id) {
        return jdbc.sql("SELECT letter FROM spot_check_authorisation WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    boolean confirm(long id, String by, Instant at) {
        return jdbc.sql("UPDATE spot_check_authorisation SET confirmed_by = :by, confirmed_at = :at "
                        + "WHERE id = :id AND confirmed_by IS NULL")
                .param("by", by).param("at", ts(at)).param("id", id).update() == 1;
    }

    // --- findings and notices -----------------------------------------------------------------------

    void insertFinding(CheckFinding f) {
        jdbc.sql("""
                INSERT INTO spot_check_finding (finding_id, check_id, method, target_host, title, severity,
                    network_unit_id, recorded_by, recorded_at, target_organisation_id, target_province_code)
                VALUES (:finding, :check, :method, :host, :title, :severity, :unit, :by, :at, :org, :province)""")
                .param("finding", f.findingId()).param("check", f.spotCheckId()).param("method", f.method().name())
                .param("host", f.host()).param("title", f.title()).param("severity", f.severity())
                .param("unit", f.networkUnitId()).param("by", f.recordedBy()).param("at", ts(f.recordedAt()))
                .param("org", f.targetOrganisationId()).param("province", f.targetProvinceCode()).update();
    }

    List<CheckFinding> findings(long checkId) {
        return jdbc.sql("SELECT " + FINDING + " FROM spot_check_finding f WHERE f.check_id = :c ORDER BY f.finding_id")
                .param("c", checkId).query(SpotCheckWorkRepository::finding).list();
    }

    Optional<CheckFinding> finding(long checkId, long findingId) {
        return jdbc.sql("SELECT " + FINDING + " FROM spot_check_finding f WHERE f.check_id = :c AND f.finding_id = :f")
                .param("c", checkId).param("f", findingId).query(SpotCheckWorkRepository::finding).optional();
    }

    /** Records the notice as told; false when another request told it first. */
    boolean tell(long findingId, InspectionMethod method, String by, Instant at) {
        return jdbc.sql("UPDATE spot_check_finding SET notice_state = 'TOLD', told_at = :at, told_method = :method, "
                        + "told_by = :by WHERE finding_id = :f AND notice_state IS NULL")
                .param("at", ts(at)).param("method", method.name()).param("by", by).param("f", findingId)
                .update() == 1;
    }

    boolean answer(long findingId, NoticeState to, String name, String reason, String by, Instant at) {
        return jdbc.sql("""
                UPDATE spot_check_finding SET notice_state = :to, acknowledged_name = :name, refusal_reason = :reason,
                    answered_by = :by, answered_at = :at WHERE finding_id = :f AND notice_state = 'TOLD'""")
                .param("to", to.name()).param("name", name).param("reason", reason).param("by", by)
                .param("at", ts(at)).param("f", findingId).update() == 1;
    }

    boolean markMajor(long findingId, String reason, Instant at) {
        return jdbc.sql("UPDATE spot_check_finding SET major_at = :at, major_reason = :reason "
                        + "WHERE finding_id = :f AND major_at IS NULL")
                .param("at", ts(at)).param("reason", reason).param("f", findingId).update() == 1;
    }

    void assess(long findingId, String text, String by, Instant at) {
        jdbc.sql("UPDATE spot_check_finding SET assessment = :text, assessed_by = :by, assessed_at = :at "
                        + "WHERE finding_id = :f AND major_at IS NOT NULL")
                .param("text", text).param("by", by).param("at", ts(at)).param("f", findingId).update();
    }

    /** Major problems the scope shows, newest first, a page after the keyset (major_at, finding id). */
    List<CheckFinding> majorProblems(SqlScope scope, Instant afterAt, Long afterId, int limit) {
        String seek = afterAt == null ? ""
                : " AND f.major_at <= :afterAt AND (f.major_at < :afterAt OR f.finding_id < :afterId)";
        var spec = jdbc.sql("SELECT " + FINDING + " FROM spot_check_finding f WHERE f.major_at IS NOT NULL AND "
                + scope.sql() + seek + " ORDER BY f.major_at DESC, f.finding_id DESC LIMIT " + limit)
                .params(scope.params());
        if (afterAt != null) {
            spec = spec.param("afterAt", ts(afterAt)).param("afterId", afterId);
        }
        return spec.query(SpotCheckWorkRepository::finding).list();
    }

    // --- discipline ------------------------------------------------------------------------------

    /** Stores the declaration; false when the check has one already. */
    boolean declare(DisciplineDeclaration d) {
        Integer seen = jdbc.sql("SELECT COUNT(*) FROM spot_check_discipline WHERE check_id = :c")
                .param("c", d.spotCheckId()).query(Integer.class).single();
        if (seen > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO spot_check_discipline (check_id, breach, breach_text, declared_by, declared_at)
                VALUES (:c, :breach, :text, :by, :at)""")
                .param("c", d.spotCheckId()).param("breach", d.breach()).param("text", d.breachText())
                .param("by", d.declaredBy()).param("at", ts(d.declaredAt())).update();
        return true;
    }

    Optional<DisciplineDeclaration> discipline(long checkId) {
        return jdbc.sql("SELECT check_id, breach, breach_text, declared_by, declared_at FROM spot_check_discipline "
                        + "WHERE check_id = :c")
                .param("c", checkId).query((rs, n) -> new DisciplineDeclaration(rs.getLong(1), rs.getBoolean(2),
                        rs.getString(3), rs.getString(4), instant(rs, "declared_at"))).optional();
    }

    /** Breach reports of the checks the scope (on {@code spot_check s}) shows, newest first, at most {@code limit}. */
    List<DisciplineDeclaration> breaches(SqlScope scope, int limit) {
        return jdbc.sql("SELECT d.check_id, d.breach, d.breach_text, d.declared_by, d.declared_at "
                        + "FROM spot_check_discipline d JOIN spot_check s ON s.id = d.check_id WHERE d.breach = :yes AND "
                        + scope.sql() + " ORDER BY d.declared_at DESC, d.check_id DESC LIMIT " + limit)
                .params(scope.params()).param("yes", true)
                .query((rs, n) -> new DisciplineDeclaration(rs.getLong(1), rs.getBoolean(2), rs.getString(3),
                        rs.getString(4), instant(rs, "declared_at"))).list();
    }

    // --- mapping ------------------------------------------------------------------------------

    private static TestingAuthorisation authorisation(ResultSet rs, int n) throws SQLException {
        return new TestingAuthorisation(rs.getLong("id"), rs.getLong("check_id"),
                InspectionMethod.valueOf(rs.getString("method")), rs.getString("scope_text"),
                instant(rs, "window_from"), instant(rs, "window_until"), rs.getString("team_contact"),
                rs.getString("operator_contact"), rs.getString("letter_name"), rs.getString("letter_type"),
                rs.getInt("letter_size"), rs.getString("letter_sha256"), rs.getString("recorded_by"),
                instant(rs, "recorded_at"), rs.getString("confirmed_by"), instant(rs, "confirmed_at"));
    }

    private static CheckFinding finding(ResultSet rs, int n) throws SQLException {
        String notice = rs.getString("notice_state");
        String told = rs.getString("told_method");
        return new CheckFinding(rs.getLong("finding_id"), rs.getLong("check_id"),
                InspectionMethod.valueOf(rs.getString("method")), rs.getString("target_host"), rs.getString("title"),
                rs.getString("severity"), rs.getLong("network_unit_id"), rs.getString("recorded_by"),
                instant(rs, "recorded_at"), notice == null ? null : NoticeState.valueOf(notice),
                instant(rs, "told_at"), told == null ? null : InspectionMethod.valueOf(told), rs.getString("told_by"),
                rs.getString("acknowledged_name"), instant(rs, "answered_at"), rs.getString("answered_by"),
                rs.getString("refusal_reason"), instant(rs, "major_at"), rs.getString("major_reason"),
                rs.getLong("target_organisation_id"), rs.getString("target_province_code"), rs.getString("assessment"),
                rs.getString("assessed_by"), instant(rs, "assessed_at"));
    }
}
