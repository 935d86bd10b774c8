package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Scoring standards' versions in SQL. A version's row never changes once written, so each parsed document is
 * kept in memory by id (a sheet's every read needs its standard).
 */
@Repository
class StandardRepository {

    private static final String COLUMNS = """
            s.id, s.code, s.version, s.title, s.example, s.points, s.item_count, s.sha256, s.imported_by,
            s.imported_at, s.document,
            CASE WHEN s.version = (SELECT MAX(v.version) FROM scoring_standard v WHERE v.code = s.code)
                THEN 1 ELSE 0 END AS is_current""";

    private final JdbcClient jdbc;
    private final Map<Long, ScoringStandard> parsed = new ConcurrentHashMap<>();

    StandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest version of every standard, by code. */
    List<StoredStandard> current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring_standard s WHERE s.version = "
                        + "(SELECT MAX(v.version) FROM scoring_standard v WHERE v.code = s.code) ORDER BY s.code")
                .query(this::map).list();
    }

    /** Every version of {@code code}, latest first. */
    List<StoredStandard> versions(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring_standard s WHERE s.code = :code ORDER BY s.version DESC")
                .param("code", code).query(this::map).list();
    }

    Optional<StoredStandard> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scoring_standard s WHERE s.id = :id")
                .param("id", id).query(this::map).optional();
    }

    /** The next version number of {@code code} (1 for a new code). */
    int nextVersion(String code) {
        Integer max = jdbc.sql("SELECT MAX(version) FROM scoring_standard WHERE code = :code")
                .param("code", code).query(Integer.class).single();
        return max == null ? 1 : max + 1;
    }

    /** Stores a version; the unique (code, version) refuses a concurrent import of the same number. */
    long insert(ScoringStandard standard, String document, String sha256, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO scoring_standard (code, version, title, example, operator_types, points, item_count,
                    document, sha256, imported_by, imported_at)
                VALUES (:code, :version, :title, :example, :types, :points, :items, :document, :sha, :by, :at)""")
                .param("code", standard.code())
                .param("version", standard.version())
                .param("title", standard.title())
                .param("example", standard.example())
                .param("types", standard.operatorTypes().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(",")))
                .param("points", standard.points())
                .param("items", standard.items().size())
                .param("document", document)
                .param("sha", sha256)
                .param("by", by)
                .param("at", Jdbc.ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private StoredStandard map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        int version = rs.getInt("version");
        String document = rs.getString("document");
        ScoringStandard standard = parsed.computeIfAbsent(id, k -> StandardDocuments.read(document, version));
        BigDecimal points = rs.getBigDecimal("points");
        return new StoredStandard(id, rs.getString("code"), version, rs.getString("title"), rs.getBoolean("example"),
                points, rs.getInt("item_count"), rs.getString("sha256"), rs.getString("imported_by"),
                Jdbc.instant(rs, "imported_at"), rs.getInt("is_current") == 1, standard);
    }
}
