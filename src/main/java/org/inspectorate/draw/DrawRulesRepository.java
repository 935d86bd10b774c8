package org.inspectorate.draw;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.draw.algorithm.DrawRules;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The draw rules (细则) in SQL: versions of named rules, each written once as canonical JSON with its hash. */
@Repository
class DrawRulesRepository {

    private final JdbcClient jdbc;

    DrawRulesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int latestRulesVersion(String name) {
        Integer v = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) FROM draw_rules WHERE rules_name = :name").param("name", name)
                .query(Integer.class).single();
        return v == null ? 0 : v;
    }

    /** The authority owning the rules name: empty when unknown, "" for the Ministry, else a province code. */
    Optional<String> rulesOwner(String name) {
        return jdbc.sql("SELECT COALESCE(MIN(province_code), '') FROM draw_rules WHERE rules_name = :name "
                        + "HAVING COUNT(*) > 0").param("name", name).query(String.class).optional();
    }

    long insertRules(DrawRules rules, String province, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO draw_rules (rules_name, version_no, definition, rules_hash, province_code, created_by,
                    created_at)
                VALUES (:name, :version, :definition, :hash, :province, :by, :now)""")
                .param("name", rules.name()).param("version", rules.version()).param("province", province)
                .param("definition", rules.canonicalJson()).param("hash", rules.hash()).param("by", by)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<DrawRulesVersion> rules(long id) {
        return jdbc.sql("SELECT id, definition, rules_hash, created_by, created_at FROM draw_rules WHERE id = :id")
                .param("id", id).query(DrawRulesRepository::rulesRow).optional();
    }

    /** A rules version the scope ({@code province_code} of {@code draw_rules}) lets the caller draw under. */
    Optional<DrawRulesVersion> rules(long id, SqlScope scope) {
        return jdbc.sql("SELECT id, definition, rules_hash, created_by, created_at FROM draw_rules WHERE id = :id AND ("
                        + scope.sql() + ")")
                .params(scope.params()).param("id", id).query(DrawRulesRepository::rulesRow).optional();
    }

    List<DrawRulesVersion> allRules(SqlScope scope) {
        return jdbc.sql("SELECT id, definition, rules_hash, created_by, created_at FROM draw_rules WHERE ("
                        + scope.sql() + ") ORDER BY rules_name, version_no DESC")
                .params(scope.params()).query(DrawRulesRepository::rulesRow).list();
    }

    private static DrawRulesVersion rulesRow(ResultSet rs, int n) throws SQLException {
        return new DrawRulesVersion(rs.getLong("id"), PublishedDraw.rulesFromJson(rs.getString("definition")),
                rs.getString("rules_hash"), rs.getString("created_by"), Jdbc.instant(rs, "created_at"));
    }
}
