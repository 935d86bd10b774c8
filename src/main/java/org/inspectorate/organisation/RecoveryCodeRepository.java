package org.inspectorate.organisation;

import java.time.Instant;
import java.util.List;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hashes of each account's recovery codes, and when each was used. */
@Repository
class RecoveryCodeRepository {

    private final JdbcClient jdbc;

    RecoveryCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every code of the account (used or not) by {@code hashes}. */
    void replace(long userId, List<String> hashes, Instant now) {
        deleteAll(userId);
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO mfa_recovery_code (user_id, code_hash, created_at) VALUES (:user, :hash, :now)")
                    .param("user", userId).param("hash", hash).param("now", Jdbc.ts(now)).update();
        }
    }

    /** Uses the unused code with {@code hash}; returns false when there is none. One statement: used once, by one node. */
    boolean use(long userId, String hash, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_recovery_code SET used_at = :now
                WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
                .param("now", Jdbc.ts(now)).param("user", userId).param("hash", hash).update() > 0;
    }

    int remaining(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE user_id = :user AND used_at IS NULL")
                .param("user", userId).query(Integer.class).single();
    }

    void deleteAll(long userId) {
        jdbc.sql("DELETE FROM mfa_recovery_code WHERE user_id = :user").param("user", userId).update();
    }
}
