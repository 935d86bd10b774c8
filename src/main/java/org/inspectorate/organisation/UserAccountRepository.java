package org.inspectorate.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Accounts and their roles in SQL. */
@Repository
class UserAccountRepository {

    private static final String COLUMNS = """
            u.id, u.username, u.display_name, u.password_hash, u.organisation_id, u.enabled,
            u.must_change_password, u.totp_secret_sealed, u.mfa_enrolled,
            u.last_sign_in_at, u.created_at""";

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What sign-in needs about an account, secrets included; never leaves the module. */
    record Credentials(long id, String username, String displayName, String passwordHash, long organisationId,
            boolean enabled, boolean mustChangePassword, String sealedTotpSecret,
            boolean mfaEnrolled, Instant lastSignInAt, Instant createdAt, Set<Role> roles) {

        UserAccount account() {
            return new UserAccount(id, username, displayName, organisationId, roles, enabled, mustChangePassword,
                    mfaEnrolled, lastSignInAt, createdAt);
        }
    }

    /** Marks an account the application provisioned itself (a shipped demo account), not an administrator. */
    void markProvisioned(long id) {
        jdbc.sql("UPDATE user_account SET provisioned = TRUE WHERE id = :id").param("id", id).update();
    }

    boolean provisioned(long id) {
        return jdbc.sql("SELECT provisioned FROM user_account WHERE id = :id").param("id", id).query(Boolean.class)
                .optional().orElse(false);
    }

    long insert(String username, String displayName, String passwordHash, long organisationId,
            boolean mustChangePassword, Set<Role> roles, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, organisation_id,
                    must_change_password, password_changed_at, created_at)
                VALUES (:username, :displayName, :hash, :org, :mustChange, :now, :now)""")
                .param("username", username)
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("org", organisationId)
                .param("mustChange", mustChangePassword)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        replaceRoles(id, roles);
        return id;
    }

    void replaceRoles(long userId, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", userId).param("role", role.name()).update();
        }
    }

    Optional<Credentials> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account u WHERE u.username = :username")
                .param("username", username)
                .query(this::map)
                .optional();
    }

    /** The enabled accounts of the organisation holding any of the roles, by id. */
    List<Long> enabledMembersOf(long organisationId, Set<Role> roles) {
        return jdbc.sql("""
                SELECT DISTINCT a.id FROM user_account a JOIN user_role r ON r.user_id = a.id
                WHERE a.organisation_id = :organisation AND a.enabled = TRUE AND r.role IN (:roles) ORDER BY a.id""")
                .param("organisation", organisationId).param("roles", roles.stream().map(Role::name).toList())
                .query(Long.class).list();
    }

    /** The enabled officers of the province's administration (provincial officers), or the Ministry's ({@code null}). */
    List<Long> enabledOfficersOf(Province province) {
        if (province == null) {
            return jdbc.sql("""
                    SELECT DISTINCT a.id FROM user_account a JOIN user_role r ON r.user_id = a.id
                    WHERE a.enabled = TRUE AND r.role = 'MINISTRY_OFFICER' ORDER BY a.id""")
                    .query(Long.class).list();
        }
        return jdbc.sql("""
                SELECT DISTINCT a.id FROM user_account a JOIN user_role r ON r.user_id = a.id
                JOIN organisation o ON o.id = a.organisation_id
                WHERE a.enabled = TRUE AND r.role = 'PROVINCIAL_OFFICER' AND o.province_code = :province
                ORDER BY a.id""")
                .param("province", province.code()).query(Long.class).list();
    }

    /** Enabled accounts with any of the roles in organisations of the types, by id after {@code afterId}. */
    List<Long> enabledMembersOfTypes(Set<OrganisationType> types, Set<Role> roles, long afterId, int limit) {
        return jdbc.sql("""
                SELECT DISTINCT a.id FROM user_account a JOIN user_role r ON r.user_id = a.id
                JOIN organisation o ON o.id = a.organisation_id
                WHERE a.enabled = TRUE AND r.role IN (:roles) AND o.type IN (:types) AND a.id > :after
                ORDER BY a.id LIMIT :limit""")
                .param("roles", roles.stream().map(Role::name).toList())
                .param("types", types.stream().map(OrganisationType::name).toList())
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    /** Organisation id of every enabled account holding the role, by account id. */
    Map<Long, Long> enabledHoldersOf(Role role) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.organisation_id FROM user_account a JOIN user_role r ON r.user_id = a.id
                WHERE a.enabled = TRUE AND r.role = :role""")
                .param("role", role.name()).query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    Optional<Credentials> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account u WHERE u.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** "Display name (username)" by account id for the given ids; ids that do not exist are absent. */
    Map<Long, String> labels(Collection<Long> ids) {
        Map<Long, String> labels = new HashMap<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) { // IN lists stay small on every database
            jdbc.sql("SELECT id, display_name, username FROM user_account WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, n) -> labels.put(rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")"))
                    .list();
        }
        return labels;
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    Set<Role> rolesOf(long userId) {
        List<String> names = jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", userId)
                .query(String.class).list();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    void recordSignIn(long id, Instant now) {
        jdbc.sql("""
                UPDATE user_account SET last_sign_in_at = :now WHERE id = :id""").param("now", Jdbc.ts(now)).param("id", id).update();
    }

    private Credentials map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Credentials(id, rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getLong("organisation_id"), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getString("totp_secret_sealed"), rs.getBoolean("mfa_enrolled"),
                Jdbc.instant(rs, "last_sign_in_at"), Jdbc.instant(rs, "created_at"), rolesOf(id));
    }
}
