package org.inspectorate.sharing;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Data requests and the reads of shared data, through plain SQL; the scopes come from {@link SharingAccess}. */
@Repository
class DataRequestRepository {

    private static final String SELECT = """
            SELECT r.*, ro.name AS requester_org_name, o.name AS operator_name
            FROM data_request r
            JOIN organisation ro ON ro.id = r.requester_org_id
            JOIN organisation o ON o.id = r.operator_id""";

    private final JdbcClient jdbc;

    DataRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request with the names the pages show. */
    record Row(DataRequest request, String requesterOrgName, String operatorName) {
    }

    long insert(DataRequest r, Instant now) {
        DataRequest.Parties p = r.parties();
        DataRequest.Ask a = r.ask();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO data_request (channel, requester_org_id, requester_user_id, requester_name,
                  outside_requester, operator_id, deciding_province, purpose, legal_basis, scope_filings,
                  scope_findings, scope_reports, finding_categories, finding_severities, period_from, period_to,
                  access_until, state, created_at, updated_at, version)
                VALUES (:channel, :requesterOrg, :requesterUser, :requesterName, :outside, :operator, :province,
                  :purpose, :basis, :filings, :findings, :reports, :categories, :severities, :from, :to, :until,
                  :state, :now, :now, 0)""")
                .param("channel", p.channel().name()).param("requesterOrg", p.requesterOrgId())
                .param("requesterUser", p.requesterUserId()).param("requesterName", p.requesterName())
                .param("outside", p.outsideRequester()).param("operator", p.operatorId())
                .param("province", p.decidingProvince()).param("purpose", a.purpose()).param("basis", a.legalBasis())
                .param("filings", a.scope().filings()).param("findings", a.scope().findings())
                .param("reports", a.scope().reports()).param("categories", a.scope().categoriesColumn())
                .param("severities", a.scope().severitiesColumn()).param("from", Date.valueOf(a.periodFrom()))
                .param("to", Date.valueOf(a.periodTo())).param("until", Date.valueOf(a.accessUntil()))
                .param("state", r.state().name()).param("now", ts(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Saves the request's decision columns if nobody changed it meanwhile; whether it did. */
    boolean save(DataRequest r, Instant now) {
        DataScope g = r.granted();
        return jdbc.sql("""
                UPDATE data_request SET state = :state, granted_filings = :gf, granted_findings = :gfi,
                  granted_reports = :gr, granted_categories = :gc, granted_severities = :gs, granted_until = :until,
                  decided_by_id = :deciderId, decided_by = :decider, decided_at = :decidedAt,
                  refusal_reasons = :refusal, revoked_by = :revokedBy, revoked_at = :revokedAt,
                  revoke_reason = :revokeReason, shared_at = :sharedAt, submitted_at = :submittedAt,
                  updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", r.state().name())
                .param("gf", g == null ? null : g.filings()).param("gfi", g == null ? null : g.findings())
                .param("gr", g == null ? null : g.reports()).param("gc", g == null ? null : g.categoriesColumn())
                .param("gs", g == null ? null : g.severitiesColumn())
                .param("until", r.grantedUntil() == null ? null : Date.valueOf(r.grantedUntil()))
                .param("deciderId", r.decidedById()).param("decider", r.decidedBy())
                .param("decidedAt", ts(r.decidedAt())).param("refusal", r.refusalReasons())
                .param("revokedBy", r.revokedBy()).param("revokedAt", ts(r.revokedAt()))
                .param("revokeReason", r.revokeReason()).param("sharedAt", ts(r.sharedAt()))
                .param("submittedAt", ts(r.submittedAt())).param("now", ts(now))
                .param("id", r.id()).param("version", r.version())
                .update() == 1;
    }

    Optional<Row> find(long id, SqlScope scope) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND (" + scope.sql() + ")")
                .param("id", id).params(scope.params()).query(DataRequestRepository::map).optional();
    }

    /** A page of the requests in the scope, the most recently changed first, with a bounded total. */
    PageResult<Row> page(SqlScope scope, String extra, Map<String, Object> extraParams, PageRequest page) {
        String where = " WHERE (" + scope.sql() + ")" + (extra == null ? "" : " AND " + extra);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.putAll(extraParams);
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql("SELECT 1 FROM data_request r" + where))
                .params(params).query(Long.class).single());
        List<Row> rows = jdbc.sql(SELECT + where + " ORDER BY r.updated_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(DataRequestRepository::map).list();
        return new PageResult<>(rows, page.page(), page.size(), total, null);
    }

    /** The ids of grants still APPROVED whose end date is before {@code today}, at most {@code limit}. */
    List<Long> dueToExpire(LocalDate today, int limit) {
        return jdbc.sql("SELECT id FROM data_request WHERE state = 'APPROVED' AND granted_until < :today"
                        + " ORDER BY id LIMIT " + limit)
                .param("today", Date.valueOf(today)).query(Long.class).list();
    }

    void insertAccess(long requestId, long operatorId, String reader, RecordType type, Long recordId, int rows,
            Instant at) {
        jdbc.sql("""
                INSERT INTO shared_access (request_id, operator_id, reader_name, record_type, record_id, rows_read,
                  read_at) VALUES (:request, :operator, :reader, :type, :record, :rows, :at)""")
                .param("request", requestId).param("operator", operatorId).param("reader", reader)
                .param("type", type.name()).param("record", recordId).param("rows", rows).param("at", ts(at))
                .update();
    }

    /** A page of the reads under one request, newest first. */
    PageResult<SharedAccessEntry> accesses(long requestId, PageRequest page) {
        Total total = Total.bounded(jdbc.sql(Total.boundedCountSql(
                "SELECT 1 FROM shared_access a WHERE a.request_id = :id")).param("id", requestId)
                .query(Long.class).single());
        List<SharedAccessEntry> rows = jdbc.sql("SELECT * FROM shared_access a WHERE a.request_id = :id"
                        + " ORDER BY a.read_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .param("id", requestId).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new SharedAccessEntry(rs.getLong("id"), rs.getLong("request_id"),
                        rs.getString("reader_name"), RecordType.valueOf(rs.getString("record_type")),
                        (Long) rs.getObject("record_id", Long.class), rs.getInt("rows_read"), instant(rs, "read_at")))
                .list();
        return new PageResult<>(rows, page.page(), page.size(), total, null);
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        DataRequest.Parties parties = new DataRequest.Parties(Channel.valueOf(rs.getString("channel")),
                rs.getLong("requester_org_id"), rs.getLong("requester_user_id"), rs.getString("requester_name"),
                rs.getString("outside_requester"), rs.getLong("operator_id"), rs.getString("deciding_province"));
        DataScope asked = new DataScope(rs.getBoolean("scope_filings"), rs.getBoolean("scope_findings"),
                rs.getBoolean("scope_reports"), DataScope.parse(rs.getString("finding_categories"), Category::valueOf),
                DataScope.parse(rs.getString("finding_severities"), Severity::valueOf));
        DataRequest.Ask ask = new DataRequest.Ask(rs.getString("purpose"), rs.getString("legal_basis"), asked,
                date(rs, "period_from"), date(rs, "period_to"), date(rs, "access_until"));
        rs.getBoolean("granted_filings");
        DataScope granted = rs.wasNull() ? null : new DataScope(rs.getBoolean("granted_filings"),
                rs.getBoolean("granted_findings"), rs.getBoolean("granted_reports"),
                DataScope.parse(rs.getString("granted_categories"), Category::valueOf),
                DataScope.parse(rs.getString("granted_severities"), Severity::valueOf));
        DataRequest request = new DataRequest(rs.getLong("id"), parties, ask,
                DataRequestState.valueOf(rs.getString("state")), granted, date(rs, "granted_until"),
                (Long) rs.getObject("decided_by_id", Long.class), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("refusal_reasons"), rs.getString("revoked_by"),
                instant(rs, "revoked_at"), rs.getString("revoke_reason"), instant(rs, "shared_at"),
                instant(rs, "submitted_at"), instant(rs, "created_at"), rs.getInt("version"));
        return new Row(request, rs.getString("requester_org_name"), rs.getString("operator_name"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
