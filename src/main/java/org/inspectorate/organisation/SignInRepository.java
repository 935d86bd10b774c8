package org.inspectorate.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sign-in state of accounts (password, TOTP) in SQL. Every change is one statement in the database, so
 * that several application nodes agree (failures are counted by {@link SignInThrottleRepository}).
 */
@Repository
class SignInRepository {

    private final JdbcClient jdbc;

    SignInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The username as stored, if an account has this name (letter case as the database compares it). */
    Optional<String> storedUsername(String username) {
        return jdbc.sql("SELECT username FROM user_account WHERE username = :u").param("u", username)
                .query(String.class).optional();
    }

    /** The usernames of the accounts with {@code role} in the organisation holding licence {@code licence}. */
    List<String> usernamesWithRoleByLicence(String licence, Role role) {
        return jdbc.sql("""
                SELECT u.username FROM user_account u
                JOIN organisation o ON o.id = u.organisation_id
                JOIN user_role r ON r.user_id = u.id
                WHERE o.licence_number = :licence AND r.role = :role
                ORDER BY u.id""")
                .param("licence", licence).param("role", role.name()).query(String.class).list();
    }

    void updatePassword(long id, String hash, Instant now) {
        jdbc.sql("""
                UPDATE user_account SET password_hash = :hash, must_change_password = FALSE,
                    password_changed_at = :now, version = version + 1
                WHERE id = :id""")
                .param("hash", hash).param("now", Jdbc.ts(now)).param("id", id).update();
    }

    /** Stores a new, not yet confirmed TOTP secret (sealed); never replaces the secret of an enrolled account. */
    boolean storePendingSecret(long id, String sealedSecret) {
        return jdbc.sql("UPDATE user_account SET totp_secret_sealed = :s WHERE id = :id AND mfa_enrolled = FALSE")
                .param("s", sealedSecret).param("id", id).update() > 0;
    }

    /** A stored TOTP secret as it is in the table: sealed, or clear text from an earlier version. */
    record StoredSecret(long accountId, String value) {
    }

    List<StoredSecret> storedTotpSecrets() {
        return jdbc.sql("SELECT id, totp_secret_sealed FROM user_account WHERE totp_secret_sealed IS NOT NULL ORDER BY id")
                .query((rs, n) -> new StoredSecret(rs.getLong("id"), rs.getString("totp_secret_sealed"))).list();
    }

    /** Replaces the stored secret if it is still {@code expected}; returns whether this call replaced it. */
    boolean replaceTotpSecret(long id, String expected, String replacement) {
        return jdbc.sql("""
                UPDATE user_account SET totp_secret_sealed = :replacement
                WHERE id = :id AND totp_secret_sealed = :expected""")
                .param("replacement", replacement).param("id", id).param("expected", expected).update() > 0;
    }

    /** Forgets the account's second factor: no secret, not enrolled; it enrols afresh at the next sign-in. */
    void resetMfa(long id) {
        jdbc.sql("""
                UPDATE user_account SET totp_secret_sealed = NULL, mfa_enrolled = FALSE, version = version + 1
                WHERE id = :id""").param("id", id).update();
    }

    /**
     * Ends every session of the account (Spring Session JDBC indexes sessions by principal name; their
     * attributes go with them by the foreign key's cascade); returns how many ended.
     */
    int endSessions(String username) {
        return jdbc.sql("DELETE FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u").param("u", username).update();
    }

    void markEnrolled(long id) {
        jdbc.sql("UPDATE user_account SET mfa_enrolled = TRUE, version = version + 1 WHERE id = :id")
                .param("id", id).update();
    }

    /**
     * Takes TOTP time step {@code step} for the account if no later or equal step was used before; returns
     * false for a replayed code. One statement, so two nodes cannot both accept the same code.
     */
    boolean claimTotpStep(long id, long step) {
        return jdbc.sql("""
                UPDATE user_account SET totp_last_step = :step
                WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                .param("step", step).param("id", id).update() > 0;
    }
}
