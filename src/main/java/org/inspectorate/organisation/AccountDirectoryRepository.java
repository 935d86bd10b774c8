package org.inspectorate.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account directory as administrators see it: lists and details joined with the organisation,
 * always under a jurisdiction, and the few administrative updates. Never reads a secret column.
 */
@Repository
class AccountDirectoryRepository {

    private static final String COLUMNS = """
            u.id, u.username, u.display_name, u.organisation_id, u.enabled, u.must_change_password,
            u.mfa_enrolled, u.last_sign_in_at, u.created_at,
            o.name AS organisation_name, o.type AS organisation_type""";

    private static final String FROM = " FROM user_account u JOIN organisation o ON o.id = u.organisation_id";

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "u.username", "displayName", "u.display_name", "organisation", "o.name",
            "createdAt", "u.created_at", "lastSignInAt", "u.last_sign_in_at");

    private final JdbcClient jdbc;

    AccountDirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<AccountSummary> search(UserQuery query, Jurisdiction.SqlScope scope, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.sql());
        Map<String, Object> params = new HashMap<>(scope.params());
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(u.username) LIKE :text ESCAPE '!' OR LOWER(u.display_name) LIKE :text ESCAPE '!'")
                    .append(" OR LOWER(o.name) LIKE :text ESCAPE '!')");
            params.put("text", OrganisationRepository.containing(query.text()));
        }
        if (query.organisationId() != null) {
            where.append(" AND u.organisation_id = :organisationId");
            params.put("organisationId", query.organisationId());
        }
        if (query.role() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", query.role().name());
        }
        if (query.enabled() != null) {
            where.append(" AND u.enabled = :enabled");
            params.put("enabled", query.enabled());
        }
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
        String order = (page.sort() == null ? "u.username" : SORTABLE.getOrDefault(page.sort(), "u.username"))
                + " " + page.direction() + ", u.id";
        List<AccountSummary> rows = jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AccountDirectoryRepository::row)
                .list()
                .stream().map(Row::summary).toList();
        Map<Long, Set<Role>> roles = rolesOf(rows.stream().map(a -> a.account().id()).toList());
        List<AccountSummary> items = rows.stream()
                .map(a -> withRoles(a, roles.getOrDefault(a.account().id(), Set.of()))).toList();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    Optional<AccountSummary> find(long id, Jurisdiction.SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE u.id = :id AND " + scope.sql())
                .param("id", id)
                .params(scope.params())
                .query(AccountDirectoryRepository::row)
                .optional()
                .map(r -> r.withRoles(rolesOf(List.of(id)).getOrDefault(id, Set.of())));
    }

    /** Usernames differing only in case would confuse people and auditors alike: they count as taken. */
    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE LOWER(username) = :u")
                .param("u", username.toLowerCase(Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    /**
     * Locks the account row for the rest of the transaction (a version bump), so that two concurrent
     * role changes are applied one after the other, each checked against the other's result.
     */
    boolean lock(long id) {
        return jdbc.sql("UPDATE user_account SET version = version + 1 WHERE id = :id").param("id", id).update() == 1;
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled).param("id", id).update();
    }

    private Map<Long, Set<Role>> rolesOf(List<Long> userIds) {
        Map<Long, Set<Role>> roles = new HashMap<>();
        if (userIds.isEmpty()) {
            return roles;
        }
        jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (:ids)")
                .param("ids", userIds)
                .query((rs, n) -> {
                    roles.computeIfAbsent(rs.getLong("user_id"), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString("role")));
                    return null;
                })
                .list();
        return roles;
    }

    private static AccountSummary withRoles(AccountSummary a, Set<Role> roles) {
        UserAccount u = a.account();
        return new AccountSummary(new UserAccount(u.id(), u.username(), u.displayName(), u.organisationId(), roles,
                u.enabled(), u.mustChangePassword(), u.mfaEnrolled(), u.lastSignInAt(),
                u.createdAt()), a.organisationName(), a.organisationType());
    }

    /** A row before its roles are read. */
    private record Row(AccountSummary summary) {
        AccountSummary withRoles(Set<Role> roles) {
            return AccountDirectoryRepository.withRoles(summary, roles);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UserAccount account = new UserAccount(rs.getLong("id"), rs.getString("username"),
                rs.getString("display_name"), rs.getLong("organisation_id"), Set.of(), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), rs.getBoolean("mfa_enrolled"),
                Jdbc.instant(rs, "last_sign_in_at"),
                Jdbc.instant(rs, "created_at"));
        return new Row(new AccountSummary(account, rs.getString("organisation_name"),
                OrganisationType.valueOf(rs.getString("organisation_type"))));
    }
}
