package org.inspectorate.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Personal API tokens in SQL: never the token itself, only its SHA-256. */
@Repository
class ApiTokenRepository {

    private static final String COLUMNS = """
            t.id, t.user_id, t.name, t.token_prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at""";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String prefix, String hash, Instant now, Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (user_id, name, token_prefix, token_hash, created_at, expires_at)
                VALUES (:user, :name, :prefix, :hash, :now, :expires)""")
                .param("user", userId).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("now", Jdbc.ts(now)).param("expires", Jdbc.ts(expiresAt))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ApiToken> ofUser(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t WHERE t.user_id = :user ORDER BY t.created_at DESC, t.id DESC")
                .param("user", userId).query(this::map).list();
    }

    Optional<ApiToken> find(long userId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t WHERE t.id = :id AND t.user_id = :user")
                .param("id", id).param("user", userId).query(this::map).optional();
    }

    Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t WHERE t.token_hash = :hash")
                .param("hash", hash).query(this::map).optional();
    }

    /** Revokes the token if it is still active; returns whether this call revoked it. */
    boolean revoke(long userId, long id, Instant now) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :now
                WHERE id = :id AND user_id = :user AND revoked_at IS NULL""")
                .param("now", Jdbc.ts(now)).param("id", id).param("user", userId).update() > 0;
    }

    /** Records use at most once per {@code resolution}: a busy token does not write on every request. */
    void touch(long id, Instant now, Instant notBefore) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)""")
                .param("now", Jdbc.ts(now)).param("id", id).param("notBefore", Jdbc.ts(notBefore)).update();
    }

    private ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getString("token_prefix"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "revoked_at"), Jdbc.instant(rs, "last_used_at"));
    }

    /** A token as its owner sees it: name, first characters, dates. */
    record ApiToken(long id, long userId, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {

        boolean usableAt(Instant now) {
            return ApiTokenPolicy.usable(expiresAt, revokedAt, now);
        }

        boolean expiredAt(Instant now) {
            return revokedAt == null && !expiresAt.isAfter(now);
        }
    }
}
