package org.inspectorate.organisation;

/** An account with the name and type of its organisation, as lists and detail pages show it. */
public record AccountSummary(UserAccount account, String organisationName, OrganisationType organisationType) {
}
