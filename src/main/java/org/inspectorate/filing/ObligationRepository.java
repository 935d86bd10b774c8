package org.inspectorate.filing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Obligation baselines, recorded evaluations and their report files in SQL; reads take a scope on {@code u}. */
@Repository
class ObligationRepository {

    private static final String RECORD_COLUMNS = """
            r.id, r.unit_id, r.record_kind, r.performed_on, r.performed_by, r.outcome, r.summary, r.rectification,
            r.reported_on, r.report_file_name, r.report_content_type, r.report_size, r.report_sha256, r.recorded_by,
            r.recorded_at, r.version""";

    /** Units that owe obligations: filed at least once (a baseline) and not retired. */
    private static final String UNIT_FACTS = """
            SELECT u.id, u.name, u.organisation_id, b.filed_grade_level, b.first_filed_on, b.level_changed_on,
                (SELECT MAX(r.performed_on) FROM obligation_record r
                    WHERE r.unit_id = u.id AND r.record_kind = 'CONFORMITY_EVALUATION') AS last_conformity,
                (SELECT MAX(r.performed_on) FROM obligation_record r
                    WHERE r.unit_id = u.id AND r.record_kind = 'RISK_ASSESSMENT') AS last_risk
            FROM network_unit u JOIN obligation_baseline b ON b.unit_id = u.id
            WHERE NOT (u.filing_state = 'FILED' AND u.filing_kind = 'DECOMMISSION')""";

    private final JdbcClient jdbc;

    ObligationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- baseline ---------------------------------------------------------------------------

    record Baseline(long unitId, GradeLevel level, LocalDate firstFiledOn, LocalDate levelChangedOn) {
    }

    Optional<Baseline> baseline(long unitId) {
        return jdbc.sql("""
                SELECT unit_id, filed_grade_level, first_filed_on, level_changed_on FROM obligation_baseline
                WHERE unit_id = :unit""")
                .param("unit", unitId)
                .query((rs, n) -> new Baseline(rs.getLong("unit_id"), GradeLevel.valueOf(rs.getString(
                        "filed_grade_level")), date(rs, "first_filed_on"), date(rs, "level_changed_on")))
                .optional();
    }

    void insertBaseline(long unitId, GradeLevel level, LocalDate filedOn, Instant now) {
        jdbc.sql("""
                INSERT INTO obligation_baseline (unit_id, filed_grade_level, first_filed_on, updated_at)
                VALUES (:unit, :level, :filedOn, :now)""")
                .param("unit", unitId)
                .param("level", level.name())
                .param("filedOn", Date.valueOf(filedOn))
                .param("now", Jdbc.ts(now))
                .update();
    }

    void changeLevel(long unitId, GradeLevel level, LocalDate changedOn, Instant now) {
        jdbc.sql("""
                UPDATE obligation_baseline SET filed_grade_level = :level, level_changed_on = :changedOn,
                    updated_at = :now
                WHERE unit_id = :unit""")
                .param("level", level.name())
                .param("changedOn", Date.valueOf(changedOn))
                .param("now", Jdbc.ts(now))
                .param("unit", unitId)
                .update();
    }

    // --- facts for the policy ---------------------------------------------------------------

    List<ObligationPolicy.UnitFacts> unitFacts(SqlScope scope, GradeLevel level, Long unitId) {
        StringBuilder sql = new StringBuilder(UNIT_FACTS).append(" AND (").append(scope.sql()).append(")");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (level != null) {
            sql.append(" AND b.filed_grade_level = :level");
            params.put("level", level.name());
        }
        if (unitId != null) {
            sql.append(" AND u.id = :unitId");
            params.put("unitId", unitId);
        }
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ObligationPolicy.UnitFacts(rs.getLong("id"), rs.getString("name"),
                        rs.getLong("organisation_id"), GradeLevel.valueOf(rs.getString("filed_grade_level")),
                        date(rs, "first_filed_on"), date(rs, "level_changed_on"), date(rs, "last_conformity"),
                        date(rs, "last_risk")))
                .list();
    }

    /** Every recorded evaluation or assessment of the units in scope, by unit id. */
    Map<Long, List<ObligationPolicy.RecordFacts>> recordFacts(SqlScope scope, Long unitId) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String sql = """
                SELECT r.id, r.unit_id, r.record_kind, r.performed_on, r.reported_on
                FROM obligation_record r JOIN network_unit u ON u.id = r.unit_id
                WHERE (""" + scope.sql() + ")";
        if (unitId != null) {
            sql += " AND u.id = :unitId";
            params.put("unitId", unitId);
        }
        Map<Long, List<ObligationPolicy.RecordFacts>> out = new HashMap<>();
        jdbc.sql(sql + " ORDER BY r.performed_on, r.id").params(params).query(rs -> {
            out.computeIfAbsent(rs.getLong("unit_id"), k -> new java.util.ArrayList<>())
                    .add(new ObligationPolicy.RecordFacts(rs.getLong("id"),
                            ObligationKind.valueOf(rs.getString("record_kind")), date(rs, "performed_on"),
                            date(rs, "reported_on")));
        });
        return out;
    }

    // --- records ----------------------------------------------------------------------------

    long insertRecord(long unitId, ObligationKind kind, LocalDate performedOn, String performedBy,
            ObligationOutcome outcome, String summary, String rectification, LocalDate reportedOn,
            ObligationReportFile file, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO obligation_record (unit_id, record_kind, performed_on, performed_by, outcome, summary,
                    rectification, reported_on, report_file_name, report_content_type, report_size, report_sha256,
                    recorded_by, recorded_at, version)
                VALUES (:unit, :kind, :performedOn, :performedBy, :outcome, :summary, :rectification, :reportedOn,
                    :fileName, :contentType, :size, :sha, :by, :now, 0)""")
                .param("unit", unitId)
                .param("kind", kind.name())
                .param("performedOn", Date.valueOf(performedOn))
                .param("performedBy", performedBy)
                .param("outcome", outcome.name())
                .param("summary", summary)
                .param("rectification", rectification)
                .param("reportedOn", reportedOn == null ? null : Date.valueOf(reportedOn))
                .param("fileName", file == null ? null : file.fileName())
                .param("contentType", file == null ? null : file.contentType())
                .param("size", file == null ? null : (long) file.content().length)
                .param("sha", file == null ? null : file.sha256())
                .param("by", by)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (file != null) {
            jdbc.sql("INSERT INTO obligation_report_file (record_id, content) VALUES (:id, :content)")
                    .param("id", id)
                    .param("content", file.content())
                    .update();
        }
        return id;
    }

    /** Sets the reported day if the record still has {@code expectedVersion} and none is set yet. */
    boolean markReported(long recordId, int expectedVersion, LocalDate reportedOn) {
        return jdbc.sql("""
                UPDATE obligation_record SET reported_on = :reportedOn, version = version + 1
                WHERE id = :id AND version = :expected AND reported_on IS NULL""")
                .param("reportedOn", Date.valueOf(reportedOn))
                .param("id", recordId)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    Optional<ObligationRecord> record(long recordId, SqlScope scope) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM obligation_record r JOIN network_unit u ON u.id = r.unit_id"
                        + " WHERE r.id = :id AND (" + scope.sql() + ")")
                .param("id", recordId)
                .params(scope.params())
                .query(ObligationRepository::mapRecord)
                .optional();
    }

    List<ObligationRecord> records(long unitId) {
        return jdbc.sql("SELECT " + RECORD_COLUMNS + " FROM obligation_record r WHERE r.unit_id = :unit"
                        + " ORDER BY r.performed_on DESC, r.id DESC")
                .param("unit", unitId)
                .query(ObligationRepository::mapRecord)
                .list();
    }

    Optional<byte[]> reportContent(long recordId) {
        return jdbc.sql("SELECT content FROM obligation_report_file WHERE record_id = :id")
                .param("id", recordId)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    private static ObligationRecord mapRecord(ResultSet rs, int row) throws SQLException {
        return new ObligationRecord(rs.getLong("id"), rs.getLong("unit_id"),
                ObligationKind.valueOf(rs.getString("record_kind")), date(rs, "performed_on"),
                rs.getString("performed_by"), ObligationOutcome.valueOf(rs.getString("outcome")),
                rs.getString("summary"), rs.getString("rectification"), date(rs, "reported_on"),
                rs.getString("report_file_name"), rs.getString("report_content_type"),
                rs.getObject("report_size", Long.class), rs.getString("report_sha256"), rs.getString("recorded_by"),
                Jdbc.instant(rs, "recorded_at"), rs.getInt("version"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
