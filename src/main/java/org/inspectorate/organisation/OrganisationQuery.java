package org.inspectorate.organisation;

/**
 * Filters of the organisation directory; {@code null} means "any". {@code parentId} lists a group
 * company's provincial and specialised companies.
 */
public record OrganisationQuery(String text, OrganisationType type, Province province, Long parentId) {

    public OrganisationQuery(String text, OrganisationType type, Province province) {
        this(text, type, province, null);
    }

    public static OrganisationQuery all() {
        return new OrganisationQuery(null, null, null, null);
    }

    public static OrganisationQuery subsidiariesOf(long parentId) {
        return new OrganisationQuery(null, null, null, parentId);
    }
}
