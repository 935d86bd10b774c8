package org.inspectorate.agency;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Agencies, inspector profiles and their records in SQL. */
@Repository
class AgencyRepository {

    private static final Map<String, String> SORTABLE = Map.of("name", "o.name", "province", "o.province_code",
            "inspectors", "inspector_count");

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<AgencySummary> agencies(String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE o.type = 'TESTING_AGENCY'");
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND LOWER(o.name) LIKE :text");
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "")
                    .replace("_", "") + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM organisation o" + where).params(params).query(Long.class).single();
        String column = SORTABLE.getOrDefault(page.sort() == null ? "name" : page.sort(), "o.name");
        List<AgencySummary> items = jdbc.sql("""
                SELECT o.id, o.name, o.province_code,
                    (SELECT COUNT(*) FROM inspector_profile p WHERE p.agency_id = o.id) AS inspector_count
                FROM organisation o""" + where + " ORDER BY " + column + " " + page.direction() + ", o.id "
                + page.direction() + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new AgencySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    Optional<AgencySummary> agency(long id) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.province_code,
                    (SELECT COUNT(*) FROM inspector_profile p WHERE p.agency_id = o.id) AS inspector_count
                FROM organisation o WHERE o.id = :id AND o.type = 'TESTING_AGENCY'""")
                .param("id", id)
                .query((rs, n) -> new AgencySummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional();
    }

    Optional<String> organisationName(long id) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Profile rows: user id, agency id, skills, version. */
    record ProfileRow(long userId, long agencyId, Set<Skill> skills, int version) {
    }

    Optional<ProfileRow> profile(long userId) {
        return jdbc.sql("SELECT user_id, agency_id, skills, version FROM inspector_profile WHERE user_id = :id")
                .param("id", userId).query((rs, n) -> profileRow(rs)).optional();
    }

    List<ProfileRow> profiles(Long agencyId) {
        return jdbc.sql("SELECT user_id, agency_id, skills, version FROM inspector_profile"
                        + (agencyId == null ? "" : " WHERE agency_id = :agency") + " ORDER BY user_id")
                .params(agencyId == null ? Map.of() : Map.of("agency", agencyId))
                .query((rs, n) -> profileRow(rs)).list();
    }

    private static ProfileRow profileRow(ResultSet rs) throws SQLException {
        return new ProfileRow(rs.getLong(1), rs.getLong(2), skills(rs.getString(3)), rs.getInt(4));
    }

    static Set<Skill> skills(String text) {
        EnumSet<Skill> skills = EnumSet.noneOf(Skill.class);
        if (text != null && !text.isBlank()) {
            for (String s : text.split(",")) {
                skills.add(Skill.valueOf(s));
            }
        }
        return skills;
    }

    static String skillText(Set<Skill> skills) {
        return skills.stream().map(Skill::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    void insertProfile(long userId, long agencyId, Set<Skill> skills, Instant now) {
        jdbc.sql("""
                INSERT INTO inspector_profile (user_id, agency_id, skills, created_at, updated_at)
                VALUES (:user, :agency, :skills, :now, :now)""")
                .param("user", userId).param("agency", agencyId).param("skills", skillText(skills))
                .param("now", Jdbc.ts(now)).update();
    }

    List<Employment> employment(long userId) {
        return jdbc.sql("""
                SELECT e.id, e.organisation_id, o.name, e.from_date, e.until_date FROM inspector_employment e
                JOIN organisation o ON o.id = e.organisation_id WHERE e.user_id = :user ORDER BY e.from_date, e.id""")
                .param("user", userId)
                .query((rs, n) -> new Employment(rs.getLong(1), rs.getLong(2), rs.getString(3), date(rs, 4),
                        date(rs, 5)))
                .list();
    }

    /** Every inspector's employment history, by user id, each in the order of {@link #employment(long)}. */
    Map<Long, List<Employment>> allEmployment() {
        Map<Long, List<Employment>> out = new HashMap<>();
        jdbc.sql("""
                SELECT e.user_id, e.id, e.organisation_id, o.name, e.from_date, e.until_date FROM inspector_employment e
                JOIN organisation o ON o.id = e.organisation_id ORDER BY e.user_id, e.from_date, e.id""")
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Employment(rs.getLong(2), rs.getLong(3), rs.getString(4), date(rs, 5), date(rs, 6))))
                .list();
        return out;
    }

    /** Every inspector's declared conflicts as organisation ids, by user id. */
    Map<Long, Set<Long>> allConflicts() {
        Map<Long, Set<Long>> out = new HashMap<>();
        jdbc.sql("SELECT user_id, organisation_id FROM inspector_conflict")
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2)))
                .list();
        return out;
    }

    /** The last day of the longest vetting valid on {@code day}, by user id (the vetted only). */
    Map<Long, LocalDate> vettedUntil(LocalDate day) {
        Map<Long, LocalDate> out = new HashMap<>();
        jdbc.sql("""
                SELECT user_id, MAX(valid_until) FROM inspector_vetting WHERE vetted_on <= :day AND valid_until >= :day
                GROUP BY user_id""")
                .param("day", day).query((rs, n) -> out.put(rs.getLong(1), date(rs, 2))).list();
        return out;
    }

    /** The last day of the latest vetting of one inspector valid on {@code day}, or null. */
    LocalDate vettedUntil(long userId, LocalDate day) {
        return jdbc.sql("""
                SELECT MAX(valid_until) FROM inspector_vetting
                WHERE user_id = :user AND vetted_on <= :day AND valid_until >= :day""")
                .param("user", userId).param("day", day).query((rs, n) -> date(rs, 1)).optional().orElse(null);
    }

    /** The last day of the longest commitment of the agency ({@code userId} null) or inspector valid on {@code day}. */
    LocalDate committedUntil(long agencyId, Long userId, LocalDate day) {
        return jdbc.sql("SELECT MAX(valid_until) FROM confidentiality_commitment WHERE agency_id = :agency AND "
                        + (userId == null ? "user_id IS NULL" : "user_id = :user")
                        + " AND valid_from <= :day AND valid_until >= :day")
                .params(userId == null ? Map.of("agency", agencyId, "day", day)
                        : Map.of("agency", agencyId, "user", userId, "day", day))
                .query((rs, n) -> date(rs, 1)).optional().orElse(null);
    }

    /** Whose commitment: an agency's own ({@code userId} null) or one of its inspectors'. */
    record Committed(long agencyId, Long userId) {
    }

    /** The last day of the longest commitment valid on {@code day}, of every agency and every inspector. */
    Map<Committed, LocalDate> committedUntil(LocalDate day) {
        Map<Committed, LocalDate> out = new HashMap<>();
        jdbc.sql("""
                SELECT agency_id, user_id, MAX(valid_until) FROM confidentiality_commitment
                WHERE valid_from <= :day AND valid_until >= :day GROUP BY agency_id, user_id""")
                .param("day", day)
                .query((rs, n) -> out.put(new Committed(rs.getLong(1), rs.getObject(2, Long.class)), date(rs, 3)))
                .list();
        return out;
    }

    void insertEmployment(long userId, long organisationId, LocalDate from, LocalDate until) {
        jdbc.sql("""
                INSERT INTO inspector_employment (user_id, organisation_id, from_date, until_date)
                VALUES (:user, :org, :from, :until)""")
                .param("user", userId).param("org", organisationId).param("from", from).param("until", until)
                .update();
    }

    List<DeclaredConflict> conflicts(long userId) {
        return jdbc.sql("""
                SELECT c.id, c.organisation_id, o.name, c.reason, c.declared_on FROM inspector_conflict c
                JOIN organisation o ON o.id = c.organisation_id WHERE c.user_id = :user ORDER BY c.id""")
                .param("user", userId)
                .query((rs, n) -> new DeclaredConflict(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), date(rs, 5)))
                .list();
    }

    void insertConflict(long userId, long organisationId, String reason, LocalDate on) {
        jdbc.sql("""
                INSERT INTO inspector_conflict (user_id, organisation_id, reason, declared_on)
                VALUES (:user, :org, :reason, :on)""")
                .param("user", userId).param("org", organisationId).param("reason", reason).param("on", on)
                .update();
    }

    List<Vetting> vettings(long userId) {
        return jdbc.sql("""
                SELECT id, vetted_by, vetted_on, valid_until, remarks, recorded_at FROM inspector_vetting
                WHERE user_id = :user ORDER BY vetted_on DESC, id DESC""")
                .param("user", userId)
                .query((rs, n) -> new Vetting(rs.getLong(1), rs.getString(2), date(rs, 3), date(rs, 4),
                        rs.getString(5), Jdbc.instant(rs, "recorded_at")))
                .list();
    }

    void insertVetting(long userId, String by, LocalDate on, LocalDate until, String remarks, Instant now) {
        jdbc.sql("""
                INSERT INTO inspector_vetting (user_id, vetted_by, vetted_on, valid_until, remarks, recorded_at)
                VALUES (:user, :by, :on, :until, :remarks, :now)""")
                .param("user", userId).param("by", by).param("on", on).param("until", until)
                .param("remarks", remarks).param("now", Jdbc.ts(now)).update();
    }

    private static final String COMMITMENT_COLUMNS = """
            id, agency_id, user_id, signed_on, valid_from, valid_until, file_name, content_type, size_bytes, sha256,
            uploaded_by, uploaded_at""";

    /** The agency's own commitments ({@code userId} null) or one inspector's. */
    List<Commitment> commitments(long agencyId, Long userId) {
        return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM confidentiality_commitment WHERE agency_id = :agency AND "
                        + (userId == null ? "user_id IS NULL" : "user_id = :user") + " ORDER BY valid_from DESC, id DESC")
                .params(userId == null ? Map.of("agency", agencyId) : Map.of("agency", agencyId, "user", userId))
                .query((rs, n) -> commitment(rs)).list();
    }

    Optional<Commitment> commitment(long id) {
        return jdbc.sql("SELECT " + COMMITMENT_COLUMNS + " FROM confidentiality_commitment WHERE id = :id")
                .param("id", id).query((rs, n) -> commitment(rs)).optional();
    }

    Optional<byte[]> commitmentContent(long id) {
        return jdbc.sql("SELECT content FROM confidentiality_commitment WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static Commitment commitment(ResultSet rs) throws SQLException {
        return new Commitment(rs.getLong("id"), rs.getLong("agency_id"), rs.getObject("user_id", Long.class),
                date(rs, "signed_on"), date(rs, "valid_from"), date(rs, "valid_until"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), Jdbc.instant(rs, "uploaded_at"));
    }

    long insertCommitment(long agencyId, Long userId, LocalDate signedOn, LocalDate from, LocalDate until,
            String fileName, String contentType, byte[] content, String sha256, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO confidentiality_commitment (agency_id, user_id, signed_on, valid_from, valid_until, file_name,
                    content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (:agency, :user, :signed, :from, :until, :name, :type, :size, :sha, :content, :by, :now)""")
                .param("agency", agencyId).param("user", userId).param("signed", signedOn).param("from", from)
                .param("until", until).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("sha", sha256).param("content", content).param("by", by)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<OperatorRelation> relations(Long agencyId) {
        return jdbc.sql("""
                SELECT r.id, r.agency_id, r.organisation_id, o.name, r.relation_kind, r.related_on FROM agency_relation r
                JOIN organisation o ON o.id = r.organisation_id"""
                        + (agencyId == null ? "" : " WHERE r.agency_id = :agency") + " ORDER BY r.related_on DESC, r.id")
                .params(agencyId == null ? Map.of() : Map.of("agency", agencyId))
                .query((rs, n) -> new OperatorRelation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        OperatorRelation.RelationKind.valueOf(rs.getString(5)), date(rs, 6)))
                .list();
    }

    void insertRelation(long agencyId, long organisationId, OperatorRelation.RelationKind kind, LocalDate on,
            String by, Instant now) {
        jdbc.sql("""
                INSERT INTO agency_relation (agency_id, organisation_id, relation_kind, related_on, recorded_by,
                    recorded_at) VALUES (:agency, :org, :kind, :on, :by, :now)""")
                .param("agency", agencyId).param("org", organisationId).param("kind", kind.name()).param("on", on)
                .param("by", by).param("now", Jdbc.ts(now)).update();
    }

    private static LocalDate date(ResultSet rs, int col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }

    private static LocalDate date(ResultSet rs, String col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
