package org.inspectorate.organisation;

/** Filters of the account list; {@code null} means "any". */
public record UserQuery(String text, Long organisationId, Role role, Boolean enabled) {

    public static UserQuery all() {
        return new UserQuery(null, null, null, null);
    }
}
