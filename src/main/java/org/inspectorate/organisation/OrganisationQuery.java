package org.inspectorate.organisation;

/** Filters of the organisation directory; {@code null} means "any". */
public record OrganisationQuery(String text, OrganisationType type, Province province) {

    public static OrganisationQuery all() {
        return new OrganisationQuery(null, null, null);
    }
}
