package org.inspectorate.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Seek;
import org.inspectorate.system.Total;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rectification notices and their items in SQL: every read takes a scope on {@code n.*} (the addressee's
 * organisation); saves check the version, so a lost race is a conflict, never a lost update.
 */
@Repository
class NoticeRepository {

    private static final String COLUMNS = """
            n.id, n.authority_code, n.authority_name, n.operator_id, n.state, n.seq_year, n.seq_no, n.notice_number,
            n.basis, n.body, n.deadline, n.original_deadline, n.supersedes_id, n.follow_up, n.superseded_by_id,
            n.created_at, n.issued_by, n.issued_at, n.read_by, n.read_at, n.replied_at, n.accountable_department,
            n.accountable_person, n.accountability_measure, n.extension_reason, n.extension_until,
            n.extension_requested_at, n.extension_granted, n.extension_decided_by, n.extension_decided_at,
            n.extension_refusal, n.closed_at, n.version""";
    private static final String ITEM_COLUMNS = """
            id, notice_id, seq_no, finding_id, finding_title, finding_severity, finding_asset, state, reply, replied_at,
            evidence_count, verdict_reason, verified_by, verified_at""";
    /** The list's order: newest first on the creation instant (never null), the id breaking ties. */
    private static final Seek NEWEST = Seek.instant("n.created_at", "n.id", false);
    private static final String AWAITING = "('ISSUED', 'READ', 'RETURNED')";

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a draft and its items; the new id. */
    long insertDraft(RectificationNotice.Issuer issuer, long operatorId, NoticeDraft draft, List<NoticeItem> items,
            Long supersedes, boolean followUp, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO rectification_notice (authority_code, authority_name, operator_id, state, basis, body,
                    deadline, original_deadline, supersedes_id, follow_up, created_by, created_at, version)
                VALUES (:code, :name, :operator, 'DRAFT', :basis, :body, :deadline, :deadline, :supersedes, :followUp,
                    :by, :at, 0)""")
                .param("code", issuer.code()).param("name", issuer.name()).param("operator", operatorId)
                .param("basis", String.join(",", draft.basis().stream().map(Enum::name).toList()))
                .param("body", draft.body()).param("deadline", Date.valueOf(draft.deadline()))
                .param("supersedes", supersedes).param("followUp", followUp).param("by", by)
                .param("at", Jdbc.ts(at))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (NoticeItem item : items) {
            jdbc.sql("""
                    INSERT INTO rectification_item (notice_id, seq_no, finding_id, finding_title, finding_severity,
                        finding_asset, state, evidence_count)
                    VALUES (:notice, :seq, :finding, :title, :severity, :asset, :state, 0)""")
                    .param("notice", id).param("seq", item.seqNo()).param("finding", item.findingId())
                    .param("title", item.findingTitle()).param("severity", item.findingSeverity())
                    .param("asset", item.findingAsset()).param("state", item.state().name())
                    .update();
        }
        return id;
    }

    /** The notice if it is in the scope (a predicate on {@code n.*}). */
    Optional<RectificationNotice> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rectification_notice n WHERE n.id = :id AND (" + scope.sql() + ")")
                .param("id", id).params(scope.params())
                .query((rs, n) -> aggregate(rs, items(rs.getLong("id"))))
                .optional();
    }

    /** The operator's name, for the pages and the document. */
    String operatorName(long operatorId) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = :id").param("id", operatorId)
                .query(String.class).optional().orElse("");
    }

    /**
     * The findings among {@code findingIds} that an issued notice still in force covers (not superseded, not closed), other
     * than {@code except}: a finding is rectified under one notice at a time.
     */
    List<Long> coveredElsewhere(List<Long> findingIds, Long except) {
        if (findingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT i.finding_id FROM rectification_item i JOIN rectification_notice n ON n.id = i.notice_id
                WHERE i.finding_id IN (:ids) AND n.state NOT IN ('DRAFT', 'SUPERSEDED', 'CLOSED') AND n.id <> :except""")
                .param("ids", findingIds).param("except", except == null ? -1L : except)
                .query(Long.class).list();
    }

    /** The notices in force that cover the finding (for a reopened finding: a few at most). */
    List<Long> coveringFinding(long findingId) {
        return jdbc.sql("""
                SELECT DISTINCT i.notice_id FROM rectification_item i JOIN rectification_notice n ON n.id = i.notice_id
                WHERE i.finding_id = :finding AND i.state = 'CLOSED' AND n.state <> 'SUPERSEDED' ORDER BY i.notice_id""")
                .param("finding", findingId).query(Long.class).list();
    }

    /** Saves the notice and its items if nobody changed it meanwhile. */
    boolean save(RectificationNotice n) {
        RectificationNotice.Accountability a = n.accountability();
        RectificationNotice.Extension e = n.extension();
        int updated = jdbc.sql("""
                UPDATE rectification_notice SET state = :state, seq_year = :year, seq_no = :seq, notice_number = :number,
                    deadline = :deadline, superseded_by_id = :supersededBy, issued_by = :issuedBy, issued_at = :issuedAt,
                    read_by = :readBy, read_at = :readAt, replied_at = :repliedAt, accountable_department = :dept,
                    accountable_person = :person, accountability_measure = :measure, extension_reason = :extReason,
                    extension_until = :extUntil, extension_requested_at = :extAt, extension_granted = :extGranted,
                    extension_decided_by = :extBy, extension_decided_at = :extDecidedAt, extension_refusal = :extRefusal,
                    closed_at = :closedAt, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", n.state().name())
                .param("year", n.number() == null ? null : n.number().year())
                .param("seq", n.number() == null ? null : n.number().seq())
                .param("number", n.number() == null ? null : n.number().text())
                .param("deadline", Date.valueOf(n.deadline()))
                .param("supersededBy", n.supersededById())
                .param("issuedBy", n.issuedBy()).param("issuedAt", ts(n.issuedAt()))
                .param("readBy", n.readBy()).param("readAt", ts(n.readAt()))
                .param("repliedAt", ts(n.repliedAt()))
                .param("dept", a == null ? null : a.department())
                .param("person", a == null ? null : a.person())
                .param("measure", a == null ? null : a.measure())
                .param("extReason", e == null ? null : e.reason())
                .param("extUntil", e == null ? null : Date.valueOf(e.until()))
                .param("extAt", e == null ? null : ts(e.requestedAt()))
                .param("extGranted", e == null ? null : e.granted())
                .param("extBy", e == null ? null : e.decidedBy())
                .param("extDecidedAt", e == null ? null : ts(e.decidedAt()))
                .param("extRefusal", e == null ? null : e.refusal())
                .param("closedAt", ts(n.closedAt()))
                .param("id", n.id()).param("version", n.version())
                .update();
        if (updated != 1) {
            return false;
        }
        for (NoticeItem i : n.items()) {
            jdbc.sql("""
                    UPDATE rectification_item SET state = :state, reply = :reply, replied_at = :repliedAt,
                        evidence_count = :evidence, verdict_reason = :reason, verified_by = :by, verified_at = :at
                    WHERE id = :id""")
                    .param("state", i.state().name()).param("reply", i.reply()).param("repliedAt", ts(i.repliedAt()))
                    .param("evidence", i.evidenceCount()).param("reason", i.verdictReason())
                    .param("by", i.verifiedBy()).param("at", ts(i.verifiedAt())).param("id", i.id())
                    .update();
        }
        return true;
    }

    /** Notes, once across nodes, that the notice became overdue: true for the one caller that noted it. */
    boolean noteOverdue(long id, Instant at) {
        return jdbc.sql("UPDATE rectification_notice SET overdue_noted_at = :at WHERE id = :id AND overdue_noted_at IS NULL")
                .param("at", Jdbc.ts(at)).param("id", id).update() == 1;
    }

    /**
     * A page of the notices in the scope matching the filter, newest first, by the cursor; the total bounded. The
     * index on {@code (operator_id, created_at, id)} serves an operator's and a province's lists.
     */
    PageResult<NoticeSummary> page(SqlScope scope, NoticeFilter filter, LocalDate today, PageRequest page) {
        Map<String, Object> params = new HashMap<>(scope.params());
        String where = where(scope, filter, today, params);
        long counted = jdbc.sql(Total.boundedCountSql("SELECT 1 FROM rectification_notice n" + where))
                .params(params).query(Long.class).single();
        params.putAll(NEWEST.params(page));
        List<NoticeSummary> rows = jdbc.sql("""
                SELECT n.id, n.notice_number, n.authority_name, n.operator_id, o.name AS operator_name, n.state,
                    n.deadline, n.created_at, n.issued_at, n.follow_up
                FROM rectification_notice n JOIN organisation o ON o.id = n.operator_id""" + where
                        + NEWEST.condition(page) + " ORDER BY " + NEWEST.orderBy() + Seek.limit(page))
                .params(params)
                .query((rs, r) -> summary(rs, today))
                .list();
        return Seek.page(rows, page, Total.bounded(counted),
                s -> new Keyset(s.createdAt().toString(), s.id()));
    }

    /** The notices of any authority awaiting a reply due on or before {@code day}: reminders and the overdue sweep. */
    List<DueNotice> dueOnOrBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.notice_number, n.operator_id, n.authority_code, n.deadline, n.state
                FROM rectification_notice n WHERE n.state IN """ + AWAITING + """
                 AND n.deadline <= :day ORDER BY n.deadline, n.id LIMIT :limit""")
                .param("day", Date.valueOf(day)).param("limit", limit)
                .query((rs, r) -> new DueNotice(rs.getLong("id"), rs.getString("notice_number"), rs.getLong("operator_id"),
                        rs.getString("authority_code"), rs.getDate("deadline").toLocalDate(),
                        NoticeState.valueOf(rs.getString("state"))))
                .list();
    }

    /** Overdue notices not yet noted as such. */
    List<DueNotice> overdueUnnoted(LocalDate today, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.notice_number, n.operator_id, n.authority_code, n.deadline, n.state
                FROM rectification_notice n WHERE n.state IN """ + AWAITING + """
                 AND n.deadline < :day AND n.overdue_noted_at IS NULL ORDER BY n.deadline, n.id LIMIT :limit""")
                .param("day", Date.valueOf(today)).param("limit", limit)
                .query((rs, r) -> new DueNotice(rs.getLong("id"), rs.getString("notice_number"), rs.getLong("operator_id"),
                        rs.getString("authority_code"), rs.getDate("deadline").toLocalDate(),
                        NoticeState.valueOf(rs.getString("state"))))
                .list();
    }

    private static String where(SqlScope scope, NoticeFilter filter, LocalDate today, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" WHERE (").append(scope.sql()).append(")");
        if (filter.state() != null) {
            w.append(" AND n.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.overdue()) {
            w.append(" AND n.state IN ").append(AWAITING).append(" AND n.deadline < :today");
            params.put("today", Date.valueOf(today));
        }
        if (filter.q() != null) {
            w.append(" AND (LOWER(n.notice_number) LIKE :q ESCAPE '!' OR n.operator_id IN (SELECT q_o.id FROM"
                    + " organisation q_o WHERE LOWER(q_o.name) LIKE :q ESCAPE '!'))");
            params.put("q", "%" + like(filter.q().toLowerCase(Locale.ROOT)) + "%");
        }
        return w.toString();
    }

    private List<NoticeItem> items(long noticeId) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM rectification_item WHERE notice_id = :id ORDER BY seq_no")
                .param("id", noticeId)
                .query((rs, r) -> new NoticeItem(rs.getLong("id"), rs.getInt("seq_no"), rs.getLong("finding_id"),
                        rs.getString("finding_title"), rs.getString("finding_severity"), rs.getString("finding_asset"),
                        ItemState.valueOf(rs.getString("state")))
                        .restore(rs.getString("reply"), Jdbc.instant(rs, "replied_at"), rs.getInt("evidence_count"),
                                rs.getString("verdict_reason"), rs.getString("verified_by"),
                                Jdbc.instant(rs, "verified_at")))
                .list();
    }

    private static RectificationNotice aggregate(ResultSet rs, List<NoticeItem> items) throws SQLException {
        String number = rs.getString("notice_number");
        RectificationNotice.Number no = number == null ? null
                : new RectificationNotice.Number(rs.getInt("seq_year"), rs.getInt("seq_no"), number);
        List<LegalBasis> basis = new ArrayList<>();
        for (String b : rs.getString("basis").split(",")) {
            if (!b.isBlank()) {
                basis.add(LegalBasis.valueOf(b.strip()));
            }
        }
        String dept = rs.getString("accountable_department");
        RectificationNotice.Accountability accountability = dept == null ? null
                : new RectificationNotice.Accountability(dept, rs.getString("accountable_person"),
                        rs.getString("accountability_measure"));
        String reason = rs.getString("extension_reason");
        Object granted = rs.getObject("extension_granted");
        RectificationNotice.Extension extension = reason == null ? null : new RectificationNotice.Extension(reason,
                rs.getDate("extension_until").toLocalDate(), Jdbc.instant(rs, "extension_requested_at"),
                granted == null ? null : rs.getBoolean("extension_granted"), rs.getString("extension_decided_by"),
                Jdbc.instant(rs, "extension_decided_at"), rs.getString("extension_refusal"));
        return new RectificationNotice(rs.getLong("id"),
                new RectificationNotice.Issuer(rs.getString("authority_code"), rs.getString("authority_name")),
                rs.getLong("operator_id"), NoticeState.valueOf(rs.getString("state")), no, basis, rs.getString("body"),
                rs.getDate("deadline").toLocalDate(), rs.getDate("original_deadline").toLocalDate(),
                rs.getObject("supersedes_id", Long.class), rs.getBoolean("follow_up"),
                rs.getObject("superseded_by_id", Long.class), items, rs.getInt("version"))
                .restoreProgress(rs.getString("issued_by"), Jdbc.instant(rs, "issued_at"), rs.getString("read_by"),
                        Jdbc.instant(rs, "read_at"), Jdbc.instant(rs, "replied_at"), accountability, extension,
                        Jdbc.instant(rs, "closed_at"));
    }

    private static NoticeSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        NoticeState state = NoticeState.valueOf(rs.getString("state"));
        LocalDate deadline = rs.getDate("deadline").toLocalDate();
        return new NoticeSummary(rs.getLong("id"), rs.getString("notice_number"), rs.getString("authority_name"),
                rs.getLong("operator_id"), rs.getString("operator_name"), state, deadline,
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "issued_at"),
                state.awaitsReply() && deadline.isBefore(today), rs.getBoolean("follow_up"));
    }

    private static java.sql.Timestamp ts(Instant at) {
        return at == null ? null : Jdbc.ts(at);
    }

    private static String like(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
