package org.inspectorate.organisation;

import java.util.Map;

/**
 * Which organisations' data a user may see (管辖范围). Modules apply it in their queries through
 * {@link #organisationScope(String)}, so that a record outside it is never read, and answers 404.
 */
public sealed interface Jurisdiction {

    /** The whole country: the Ministry. */
    record Nationwide() implements Jurisdiction {
    }

    /** The organisations located in one province: a provincial administration. */
    record InProvince(Province province) implements Jurisdiction {
    }

    /** One organisation and its direct subsidiaries: an operator (a group company sees its companies). */
    record OrganisationTree(long organisationId) implements Jurisdiction {
    }

    /** Nothing by default: administrators, inspectors and other departments, until something is granted. */
    record Nothing() implements Jurisdiction {
    }

    /**
     * A SQL predicate restricting {@code organisationIdColumn} to this jurisdiction, with its named
     * parameters (prefixed {@code jur_} so they do not clash with the caller's).
     */
    default SqlScope organisationScope(String organisationIdColumn) {
        if (this instanceof Nationwide) {
            return new SqlScope("1 = 1", Map.of());
        }
        if (this instanceof InProvince p) {
            return new SqlScope(organisationIdColumn
                    + " IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.province_code = :jur_province)",
                    Map.of("jur_province", p.province().code()));
        }
        if (this instanceof OrganisationTree t) {
            return new SqlScope(organisationIdColumn
                    + " IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.id = :jur_org OR jur_o.parent_id = :jur_org)",
                    Map.of("jur_org", t.organisationId()));
        }
        return new SqlScope("1 = 0", Map.of());
    }

    /**
     * The same restriction as {@link #organisationScope} for a query of the organisation table itself, as a
     * predicate on the row's own columns ({@code alias.province_code}, {@code alias.parent_id}), so that a list of
     * organisations reads the index that starts with them instead of joining the table to itself.
     */
    default SqlScope organisationRowScope(String alias) {
        if (this instanceof InProvince p) {
            return new SqlScope(alias + ".province_code = :jur_province", Map.of("jur_province", p.province().code()));
        }
        if (this instanceof OrganisationTree t) {
            return new SqlScope("(" + alias + ".id = :jur_org OR " + alias + ".parent_id = :jur_org)",
                    Map.of("jur_org", t.organisationId()));
        }
        return organisationScope(alias + ".id");
    }

    /** A SQL fragment and the named parameters it uses. */
    record SqlScope(String sql, Map<String, Object> params) {
    }
}
