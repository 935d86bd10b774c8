package org.inspectorate.selfinspection;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-inspection summary reports another department was granted (授权范围内的自查报告): one operator's reports
 * submitted within the granted period, with the operator and the period in the SQL, so another report is never
 * read (404). A workspace never submitted is no report. The sharing module checks the grant and audits the read.
 */
@Service
public class GrantedReports {

    /** At most this many reports in a list: one a campaign, so a handful per operator. */
    static final int CAP = 200;

    private static final String SELECT = """
            SELECT w.id, w.campaign_code, w.state, w.submitted_at, w.overview_text, w.plans_text
            FROM self_inspection w
            WHERE w.organisation_id = :org AND w.submitted_at IS NOT NULL
              AND w.submitted_at >= :from AND w.submitted_at < :to""";

    private final JdbcClient jdbc;
    private final Clock clock;

    GrantedReports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A submitted summary report as shared: its campaign, review state and the operator's two texts. */
    public record GrantedReport(long id, String campaignCode, String state, Instant submittedAt, String overview,
            String plans) {
    }

    /** The operator's reports submitted from {@code from} to {@code to} (inclusive), newest first, capped. */
    @Transactional(readOnly = true)
    public List<GrantedReport> list(long organisationId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " ORDER BY w.submitted_at DESC, w.id DESC LIMIT " + CAP)
                .param("org", organisationId).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, n) -> new GrantedReport(rs.getLong("id"), rs.getString("campaign_code"),
                        rs.getString("state"), instant(rs, "submitted_at"), rs.getString("overview_text"),
                        rs.getString("plans_text")))
                .list();
    }

    /** The report, if it is one of the operator's submitted within the period; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public GrantedReport get(long organisationId, LocalDate from, LocalDate to, long id) {
        return jdbc.sql(SELECT + " AND w.id = :id")
                .param("org", organisationId).param("from", start(from)).param("to", start(to.plusDays(1)))
                .param("id", id)
                .query((rs, n) -> new GrantedReport(rs.getLong("id"), rs.getString("campaign_code"),
                        rs.getString("state"), instant(rs, "submitted_at"), rs.getString("overview_text"),
                        rs.getString("plans_text")))
                .optional().orElseThrow(() -> new NotFoundException("self-inspection report", id));
    }

    private java.sql.Timestamp start(LocalDate day) {
        return ts(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
