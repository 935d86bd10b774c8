package org.inspectorate.filing;

import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;

/**
 * To whom an operator files (Decree 11, Art. 8, and the inspection notice):
 * <ul>
 * <li>basic telecom group companies, domain registries and registrars → the Ministry;</li>
 * <li>basic telecom provincial companies → their provincial administration;</li>
 * <li>specialised companies (专业公司) → the administration of the province they are registered in;
 * one that names no province (a nationwide specialised company) has no provincial authority, so it
 * files with the Ministry, as its group company does;</li>
 * <li>value-added telecom enterprises → the authority that licensed them: the Ministry for a
 * cross-regional licence (no province prefix), else the licence's issuing province;</li>
 * <li>internet enterprises → their province's administration.</li>
 * </ul>
 * Where a province the rule needs is missing (a record registered before the rule required it),
 * the filing goes to the Ministry rather than nowhere.
 */
final class FilingAuthorityPolicy {

    public FilingAuthority authorityFor(Organisation operator) {
        OrganisationType type = operator.type();
        if (!type.isOperator()) {
            throw new IllegalArgumentException("only operators file network units, not " + type);
        }
        if (type == OrganisationType.BASIC_TELECOM_GROUP || type == OrganisationType.DOMAIN_REGISTRY
                || type == OrganisationType.DOMAIN_REGISTRAR) {
            return FilingAuthority.MINISTRY;
        }
        if (type == OrganisationType.VALUE_ADDED_TELECOM) {
            if (operator.licenceNumber() != null) {
                return operator.licenceNumber().issuingProvince().map(FilingAuthority::of)
                        .orElse(FilingAuthority.MINISTRY);
            }
            return provinceOrMinistry(operator);
        }
        // BASIC_TELECOM_PROVINCIAL, BASIC_TELECOM_SPECIALISED, INTERNET_ENTERPRISE
        return provinceOrMinistry(operator);
    }

    private static FilingAuthority provinceOrMinistry(Organisation operator) {
        return operator.province() == null ? FilingAuthority.MINISTRY : FilingAuthority.of(operator.province());
    }
}
