package org.inspectorate.draw;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.inspectorate.draw.algorithm.CanonicalJson;
import org.inspectorate.draw.algorithm.DrawCommitment;
import org.inspectorate.draw.algorithm.DrawInfeasibleException;
import org.inspectorate.draw.algorithm.DrawResult;
import org.inspectorate.draw.algorithm.DrawSeed;
import org.inspectorate.draw.algorithm.PackedSnapshot;
import org.inspectorate.draw.algorithm.PoolSnapshot;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.draw.algorithm.TeamAssignment;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Draws, their rules, rounds and planned spot checks in SQL. Rounds are written once, never updated but to supersede. */
@Repository
class DrawRepository {

    private static final String COLUMNS = """
            d.id, d.title, d.province_code, d.rules_id, r.rules_name, r.version_no, d.filter_province,
            d.filter_operator_type, d.filter_category, d.filter_grade, d.inspector_skills, d.draw_date, d.draw_state,
            d.prepared_by, d.approved_by, d.scheduled_at, d.snapshot_hash, d.seed_hash, r.rules_hash,
            d.commitment_digest, d.published_by, d.published_at, d.created_at, d.version, d.redraw_reason,
            d.redraw_requested_by, d.redraw_requested_at""";

    private static final Map<String, String> SORTABLE = Map.of("title", "d.title", "drawDate", "d.draw_date",
            "state", "d.draw_state", "createdAt", "d.created_at");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    DrawRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // --- draws -------------------------------------------------------------------------------

    long insertDraw(DrawPlan plan, long preparedById, String preparedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO draw (title, province_code, rules_id, filter_province, filter_operator_type, filter_category,
                    filter_grade, inspector_skills, draw_date, draw_state, prepared_by_id, prepared_by, created_at,
                    updated_at)
                VALUES (:title, :province, :rules, :fprovince, :ftype, :fcategory, :fgrade, :skills, :date, 'DRAFT',
                    :byId, :by, :now, :now)""")
                .params(planParams(plan)).param("byId", preparedById).param("by", preparedBy)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    int updateDraft(long id, int version, DrawPlan plan, Instant now) {
        return jdbc.sql("""
                UPDATE draw SET title = :title, province_code = :province, rules_id = :rules, filter_province = :fprovince,
                    filter_operator_type = :ftype, filter_category = :fcategory, filter_grade = :fgrade,
                    inspector_skills = :skills, draw_date = :date, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version AND draw_state = 'DRAFT'""")
                .params(planParams(plan)).param("now", Jdbc.ts(now)).param("id", id).param("version", version)
                .update();
    }

    private static Map<String, Object> planParams(DrawPlan p) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", p.title());
        m.put("province", p.provinceCode());
        m.put("rules", p.rulesId());
        m.put("fprovince", p.filterProvince());
        m.put("ftype", p.filterOperatorType());
        m.put("fcategory", p.filterCategory());
        m.put("fgrade", p.filterGrade());
        m.put("skills", p.inspectorSkills());
        m.put("date", p.drawDate());
        return m;
    }

    Optional<DrawView> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM draw d JOIN draw_rules r ON r.id = d.rules_id WHERE d.id = :id AND ("
                        + scope.sql() + ")")
                .params(scope.params()).param("id", id).query(DrawRepository::view).optional();
    }

    /**
     * Locks the draw for a move, so that two officers' clicks queue up, and restores it with who prepared it, its
     * pending re-draw request and its rounds.
     */
    Optional<Draw> lock(long id) {
        jdbc.sql("SELECT id FROM draw WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        Draw.Rounds rounds = jdbc.sql("""
                SELECT COALESCE(MAX(round_no), 0),
                    COALESCE(MAX(CASE WHEN result_state = 'CURRENT' THEN id END), 0),
                    COALESCE(MAX(CASE WHEN result_state = 'CURRENT' THEN round_no END), 0)
                FROM draw_result WHERE draw_id = :id""")
                .param("id", id).query((rs, n) -> new Draw.Rounds(rs.getInt(1), rs.getLong(2), rs.getInt(3))).single();
        return jdbc.sql("SELECT " + COLUMNS + """
                , d.prepared_by_id, d.redraw_requested_by_id, d.redraw_from_state
                FROM draw d JOIN draw_rules r ON r.id = d.rules_id WHERE d.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    DrawView v = view(rs, n);
                    String from = rs.getString("redraw_from_state");
                    Draw.RedrawRequest redraw = new Draw.RedrawRequest(v.redrawReason(),
                            rs.getObject("redraw_requested_by_id", Long.class), v.redrawRequestedBy(),
                            v.redrawRequestedAt(), from == null ? null : DrawState.valueOf(from));
                    return Draw.restore(v, rs.getLong("prepared_by_id"), redraw, rounds);
                })
                .optional();
    }

    /** Saves the draw's state after a move (a draft's plan is saved by {@link #updateDraft}). */
    void save(Draw d, Instant now) {
        Draw.RedrawRequest redraw = d.redraw();
        jdbc.sql("""
                UPDATE draw SET draw_state = :state, approved_by = :approvedBy, scheduled_at = :scheduledAt,
                    snapshot_hash = :snapshotHash, seed_hash = :seedHash, commitment_digest = :digest,
                    published_by = :publishedBy, published_at = :publishedAt, redraw_reason = :reason,
                    redraw_requested_by_id = :redrawById, redraw_requested_by = :redrawBy,
                    redraw_requested_at = :redrawAt, redraw_from_state = :redrawFrom, updated_at = :now,
                    version = version + 1
                WHERE id = :id""")
                .param("state", d.state().name()).param("approvedBy", d.approvedBy())
                .param("scheduledAt", Jdbc.ts(d.scheduledAt())).param("snapshotHash", d.snapshotHash())
                .param("seedHash", d.seedHash()).param("digest", d.commitmentDigest())
                .param("publishedBy", d.publishedBy()).param("publishedAt", Jdbc.ts(d.publishedAt()))
                .param("reason", redraw == null ? null : redraw.reason())
                .param("redrawById", redraw == null ? null : redraw.requestedById())
                .param("redrawBy", redraw == null ? null : redraw.requestedBy())
                .param("redrawAt", redraw == null ? null : Jdbc.ts(redraw.requestedAt()))
                .param("redrawFrom", redraw == null ? null : redraw.from().name())
                .param("now", Jdbc.ts(now)).param("id", d.id()).update();
    }

    PageResult<DrawView> search(SqlScope scope, DrawState state, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE (" + scope.sql() + ")");
        Map<String, Object> params = new HashMap<>(scope.params());
        if (state != null) {
            where.append(" AND d.draw_state = :state");
            params.put("state", state.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM draw d" + where).params(params).query(Long.class).single();
        String column = SORTABLE.getOrDefault(page.sort() == null ? "createdAt" : page.sort(), "d.created_at");
        List<DrawView> items = jdbc.sql("SELECT " + COLUMNS + " FROM draw d JOIN draw_rules r ON r.id = d.rules_id" + where
                        + " ORDER BY " + column + " " + page.direction() + ", d.id " + page.direction()
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(DrawRepository::view).list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    /** Stores the snapshot approval froze, packed ({@link PackedSnapshot}), in place of any older form of it. */
    void storeSnapshot(long id, byte[] packedSnapshot) {
        jdbc.sql("""
                UPDATE draw SET snapshot_json = NULL, snapshot_gzip = NULL, snapshot_packed = :snapshot WHERE id = :id""")
                .param("snapshot", packedSnapshot).param("id", id).update();
    }

    /** Stores the sealed secret seed until the draw reveals it; {@code null} forgets it once revealed. */
    void storeSealedSeed(long id, String sealed) {
        jdbc.sql("UPDATE draw SET seed_sealed = :sealed WHERE id = :id").param("sealed", sealed).param("id", id)
                .update();
    }

    /**
     * The frozen snapshot, read from its packed column or, for draws scheduled before that column existed, from the
     * gzip of its canonical JSON or that JSON text. However it was stored, its {@link PoolSnapshot#hash()} is computed
     * from what was read, so that a changed copy cannot pass for the committed snapshot.
     */
    PoolSnapshot snapshot(long id) {
        return jdbc.sql("SELECT snapshot_packed, snapshot_gzip, snapshot_json FROM draw WHERE id = :id").param("id", id)
                .query((rs, n) -> {
                    byte[] packed = rs.getBytes(1);
                    if (packed != null && packed.length > 0) {
                        return PackedSnapshot.unpack(packed);
                    }
                    byte[] gzip = rs.getBytes(2);
                    if (gzip != null && gzip.length > 0) {
                        return PoolSnapshot.fromGzip(gzip);
                    }
                    String json = rs.getString(3);
                    if (json == null) {
                        throw new IllegalStateException("draw " + id + " has no frozen snapshot");
                    }
                    return PoolSnapshot.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
                })
                .single();
    }

    String sealedSeed(long id) {
        return jdbc.sql("SELECT seed_sealed FROM draw WHERE id = :id").param("id", id).query(String.class).single();
    }

    private static DrawView view(ResultSet rs, int n) throws SQLException {
        Date date = rs.getDate("draw_date");
        return new DrawView(rs.getLong("id"), rs.getString("title"), rs.getString("province_code"), rs.getLong("rules_id"),
                rs.getString("rules_name"), rs.getInt("version_no"), rs.getString("filter_province"),
                rs.getString("filter_operator_type"), rs.getString("filter_category"), rs.getString("filter_grade"),
                rs.getString("inspector_skills"), date.toLocalDate(), DrawState.valueOf(rs.getString("draw_state")),
                rs.getString("prepared_by"), rs.getString("approved_by"), Jdbc.instant(rs, "scheduled_at"),
                rs.getString("snapshot_hash"), rs.getString("seed_hash"), rs.getString("rules_hash"),
                rs.getString("commitment_digest"), rs.getString("published_by"), Jdbc.instant(rs, "published_at"),
                Jdbc.instant(rs, "created_at"), rs.getInt("version"), rs.getString("redraw_reason"),
                rs.getString("redraw_requested_by"), Jdbc.instant(rs, "redraw_requested_at"));
    }

    // --- rounds ------------------------------------------------------------------------------

    long insertRound(long drawId, int roundNo, DrawResult result, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        DrawCommitment c = result.commitment();
        jdbc.sql("""
                INSERT INTO draw_result (draw_id, round_no, seed_hash, snapshot_hash, rules_hash, draw_date,
                    commitment_digest, seed_hex, witness_json, assignments_json, result_digest, result_state, drawn_by,
                    drawn_at)
                VALUES (:draw, :round, :seedHash, :snapshotHash, :rulesHash, :date, :digest, :seed, :witness,
                    :assignments, :resultDigest, 'CURRENT', :by, :now)""")
                .param("draw", drawId).param("round", roundNo).param("seedHash", c.seedHash())
                .param("snapshotHash", c.snapshotHash()).param("rulesHash", c.rulesHash()).param("date", c.drawDate())
                .param("digest", c.digest()).param("seed", result.seed().hex())
                .param("witness", CanonicalJson.write(result.witnessEntropy()))
                .param("assignments", PublishedDraw.assignmentsJson(result.assignments()))
                .param("resultDigest", result.digest()).param("by", by).param("now", Jdbc.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Stores a run attempt the seed and witness entropy made infeasible as a round of its own: the seed revealed,
     * nothing drawn, the first target left without a team and every shortfall.
     */
    void insertInfeasibleRound(long drawId, int roundNo, DrawCommitment c, DrawSeed seed, List<String> witness,
            DrawInfeasibleException e, String by, Instant now) {
        String shortfalls = e.shortfalls().stream().map(Object::toString).collect(Collectors.joining("; "));
        jdbc.sql("""
                INSERT INTO draw_result (draw_id, round_no, seed_hash, snapshot_hash, rules_hash, draw_date,
                    commitment_digest, seed_hex, witness_json, assignments_json, result_digest, result_state, drawn_by,
                    drawn_at, infeasible_at, shortfalls)
                VALUES (:draw, :round, :seedHash, :snapshotHash, :rulesHash, :date, :digest, :seed, :witness, '[]',
                    :resultDigest, 'INFEASIBLE', :by, :now, :at, :shortfalls)""")
                .param("draw", drawId).param("round", roundNo).param("seedHash", c.seedHash())
                .param("snapshotHash", c.snapshotHash()).param("rulesHash", c.rulesHash()).param("date", c.drawDate())
                .param("digest", c.digest()).param("seed", seed.hex())
                .param("witness", CanonicalJson.write(witness))
                .param("resultDigest", new DrawResult(c, seed, witness, List.of()).digest()).param("by", by).param("now", Jdbc.ts(now))
                .param("at", e.infeasibleAt()).param("shortfalls", shortfalls)
                .update();
    }

    /** Every shortfall an infeasible round found. */
    String shortfalls(long drawId, int roundNo) {
        return jdbc.sql("SELECT shortfalls FROM draw_result WHERE draw_id = :id AND round_no = :round")
                .param("id", drawId).param("round", roundNo).query(String.class).single();
    }

    /** Records on an infeasible round who asked for a new attempt, why, and who approved it. */
    void recordNewAttempt(long drawId, int roundNo, String reason, String by, String approvedBy, Instant now) {
        jdbc.sql("""
                UPDATE draw_result SET superseded_reason = :reason, superseded_by = :by, redraw_approved_by = :approvedBy,
                    superseded_at = :now WHERE draw_id = :id AND round_no = :round AND result_state = 'INFEASIBLE'""")
                .param("reason", reason).param("by", by).param("approvedBy", approvedBy).param("now", Jdbc.ts(now))
                .param("id", drawId).param("round", roundNo).update();
    }

    private static final String ROUND_COLUMNS = """
            r.id, r.round_no, r.seed_hash, r.snapshot_hash, r.rules_hash, r.draw_date, r.commitment_digest, r.seed_hex,
            r.witness_json, r.result_digest, r.result_state, r.drawn_by, r.drawn_at, r.superseded_reason,
            r.superseded_by, r.superseded_at, r.redraw_approved_by, r.infeasible_at, r.shortfalls""";

    /**
     * Every round of the draw with all its assignments as drawn (for verification and the published file), the
     * current first.
     */
    List<DrawRound> rounds(long drawId) {
        return jdbc.sql("SELECT " + ROUND_COLUMNS + ", r.assignments_json FROM draw_result r WHERE r.draw_id = :id "
                        + "ORDER BY r.round_no DESC")
                .param("id", drawId)
                .query((rs, n) -> {
                    List<TeamAssignment> all = PublishedDraw.assignmentsFromJson(rs.getString("assignments_json"));
                    return round(rs, all, all.size());
                })
                .list();
    }

    /**
     * Every round of the draw, the current first, with only the assignments whose planned check the scope (on
     * {@code planned_spot_check c}) shows, rebuilt from those rows in draw order, and the number of targets drawn
     * in all.
     */
    List<DrawRound> rounds(long drawId, SqlScope checkScope) {
        Map<Long, List<TeamAssignment>> shown = new HashMap<>();
        jdbc.sql("""
                SELECT c.draw_result_id, c.target_unit_id, c.leader_user_id, c.member_user_ids
                FROM planned_spot_check c WHERE c.draw_id = :id AND (""" + checkScope.sql() + ") ORDER BY c.id")
                .params(checkScope.params()).param("id", drawId)
                .query((rs, n) -> shown.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TeamAssignment(
                        Long.toString(rs.getLong(2)), Long.toString(rs.getLong(3)), members(rs.getString(4)).stream()
                        .map(String::valueOf).toList())))
                .list();
        return jdbc.sql("SELECT " + ROUND_COLUMNS + """
                , (SELECT COUNT(*) FROM planned_spot_check a WHERE a.draw_id = r.draw_id AND a.draw_result_id = r.id)
                    AS drawn_targets
                FROM draw_result r WHERE r.draw_id = :id ORDER BY r.round_no DESC""")
                .param("id", drawId)
                .query((rs, n) -> round(rs, shown.getOrDefault(rs.getLong("id"), List.of()),
                        rs.getInt("drawn_targets")))
                .list();
    }

    private static DrawRound round(ResultSet rs, List<TeamAssignment> assignments, int drawnTargets)
            throws SQLException {
        return new DrawRound(rs.getLong("id"), rs.getInt("round_no"),
                new DrawCommitment(rs.getString("seed_hash"), rs.getString("snapshot_hash"), rs.getString("rules_hash"),
                        rs.getDate("draw_date").toLocalDate()),
                rs.getString("commitment_digest"), DrawSeed.fromHex(rs.getString("seed_hex")),
                PublishedDraw.stringsFromJson(rs.getString("witness_json")), assignments, drawnTargets,
                rs.getString("result_digest"), "SUPERSEDED".equals(rs.getString("result_state")),
                rs.getString("drawn_by"), Jdbc.instant(rs, "drawn_at"), rs.getString("superseded_reason"),
                rs.getString("superseded_by"), Jdbc.instant(rs, "superseded_at"), rs.getString("redraw_approved_by"),
                rs.getObject("infeasible_at", Integer.class), rs.getString("shortfalls"));
    }

    /** Marks a round superseded by an approved re-draw (who asked, why, who approved) and cancels its planned checks. */
    void supersede(long resultId, String reason, String by, String approvedBy, Instant now) {
        jdbc.sql("""
                UPDATE draw_result SET result_state = 'SUPERSEDED', superseded_reason = :reason, superseded_by = :by,
                    redraw_approved_by = :approvedBy, superseded_at = :now WHERE id = :id AND result_state = 'CURRENT'""")
                .param("reason", reason).param("by", by).param("approvedBy", approvedBy).param("now", Jdbc.ts(now))
                .param("id", resultId).update();
        jdbc.sql("UPDATE planned_spot_check SET check_state = 'CANCELLED' WHERE draw_result_id = :id")
                .param("id", resultId).update();
    }

    // --- planned spot checks -----------------------------------------------------------------

    /** A drawn target with its team, to become a planned spot check. */
    record NewCheck(long unitId, long organisationId, String authorityProvince, long leader, List<Long> members) {
    }

    /**
     * Stores the round's planned checks and their team rows by JDBC batches: a handful of statements for the
     * whole result rather than one per check and member.
     */
    void insertPlannedChecks(long drawId, long resultId, List<NewCheck> checks, LocalDate plannedOn, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (NewCheck c : checks) {
            StringBuilder text = new StringBuilder();
            c.members().forEach(m -> text.append(text.length() == 0 ? "" : ",").append(m));
            Map<String, Object> row = new HashMap<>();
            row.put("draw", drawId);
            row.put("result", resultId);
            row.put("unit", c.unitId());
            row.put("org", c.organisationId());
            row.put("authority", c.authorityProvince());
            row.put("leader", c.leader());
            row.put("members", text.toString());
            row.put("on", plannedOn);
            row.put("now", Jdbc.ts(now));
            rows.add(row);
        }
        batch("""
                INSERT INTO planned_spot_check (draw_id, draw_result_id, target_unit_id, target_organisation_id,
                    authority_province_code, leader_user_id, member_user_ids, check_state, planned_on, created_at)
                VALUES (:draw, :result, :unit, :org, :authority, :leader, :members, 'PLANNED', :on, :now)""", rows);
        Map<Long, Long> ids = new HashMap<>();
        jdbc.sql("SELECT target_unit_id, id FROM planned_spot_check WHERE draw_result_id = :result")
                .param("result", resultId).query((rs, n) -> ids.put(rs.getLong(1), rs.getLong(2))).list();
        List<Map<String, Object>> members = new ArrayList<>();
        for (NewCheck c : checks) {
            List<Long> team = new ArrayList<>();
            team.add(c.leader());
            team.addAll(c.members());
            for (Long user : team) {
                members.add(Map.of("id", ids.get(c.unitId()), "user", user));
            }
        }
        batch("INSERT INTO planned_spot_check_member (check_id, user_id) VALUES (:id, :user)", members);
    }

    private void batch(String sql, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            named.batchUpdate(sql, chunk.stream().map(MapSqlParameterSource::new)
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private static final String CHECK_COLUMNS = """
            c.id, c.draw_id, d.title, c.target_unit_id, c.target_organisation_id, c.leader_user_id, c.member_user_ids,
            c.check_state, c.planned_on""";

    /** The draw's planned checks of every round that the scope (on {@code planned_spot_check c}) shows. */
    List<PlannedSpotCheck> plannedChecksOfDraw(long drawId, SqlScope checkScope) {
        return jdbc.sql("SELECT " + CHECK_COLUMNS + " FROM planned_spot_check c JOIN draw d ON d.id = c.draw_id "
                        + "WHERE c.draw_id = :id AND (" + checkScope.sql() + ") ORDER BY c.id")
                .params(checkScope.params()).param("id", drawId).query(DrawRepository::check).list();
    }

    /** The draw's planned checks in force (PLANNED) with their authority's province, unscoped, in draw order. */
    List<PublishedCheck> publishedChecks(long drawId) {
        return jdbc.sql("SELECT " + CHECK_COLUMNS + ", c.authority_province_code FROM planned_spot_check c "
                        + "JOIN draw d ON d.id = c.draw_id WHERE c.draw_id = :id AND c.check_state = 'PLANNED' ORDER BY c.id")
                .param("id", drawId)
                .query((rs, n) -> new PublishedCheck(check(rs, n), rs.getString("authority_province_code"))).list();
    }

    void recordStart(long plannedCheckId, LocalDate on) {
        jdbc.sql("UPDATE planned_spot_check SET started_on = :on WHERE id = :id AND started_on IS NULL")
                .param("on", on).param("id", plannedCheckId).update();
    }

    /** The planned checks in force whose team includes the user, of published draws only. */
    List<PlannedSpotCheck> plannedChecksOfMember(long userId) {
        return jdbc.sql("SELECT " + CHECK_COLUMNS + " FROM planned_spot_check c JOIN draw d ON d.id = c.draw_id "
                        + "WHERE d.published_at IS NOT NULL AND c.check_state = 'PLANNED' AND c.id IN "
                        + "(SELECT m.check_id FROM planned_spot_check_member m WHERE m.user_id = :user) ORDER BY c.planned_on, c.id")
                .param("user", userId).query(DrawRepository::check).list();
    }

    /**
     * "Last inspected" for a draw dated {@code drawDate} (docs/draw-algorithm.md §4), by operator (organisation id):
     * the latest day a team started a spot check on any of its units, counting only checks started before that date.
     * A check only planned (not started), or started on or after the draw date, does not count.
     */
    Map<Long, LocalDate> lastInspections(LocalDate drawDate) {
        Map<Long, LocalDate> out = new HashMap<>();
        jdbc.sql("""
                SELECT target_organisation_id, MAX(started_on) FROM planned_spot_check
                WHERE started_on IS NOT NULL AND started_on < :drawDate GROUP BY target_organisation_id""")
                .param("drawDate", drawDate)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
        return out;
    }

    private static PlannedSpotCheck check(ResultSet rs, int n) throws SQLException {
        return new PlannedSpotCheck(rs.getLong("id"), rs.getLong("draw_id"), rs.getString("title"),
                rs.getLong("target_unit_id"), rs.getLong("target_organisation_id"), rs.getLong("leader_user_id"),
                members(rs.getString("member_user_ids")), rs.getString("check_state"),
                rs.getDate("planned_on").toLocalDate());
    }

    /** The team members other than the leader, as stored in {@code member_user_ids} (comma-separated, drawn order). */
    private static List<Long> members(String text) {
        List<Long> members = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String s : text.split(",")) {
                members.add(Long.parseLong(s));
            }
        }
        return members;
    }
}
