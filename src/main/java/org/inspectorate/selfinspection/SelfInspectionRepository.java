package org.inspectorate.selfinspection;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Workspaces, their answers and the submission-status list. */
@Repository
class SelfInspectionRepository {

    private static final String COLUMNS = "w.id, w.campaign_code, w.organisation_id, w.state, w.recipient, "
            + "w.recipient_province, w.due_on, w.overview_text, w.plans_text, w.first_submitted_at, w.submitted_at, "
            + "w.submitted_by, w.submitted_late, w.reviewed_at, w.reviewed_by, w.return_reason, w.created_by, "
            + "w.created_at, w.updated_at, w.version";

    private static final Map<String, String> SORTS = Map.of("name", "organisation_name", "status", "sub_status",
            "answered", "answered", "submittedAt", "submitted_at", "province", "province_code", "type",
            "organisation_type");

    /** The status view's orders read by seeking (never-null columns of the derived row). */
    private static final Map<String, Function<Boolean, Seek>> SEEKABLE = Map.of(
            "name", asc -> Seek.text("s.organisation_name", "s.organisation_id", asc),
            "status", asc -> Seek.text("s.sub_status", "s.organisation_id", asc),
            "type", asc -> Seek.text("s.organisation_type", "s.organisation_id", asc));

    private final JdbcClient jdbc;

    SelfInspectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- workspaces ---------------------------------------------------------------------------

    Optional<Workspace> find(String campaignCode, long organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM self_inspection w WHERE w.campaign_code = :c AND w.organisation_id = :o")
                .param("c", campaignCode).param("o", organisationId).query((rs, n) -> map(rs)).optional();
    }

    Optional<Workspace> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM self_inspection w WHERE w.id = :id AND " + scope.sql())
                .param("id", id).params(scope.params()).query((rs, n) -> map(rs)).optional();
    }

    /** The workspace under a row lock, so that two submissions or decisions cannot both pass their state check. */
    Optional<Workspace> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM self_inspection w WHERE w.id = :id FOR UPDATE")
                .param("id", id).query((rs, n) -> map(rs)).optional();
    }

    long insert(String campaignCode, long organisationId, ReportRoute route, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO self_inspection (campaign_code, organisation_id, state, recipient, recipient_province, due_on,
                    created_by, created_at, updated_at, version)
                VALUES (:c, :o, 'IN_PROGRESS', :r, :p, :due, :by, :at, :at, 0)""")
                .param("c", campaignCode).param("o", organisationId).param("r", route.recipient().name())
                .param("p", route.province() == null ? null : route.province().code())
                .param("due", route.dueOn() == null ? null : Date.valueOf(route.dueOn())).param("by", by)
                .param("at", ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Saves the report text the operator wrote (see {@link Workspace#saveReport}). */
    void saveReport(Workspace w) {
        jdbc.sql("""
                UPDATE self_inspection SET overview_text = :ov, plans_text = :pl, updated_at = :at, version = version + 1
                WHERE id = :id""").param("ov", w.overview()).param("pl", w.plans()).param("at", ts(w.updatedAt()))
                .param("id", w.id()).update();
    }

    /** Saves an edit of the answers or evidence: the workspace's time of change. */
    void saveEdit(Workspace w) {
        jdbc.sql("UPDATE self_inspection SET updated_at = :at, version = version + 1 WHERE id = :id")
                .param("at", ts(w.updatedAt())).param("id", w.id()).update();
    }

    /** Saves a submission (see {@link Workspace#submit}). */
    void saveSubmission(Workspace w) {
        jdbc.sql("""
                UPDATE self_inspection SET state = 'SUBMITTED', submitted_at = :at, submitted_by = :by,
                    first_submitted_at = :first, submitted_late = :late, updated_at = :at, version = version + 1
                WHERE id = :id""")
                .param("at", ts(w.submittedAt())).param("by", w.submittedBy()).param("first", ts(w.firstSubmittedAt()))
                .param("late", w.late()).param("id", w.id()).update();
    }

    /** Saves the recipient's decision (see {@link Workspace#accept}, {@link Workspace#returnWith}). */
    void saveReview(Workspace w) {
        jdbc.sql("""
                UPDATE self_inspection SET state = :s, reviewed_at = :at, reviewed_by = :by, return_reason = :reason,
                    updated_at = :at, version = version + 1
                WHERE id = :id""")
                .param("s", w.state().name()).param("at", ts(w.reviewedAt())).param("by", w.reviewedBy())
                .param("reason", w.returnReason()).param("id", w.id()).update();
    }

    // --- answers ------------------------------------------------------------------------------

    List<ItemAnswer> answers(long workspaceId) {
        return jdbc.sql("""
                SELECT id, self_inspection_id, item_id, answer, notes, finding_id, answered_by, answered_at
                FROM self_inspection_answer WHERE self_inspection_id = :w ORDER BY id""")
                .param("w", workspaceId).query((rs, n) -> mapAnswer(rs)).list();
    }

    Optional<ItemAnswer> answer(long workspaceId, String itemId) {
        return jdbc.sql("""
                SELECT id, self_inspection_id, item_id, answer, notes, finding_id, answered_by, answered_at
                FROM self_inspection_answer WHERE self_inspection_id = :w AND item_id = :i""")
                .param("w", workspaceId).param("i", itemId).query((rs, n) -> mapAnswer(rs)).optional();
    }

    long insertAnswer(long workspaceId, String itemId, Answer answer, String notes, Long findingId, String by,
            Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO self_inspection_answer (self_inspection_id, item_id, answer, notes, finding_id, answered_by,
                    answered_at)
                VALUES (:w, :i, :a, :n, :f, :by, :at)""")
                .param("w", workspaceId).param("i", itemId).param("a", answer.name()).param("n", notes)
                .param("f", findingId).param("by", by).param("at", ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateAnswer(long answerId, Answer answer, String notes, Long findingId, String by, Instant at) {
        jdbc.sql("""
                UPDATE self_inspection_answer SET answer = :a, notes = :n, finding_id = :f, answered_by = :by,
                    answered_at = :at
                WHERE id = :id""")
                .param("a", answer.name()).param("n", notes).param("f", findingId).param("by", by).param("at", ts(at))
                .param("id", answerId).update();
    }

    // --- status view ------------------------------------------------------------------------

    /**
     * Every operator of the in-scope types within the scope, with its workspace for the campaign if any; the
     * status is derived in SQL (so that it filters and sorts) the same way {@link SelfInspections} derives it.
     */
    PageResult<StatusRow> status(String campaignCode, List<OrganisationType> types, List<OrganisationType> pastDue,
            int total, StatusQuery query, SqlScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("code", campaignCode);
        params.put("types", types.stream().map(Enum::name).toList());
        List<String> late = pastDue.stream().map(Enum::name).toList();
        params.put("pastDue", late.isEmpty() ? List.of("-") : late);
        List<String> where = new ArrayList<>();
        if (query.status() != null) {
            where.add("s.sub_status = :status");
            params.put("status", query.status().name());
        }
        if (query.type() != null) {
            where.add("s.organisation_type = :type");
            params.put("type", query.type().name());
        }
        if (query.province() != null) {
            where.add("s.province_code = :province");
            params.put("province", query.province().code());
        }
        if (query.q() != null && !query.q().isBlank()) {
            where.add("LOWER(s.organisation_name) LIKE :q ESCAPE '!'");
            String q = query.q().strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.put("q", "%" + q + "%");
        }
        String inner = """
                SELECT o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type,
                    o.province_code, w.id AS workspace_id, w.due_on, w.submitted_at, w.recipient_province,
                    (SELECT COUNT(*) FROM self_inspection_answer a WHERE a.self_inspection_id = w.id) AS answered,
                    CASE
                        WHEN w.state = 'ACCEPTED' THEN 'ACCEPTED'
                        WHEN w.state = 'SUBMITTED' AND w.submitted_late = TRUE THEN 'SUBMITTED_LATE'
                        WHEN w.state = 'SUBMITTED' THEN 'SUBMITTED'
                        WHEN w.state = 'RETURNED' THEN 'RETURNED'
                        WHEN o.type IN (:pastDue) THEN 'OVERDUE'
                        WHEN w.id IS NULL THEN 'NOT_STARTED'
                        ELSE 'IN_PROGRESS'
                    END AS sub_status
                FROM organisation o
                LEFT JOIN self_inspection w ON w.organisation_id = o.id AND w.campaign_code = :code
                WHERE o.type IN (:types)""" + " AND " + scope.sql();
        String filter = " WHERE " + (where.isEmpty() ? "1 = 1" : String.join(" AND ", where));
        String from = " FROM (" + inner + ") s" + filter;
        Total count = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1" + from)).params(params)
                .query(Long.class).single());
        String key = page.sort() == null || !SORTS.containsKey(page.sort()) ? "name" : page.sort();
        Seek seek = SEEKABLE.containsKey(key) ? SEEKABLE.get(key).apply(page.ascending()) : null;
        PageRequest effective = seek != null || !page.seeks() ? page
                : new PageRequest(page.page(), page.size(), page.sort(), page.ascending());
        String order = seek != null ? seek.orderBy()
                : "s." + SORTS.get(key) + " " + page.direction() + ", s.organisation_id";
        if (seek != null) {
            params.putAll(seek.params(effective));
        }
        List<StatusRow> rows = jdbc.sql("SELECT s.*" + from + (seek == null ? "" : seek.condition(effective))
                + " ORDER BY " + order + Seek.limit(effective))
                .params(params).query((rs, n) -> new StatusRow(rs.getLong("organisation_id"),
                        rs.getString("organisation_name"), OrganisationType.valueOf(rs.getString("organisation_type")),
                        Province.ofCode(rs.getString("province_code")).orElse(null),
                        (Long) rs.getObject("workspace_id", Long.class),
                        SubmissionStatus.valueOf(rs.getString("sub_status")), rs.getInt("answered"), total,
                        localDate(rs, "due_on"), instant(rs, "submitted_at"), rs.getString("recipient_province")))
                .list();
        return Seek.page(rows, effective, count, seek == null ? r -> null : r -> new Keyset(switch (key) {
            case "status" -> r.status().name();
            case "type" -> r.organisationType().name();
            default -> r.organisationName();
        }, r.organisationId()));
    }

    // --- mapping ------------------------------------------------------------------------------

    private static Workspace map(ResultSet rs) throws SQLException {
        return new Workspace(rs.getLong("id"), rs.getString("campaign_code"), rs.getLong("organisation_id"),
                WorkspaceState.valueOf(rs.getString("state")), Recipient.valueOf(rs.getString("recipient")),
                Province.ofCode(rs.getString("recipient_province")).orElse(null), localDate(rs, "due_on"),
                rs.getString("overview_text"), rs.getString("plans_text"), instant(rs, "first_submitted_at"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), rs.getBoolean("submitted_late"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("return_reason"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static ItemAnswer mapAnswer(ResultSet rs) throws SQLException {
        return new ItemAnswer(rs.getLong("id"), rs.getLong("self_inspection_id"), rs.getString("item_id"),
                Answer.valueOf(rs.getString("answer")), rs.getString("notes"),
                (Long) rs.getObject("finding_id", Long.class), rs.getString("answered_by"), instant(rs, "answered_at"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
