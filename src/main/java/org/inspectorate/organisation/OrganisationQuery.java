package org.inspectorate.organisation;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Filters of the organisation directory; {@code null} means "any". {@code parentId} lists a group
 * company's provincial and specialised companies; {@code operatorsOnly} keeps the network operating
 * units (网络运行单位) of every operator type.
 */
public record OrganisationQuery(String text, OrganisationType type, Province province, Long parentId,
        boolean operatorsOnly) {

    public OrganisationQuery(String text, OrganisationType type, Province province, Long parentId) {
        this(text, type, province, parentId, false);
    }

    public OrganisationQuery(String text, OrganisationType type, Province province) {
        this(text, type, province, null, false);
    }

    public static OrganisationQuery all() {
        return new OrganisationQuery(null, null, null, null);
    }

    public static OrganisationQuery subsidiariesOf(long parentId) {
        return new OrganisationQuery(null, null, null, parentId);
    }

    /** The operators whose name, credit code or licence contains {@code text} ({@code null}: all of them). */
    public static OrganisationQuery operators(String text) {
        return new OrganisationQuery(text, null, null, null, true);
    }

    /** The names of the operator types, for SQL. */
    static Set<String> operatorTypeNames() {
        Set<String> names = new TreeSet<>();
        EnumSet.allOf(OrganisationType.class).stream().filter(OrganisationType::isOperator)
                .forEach(t -> names.add(t.name()));
        return names;
    }
}
