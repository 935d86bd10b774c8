package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreSheet.RecordedMark;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Score sheets, their marks, team and acts in SQL; every read takes the actor's scope on the sheet {@code s}. */
@Repository
class ScoreSheetRepository {

    static final String COLUMNS = """
            s.id, s.spot_check_id, s.standard_id, s.operator_id, s.operator_name, s.operator_type, s.province_code,
            s.authority_province_code, s.score_year, s.leader_account_id, s.outside_draw, s.state, s.total, s.vetoed,
            s.opened_at, s.submitted_at, s.decided_by, s.decided_at, s.version""";

    private final JdbcClient jdbc;
    private final StandardRepository standards;

    ScoreSheetRepository(JdbcClient jdbc, StandardRepository standards) {
        this.jdbc = jdbc;
        this.standards = standards;
    }

    /** A sheet's row as a list shows it. */
    record SheetRow(long id, long spotCheckId, long operatorId, String operatorName, OrganisationType operatorType,
            Province province, int year, ScoreSheetState state, BigDecimal total, boolean vetoed, Instant openedAt) {
    }

    /** The sheet of {@code spotCheckId} if there is one, whoever may see it (to refuse a second one). */
    Optional<Long> idOfSpotCheck(long spotCheckId) {
        return jdbc.sql("SELECT id FROM score_sheet WHERE spot_check_id = :c").param("c", spotCheckId)
                .query(Long.class).optional();
    }

    /** The sheet {@code id} within {@code scope}, restored with its standard and marks. */
    Optional<ScoreSheet> find(long id, SqlScope scope) {
        Optional<Map<String, Object>> head = jdbc.sql("SELECT " + COLUMNS + " FROM score_sheet s WHERE s.id = :id AND "
                        + scope.sql())
                .param("id", id).params(scope.params())
                .query((rs, n) -> head(rs)).optional();
        return head.map(this::restore);
    }

    private Map<String, Object> head(ResultSet rs) throws SQLException {
        Map<String, Object> h = new HashMap<>();
        h.put("id", rs.getLong("id"));
        h.put("standardId", rs.getLong("standard_id"));
        h.put("state", ScoreSheetState.valueOf(rs.getString("state")));
        h.put("submittedAt", Jdbc.instant(rs, "submitted_at"));
        h.put("decidedBy", rs.getString("decided_by"));
        h.put("decidedAt", Jdbc.instant(rs, "decided_at"));
        h.put("version", rs.getInt("version"));
        h.put("subject", new ScoringSubject(rs.getLong("spot_check_id"), rs.getLong("operator_id"),
                rs.getString("operator_name"), OrganisationType.valueOf(rs.getString("operator_type")),
                province(rs.getString("province_code")), province(rs.getString("authority_province_code")),
                rs.getInt("score_year"), rs.getLong("leader_account_id"), Set.of(), rs.getBoolean("outside_draw")));
        return h;
    }

    private ScoreSheet restore(Map<String, Object> h) {
        long id = (Long) h.get("id");
        long standardId = (Long) h.get("standardId");
        ScoringSubject s = (ScoringSubject) h.get("subject");
        Set<Long> team = Set.copyOf(jdbc.sql("SELECT account_id FROM score_sheet_member WHERE sheet_id = :id")
                .param("id", id).query(Long.class).list());
        ScoringSubject subject = new ScoringSubject(s.spotCheckId(), s.operatorId(), s.operatorName(), s.operatorType(),
                s.province(), s.authorityProvince(), s.year(), s.leaderAccountId(), team, s.outsideDraw());
        ScoringStandard standard = standards.find(standardId).orElseThrow().standard();
        return new ScoreSheet(id, subject, standardId, standard, marks(id), (ScoreSheetState) h.get("state"),
                (Instant) h.get("submittedAt"), (String) h.get("decidedBy"), (Instant) h.get("decidedAt"),
                (Integer) h.get("version"));
    }

    private Map<String, RecordedMark> marks(long sheetId) {
        Map<String, RecordedMark> marks = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT item_code, occurrences, fraction, given_score, vetoed, reason, finding_ids, marked_by, marked_at
                FROM score_mark WHERE sheet_id = :id ORDER BY item_code""")
                .param("id", sheetId)
                .query(rs -> {
                    Integer occurrences = (Integer) rs.getObject("occurrences", Integer.class);
                    Mark mark = new Mark(occurrences, rs.getBigDecimal("fraction"), rs.getBigDecimal("given_score"),
                            rs.getBoolean("vetoed"), rs.getString("reason"), findingIds(rs.getString("finding_ids")));
                    marks.put(rs.getString("item_code"), new RecordedMark(mark, rs.getString("marked_by"),
                            Jdbc.instant(rs, "marked_at")));
                });
        return marks;
    }

    /** Opens a sheet for {@code subject} against standard {@code standardId}; the team is written beside it. */
    long insert(ScoringSubject subject, long standardId, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO score_sheet (spot_check_id, standard_id, operator_id, operator_name, operator_type,
                    province_code, authority_province_code, score_year, leader_account_id, outside_draw, state,
                    marked_count, sum_score, total, vetoed, opened_by, opened_at, version)
                VALUES (:check, :standard, :operator, :name, :type, :province, :authority, :year, :leader, :outside,
                    'DRAFT', 0, 0, 0, FALSE, :by, :at, 0)""")
                .param("check", subject.spotCheckId())
                .param("standard", standardId)
                .param("operator", subject.operatorId())
                .param("name", subject.operatorName())
                .param("type", subject.operatorType().name())
                .param("province", subject.province() == null ? null : subject.province().code())
                .param("authority", subject.authorityProvince() == null ? null : subject.authorityProvince().code())
                .param("year", subject.year())
                .param("leader", subject.leaderAccountId())
                .param("outside", subject.outsideDraw())
                .param("by", by)
                .param("at", Jdbc.ts(at))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeTeam(id, subject);
        return id;
    }

    /** Rewrites the sheet's team as the spot check now has it (the inspectors' read scope follows). */
    void writeTeam(long sheetId, ScoringSubject subject) {
        jdbc.sql("DELETE FROM score_sheet_member WHERE sheet_id = :id").param("id", sheetId).update();
        java.util.SortedSet<Long> team = new java.util.TreeSet<>(subject.teamAccountIds());
        team.add(subject.leaderAccountId());
        for (long account : team) {
            jdbc.sql("INSERT INTO score_sheet_member (sheet_id, account_id) VALUES (:id, :a)")
                    .param("id", sheetId).param("a", account).update();
        }
    }

    /** Writes one item's mark (replacing an earlier one). */
    void saveMark(long sheetId, String itemCode, RecordedMark recorded, BigDecimal score) {
        Mark m = recorded.mark();
        jdbc.sql("DELETE FROM score_mark WHERE sheet_id = :id AND item_code = :item")
                .param("id", sheetId).param("item", itemCode).update();
        jdbc.sql("""
                INSERT INTO score_mark (sheet_id, item_code, occurrences, fraction, given_score, vetoed, score, reason,
                    finding_ids, marked_by, marked_at)
                VALUES (:id, :item, :occurrences, :fraction, :given, :vetoed, :score, :reason, :findings, :by, :at)""")
                .param("id", sheetId)
                .param("item", itemCode)
                .param("occurrences", m.occurrences())
                .param("fraction", m.fraction())
                .param("given", m.score())
                .param("vetoed", m.vetoed())
                .param("score", score)
                .param("reason", m.reason())
                .param("findings", m.findingIds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("by", recorded.markedBy())
                .param("at", Jdbc.ts(recorded.markedAt()))
                .update();
    }

    /** Saves the sheet's state and score if nobody changed it since it was read; else the race is lost (409). */
    void save(ScoreSheet sheet) {
        int updated = jdbc.sql("""
                UPDATE score_sheet SET state = :state, marked_count = :marked, sum_score = :sum, total = :total,
                    vetoed = :vetoed, submitted_at = :submitted, decided_by = :decidedBy, decided_at = :decidedAt,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .param("state", sheet.state().name())
                .param("marked", sheet.score().items().size())
                .param("sum", sheet.score().sum())
                .param("total", sheet.score().total())
                .param("vetoed", !sheet.score().vetoedBy().isEmpty())
                .param("submitted", sheet.submittedAt() == null ? null : Jdbc.ts(sheet.submittedAt()))
                .param("decidedBy", sheet.decidedBy())
                .param("decidedAt", sheet.decidedAt() == null ? null : Jdbc.ts(sheet.decidedAt()))
                .param("id", sheet.id())
                .param("version", sheet.version())
                .update();
        if (updated != 1) {
            throw new ConflictException("scoring.conflict.stale");
        }
    }

    /** Records an act of the sheet's life with its reason. */
    void recordAct(long sheetId, ScoreSheet.Act act, ScoreSheetState from, ScoreSheetState to, String reason,
            String by, Instant at) {
        jdbc.sql("""
                INSERT INTO score_sheet_act (sheet_id, act, from_state, to_state, reason, acted_by, acted_at)
                VALUES (:id, :act, :from, :to, :reason, :by, :at)""")
                .param("id", sheetId).param("act", act.name()).param("from", from.name()).param("to", to.name())
                .param("reason", reason).param("by", by).param("at", Jdbc.ts(at))
                .update();
    }

    /** The sheet's recorded acts, in order. */
    List<ScoreSheetView.ActRecord> acts(long sheetId) {
        return jdbc.sql("SELECT act, from_state, to_state, reason, acted_by, acted_at FROM score_sheet_act"
                        + " WHERE sheet_id = :id ORDER BY id")
                .param("id", sheetId)
                .query((rs, n) -> new ScoreSheetView.ActRecord(rs.getString("act"),
                        ScoreSheetState.valueOf(rs.getString("from_state")),
                        ScoreSheetState.valueOf(rs.getString("to_state")), rs.getString("reason"),
                        rs.getString("acted_by"), Jdbc.instant(rs, "acted_at")))
                .list();
    }

    /** The sheets within {@code scope}, latest first, capped at {@code limit} rows after {@code offset}. */
    List<SheetRow> list(SqlScope scope, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM score_sheet s WHERE " + scope.sql()
                        + " ORDER BY s.id DESC LIMIT " + limit + " OFFSET " + offset)
                .params(scope.params())
                .query((rs, n) -> row(rs)).list();
    }

    /** The bounded count of the sheets within {@code scope}. */
    long count(SqlScope scope) {
        return jdbc.sql(org.inspectorate.system.Total.boundedCountSql("SELECT 1 FROM score_sheet s WHERE "
                        + scope.sql()))
                .params(scope.params()).query(Long.class).single();
    }

    static SheetRow row(ResultSet rs) throws SQLException {
        return new SheetRow(rs.getLong("id"), rs.getLong("spot_check_id"), rs.getLong("operator_id"),
                rs.getString("operator_name"), OrganisationType.valueOf(rs.getString("operator_type")),
                province(rs.getString("province_code")), rs.getInt("score_year"),
                ScoreSheetState.valueOf(rs.getString("state")), rs.getBigDecimal("total"), rs.getBoolean("vetoed"),
                Jdbc.instant(rs, "opened_at"));
    }

    static Province province(String code) {
        return code == null ? null : Province.ofCode(code).orElse(null);
    }

    private static List<Long> findingIds(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
