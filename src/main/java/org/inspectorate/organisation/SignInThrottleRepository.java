package org.inspectorate.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The throttle keys, the browsers known to accounts and the failures shown to owners, in SQL. A key's failure is
 * counted in a transaction of its own (the row locked while it is read and written), so that concurrent
 * failures on several nodes are all counted, and a refused sign-in cannot roll the count back.
 */
@Repository
class SignInThrottleRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    SignInThrottleRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<SignInThrottle.State> find(String key) {
        return jdbc.sql("SELECT failures, last_failure_at, next_attempt_at FROM sign_in_throttle WHERE throttle_key = :k")
                .param("k", key).query((rs, n) -> new SignInThrottle.State(rs.getInt("failures"),
                        Jdbc.instant(rs, "last_failure_at"), Jdbc.instant(rs, "next_attempt_at"))).optional();
    }

    /** Counts one failure of {@code key} by the throttle's rule; returns the key's new state. */
    SignInThrottle.State recordFailure(String key, SignInThrottle throttle, Instant now) {
        try {
            return own.execute(tx -> countFailure(key, throttle, now));
        } catch (DuplicateKeyException firstOfTwo) {
            // another node inserted the key's first failure at the same moment: count on its row
            return own.execute(tx -> countFailure(key, throttle, now));
        }
    }

    private SignInThrottle.State countFailure(String key, SignInThrottle throttle, Instant now) {
        Optional<SignInThrottle.State> before = jdbc.sql("""
                SELECT failures, last_failure_at, next_attempt_at FROM sign_in_throttle
                WHERE throttle_key = :k FOR UPDATE""").param("k", key)
                .query((rs, n) -> new SignInThrottle.State(rs.getInt("failures"), Jdbc.instant(rs, "last_failure_at"),
                        Jdbc.instant(rs, "next_attempt_at"))).optional();
        SignInThrottle.State after = throttle.afterFailure(before.orElse(null), now);
        String sql = before.isPresent()
                ? "UPDATE sign_in_throttle SET failures = :f, last_failure_at = :last, next_attempt_at = :next WHERE throttle_key = :k"
                : "INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, next_attempt_at) VALUES (:k, :f, :last, :next)";
        jdbc.sql(sql).param("k", key).param("f", after.failures()).param("last", Jdbc.ts(after.lastFailureAt()))
                .param("next", Jdbc.ts(after.nextAttemptAt())).update();
        return after;
    }

    /** A right password: the key starts afresh. */
    void clear(String key) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = :k").param("k", key).update();
    }

    /** Forgets keys whose last failure is older than {@code before}; returns how many. */
    int forgetOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE last_failure_at < :t").param("t", Jdbc.ts(before)).update();
    }

    boolean knownSource(long userId, String tokenHash) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_known_source WHERE user_id = :u AND token_hash = :h")
                .param("u", userId).param("h", tokenHash).query(Long.class).single() > 0;
    }

    void rememberSource(long userId, String tokenHash, Instant now) {
        int touched = jdbc.sql("UPDATE sign_in_known_source SET last_used_at = :now WHERE user_id = :u AND token_hash = :h")
                .param("now", Jdbc.ts(now)).param("u", userId).param("h", tokenHash).update();
        if (touched == 0) {
            jdbc.sql("INSERT INTO sign_in_known_source (user_id, token_hash, created_at, last_used_at) VALUES (:u, :h, :now, :now)")
                    .param("u", userId).param("h", tokenHash).param("now", Jdbc.ts(now)).update();
        }
    }

    void recordAccountFailure(long userId, String source, boolean throttled, Instant now) {
        jdbc.sql("""
                INSERT INTO sign_in_failure (user_id, occurred_at, source_address, throttled, seen)
                VALUES (:u, :now, :source, :throttled, FALSE)""")
                .param("u", userId).param("now", Jdbc.ts(now)).param("source", source).param("throttled", throttled)
                .update();
    }

    /** One failed attempt on the account, for its owner. */
    record Failure(Instant occurredAt, String sourceAddress, boolean throttled, boolean seen) {
    }

    /** The account's latest failures, newest first. */
    List<Failure> recentFailures(long userId, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, source_address, throttled, seen FROM sign_in_failure WHERE user_id = :u
                ORDER BY occurred_at DESC, id DESC LIMIT :limit""").param("u", userId).param("limit", limit)
                .query((rs, n) -> new Failure(Jdbc.instant(rs, "occurred_at"), rs.getString("source_address"),
                        rs.getBoolean("throttled"), rs.getBoolean("seen"))).list();
    }

    long unseenFailures(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE user_id = :u AND seen = FALSE")
                .param("u", userId).query(Long.class).single();
    }

    void markFailuresSeen(long userId) {
        jdbc.sql("UPDATE sign_in_failure SET seen = TRUE WHERE user_id = :u AND seen = FALSE").param("u", userId).update();
    }
}
