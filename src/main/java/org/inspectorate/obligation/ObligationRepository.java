package org.inspectorate.obligation;


import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.inspectorate.filing.FilingDeadlinePolicy;
import org.inspectorate.filing.FilingRules;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.support.MetaDataAccessException;
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

    /** The whitelisted sort keys of the obligation list and their SQL (enums sort in declaration order, as in Java). */
    private static final Map<String, String> SORTS = Map.of(
            "dueOn", "o.due_on",
            "unitName", "LOWER(o.unit_name)",
            "kind", ordinal("o.obligation_kind", ObligationKind.values()),
            "level", ordinal("o.grade_level", GradeLevel.values()),
            "status", ordinal("o.status", ObligationStatus.values()));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile SqlDialect dialect;

    ObligationRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    // --- baseline ---------------------------------------------------------------------------

    /** What the obligations need of a unit the actor reaches: its current version and whether it is retired. */
    record ObligedUnit(long id, int currentVersionNo, boolean retired) {
    }

    /** The unit, if the scope reaches it. */
    Optional<ObligedUnit> unit(long unitId, SqlScope scope) {
        return jdbc.sql("SELECT u.id, u.current_version_no, u.filing_state, u.filing_kind FROM network_unit u"
                        + " WHERE u.id = :unit_id AND (" + scope.sql() + ")")
                .param("unit_id", unitId)
                .params(scope.params())
                .query((rs, n) -> new ObligedUnit(rs.getLong(1), rs.getInt(2),
                        "FILED".equals(rs.getString(3)) && "DECOMMISSION".equals(rs.getString(4))))
                .optional();
    }

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
            out.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                    .add(new ObligationPolicy.RecordFacts(rs.getLong("id"),
                            ObligationKind.valueOf(rs.getString("record_kind")), date(rs, "performed_on"),
                            date(rs, "reported_on")));
        });
        return out;
    }

    // --- the obligation list, computed, filtered, sorted and paged in SQL --------------------------

    /**
     * One page of the obligations of the units in scope, as {@link ObligationPolicy#all} computes them: the due
     * dates are the same calendar arithmetic ({@code date + months, then + days}, month ends kept), done by the
     * database so that filtering, sorting (a key of {@link #SORTS}, else {@code dueOn}) and paging happen there.
     */
    PageResult<Obligation> page(SqlScope scope, ObligationQuery query, FilingDeadlinePolicy deadlines, LocalDate today,
            PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("today", Date.valueOf(today));
        params.put("soon", Date.valueOf(deadlines.dueSoonUntil(today)));
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.kind() != null) {
            where.append(" AND o.obligation_kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", query.status().name());
        }
        String from = obligationsSql(scope, query.level(), deadlines, params) + where;
        String key = SORTS.getOrDefault(page.sort() == null ? "dueOn" : page.sort(), SORTS.get("dueOn"));
        String order = " ORDER BY " + key + (page.ascending() ? " ASC" : " DESC") + ", o.unit_id, "
                + ordinal("o.obligation_kind", ObligationKind.values()) + ", COALESCE(o.record_id, 0)";
        params.put("limit", page.size());
        params.put("offset", page.offset());
        long[] total = {-1};
        // One execution gives the page and, by the window, the count of every matching obligation.
        List<Obligation> items = jdbc.sql("SELECT o.*, COUNT(*) OVER () AS total_rows FROM " + from + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return new Obligation(rs.getLong("unit_id"), rs.getString("unit_name"),
                            rs.getLong("organisation_id"), GradeLevel.valueOf(rs.getString("grade_level")),
                            ObligationKind.valueOf(rs.getString("obligation_kind")),
                            Obligation.Reason.valueOf(rs.getString("reason")), date(rs, "due_on"),
                            ObligationStatus.valueOf(rs.getString("status")), date(rs, "last_done_on"),
                            rs.getObject("record_id") == null ? null : rs.getLong("record_id"));
                })
                .list();
        if (total[0] < 0) { // an empty page: nothing matches, or the page lies past the end
            total[0] = page.offset() == 0 ? 0
                    : jdbc.sql("SELECT COUNT(*) FROM " + from).params(params).query(Long.class).single();
        }
        return new PageResult<>(items, page.page(), page.size(), total[0]);
    }

    /** The obligations as a derived table {@code o}: unit facts, then the recurring ones and the result reports. */
    private String obligationsSql(SqlScope scope, GradeLevel level, FilingDeadlinePolicy deadlines,
            Map<String, Object> params) {
        SqlDialect sql = dialect();
        FilingRules rules = deadlines.rules();
        // The units that owe obligations, in scope; the recurring obligations also need the last evaluation and
        // assessment of each, the result reports only the unit's name and level.
        StringBuilder units = new StringBuilder("""
                FROM network_unit u JOIN obligation_baseline b ON b.unit_id = u.id
                WHERE NOT (u.filing_state = 'FILED' AND u.filing_kind = 'DECOMMISSION') AND (""")
                .append(scope.sql()).append(")");
        if (level != null) {
            units.append(" AND b.filed_grade_level = :level");
            params.put("level", level.name());
        }
        String unitColumns = """
                SELECT u.id AS unit_id, u.name AS unit_name, u.organisation_id, b.filed_grade_level AS grade_level,
                    b.first_filed_on, b.level_changed_on""";
        String facts = unitColumns + """
                ,
                    (SELECT MAX(r.performed_on) FROM obligation_record r
                        WHERE r.unit_id = u.id AND r.record_kind = 'CONFORMITY_EVALUATION') AS last_conformity,
                    (SELECT MAX(r.performed_on) FROM obligation_record r
                        WHERE r.unit_id = u.id AND r.record_kind = 'RISK_ASSESSMENT') AS last_risk
                """ + units + sql.fence();
        String reportingUnits = unitColumns + "\n" + units;
        // The cycle of each level that has one (rules as data: FilingDeadlinePolicy decides which and how long).
        StringBuilder conformityBase = new StringBuilder("CASE");
        StringBuilder riskBase = new StringBuilder("CASE");
        List<String> cycled = new ArrayList<>();
        for (GradeLevel l : GradeLevel.values()) {
            deadlines.obligationCycle(l).ifPresent(cycle -> {
                cycled.add("'" + l.name() + "'");
                conformityBase.append(" WHEN f.grade_level = '").append(l.name()).append("' THEN ")
                        .append(sql.plus("COALESCE(f.last_conformity, f.first_filed_on)", cycle));
                riskBase.append(" WHEN f.grade_level = '").append(l.name()).append("' THEN ")
                        .append(sql.plus("COALESCE(f.last_risk, f.first_filed_on)", cycle));
            });
        }
        conformityBase.append(" END");
        riskBase.append(" END");
        String recurring = cycled.isEmpty() ? "" : """
                UNION ALL
                SELECT c.unit_id, c.unit_name, c.organisation_id, c.grade_level, 'CONFORMITY_EVALUATION' AS obligation_kind,
                    CASE WHEN c.re_due IS NOT NULL AND c.re_due <= c.cycle_due THEN 'LEVEL_CHANGE'
                        WHEN c.last_conformity IS NULL THEN 'FIRST_CYCLE' ELSE 'CYCLE' END AS reason,
                    CASE WHEN c.re_due IS NOT NULL AND c.re_due <= c.cycle_due THEN c.re_due ELSE c.cycle_due END AS due_on,
                    c.last_conformity AS last_done_on, NULL AS record_id, 0 AS done
                FROM (SELECT f.*, %s AS cycle_due,
                        CASE WHEN f.level_changed_on IS NOT NULL
                            AND (f.last_conformity IS NULL OR f.last_conformity < f.level_changed_on)
                            THEN %s END AS re_due
                    FROM facts f WHERE f.grade_level IN (%s)) c
                UNION ALL
                SELECT f.unit_id, f.unit_name, f.organisation_id, f.grade_level, 'RISK_ASSESSMENT',
                    CASE WHEN f.last_risk IS NULL THEN 'FIRST_CYCLE' ELSE 'CYCLE' END, %s,
                    f.last_risk, NULL, 0
                FROM facts f WHERE f.grade_level IN (%s)
                """.formatted(conformityBase, sql.plus("f.level_changed_on", rules.reEvaluationDue()),
                String.join(", ", cycled), riskBase, String.join(", ", cycled));
        String obligations = """
                SELECT f.unit_id, f.unit_name, f.organisation_id, f.grade_level, 'RESULT_REPORT' AS obligation_kind,
                    'RESULT' AS reason, %s AS due_on, r.reported_on AS last_done_on, r.id AS record_id,
                    CASE WHEN r.reported_on IS NULL THEN 0 ELSE 1 END AS done
                FROM reporting f JOIN obligation_record r ON r.unit_id = f.unit_id
                """.formatted(sql.plus("r.performed_on", rules.resultReportDue())) + recurring;
        // The facts are repeated as a derived table rather than named once in a WITH: H2 caches a parameterised
        // common table expression across executions with other parameter values.
        return "(SELECT a.*, CASE WHEN a.done = 1 THEN 'DONE'"
                + " WHEN a.due_on < :today THEN 'OVERDUE' WHEN a.due_on <= :soon THEN 'DUE_SOON' ELSE 'DUE' END AS status"
                + " FROM (" + obligations.replace("FROM reporting f", "FROM (" + reportingUnits + ") f")
                        .replace("FROM facts f", "FROM (" + facts + ") f") + ") a) o";
    }

    /** {@code CASE column WHEN 'A' THEN 0 WHEN 'B' THEN 1 … END}: sorts an enum column in declaration order. */
    private static String ordinal(String column, Enum<?>[] values) {
        StringBuilder s = new StringBuilder("CASE ").append(column);
        for (Enum<?> v : values) {
            s.append(" WHEN '").append(v.name()).append("' THEN ").append(v.ordinal());
        }
        return s.append(" END").toString();
    }

    private SqlDialect dialect() {
        if (dialect == null) {
            try {
                dialect = SqlDialect.of(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName));
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("cannot tell the database product", e);
            }
        }
        return dialect;
    }

    /** Calendar arithmetic on dates in each database's own words; periods come from configuration, never from input. */
    enum SqlDialect {
        H2 {
            @Override
            String plus(String date, long months, int days) {
                return "DATEADD(DAY, " + days + ", DATEADD(MONTH, " + months + ", " + date + "))";
            }
        },
        POSTGRESQL {
            @Override
            String plus(String date, long months, int days) {
                return "CAST(" + date + " + make_interval(months => " + months + ", days => " + days + ") AS DATE)";
            }
        },
        MARIADB {
            @Override
            String plus(String date, long months, int days) {
                return "DATE_ADD(DATE_ADD(" + date + ", INTERVAL " + months + " MONTH), INTERVAL " + days + " DAY)";
            }
        };

        /**
         * Ends a derived table the planner must not fold into its users, so that its correlated subqueries run once
         * per row rather than once per reference (PostgreSQL's {@code OFFSET 0}).
         */
        String fence() {
            return this == POSTGRESQL ? " OFFSET 0" : "";
        }

        /** {@code date} plus the months of the period (month ends kept, as {@link LocalDate#plusMonths}), then its days. */
        abstract String plus(String date, long months, int days);

        String plus(String date, Period period) {
            return plus(date, period.toTotalMonths(), period.getDays());
        }

        static SqlDialect of(String productName) {
            String name = productName.toLowerCase(Locale.ROOT);
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            if (name.contains("maria") || name.contains("mysql")) {
                return MARIADB;
            }
            return H2;
        }
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
