package org.inspectorate.organisation;

/**
 * A new account as typed by an administrator or sent to the API: raw text, checked field by field
 * by {@link UserAccounts#create}. The initial password must be changed at the first sign-in.
 */
public record AccountInput(String username, String displayName, Long organisationId, String initialPassword) {

    @Override
    public String toString() {
        // Never print the password, not even into a log line.
        return "AccountInput[" + username + ", " + displayName + ", " + organisationId + "]";
    }
}
