package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.inspectorate.organisation.CreditCode;
import org.inspectorate.organisation.LicenceNumber;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.support.Codes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FilingAuthorityPolicyTest {

    private final FilingAuthorityPolicy policy = new FilingAuthorityPolicy();

    private static Organisation operator(OrganisationType type, Province province, String licence) {
        return new Organisation(1, type, "x", new CreditCode(Codes.creditCode()), province,
                licence == null ? null : new LicenceNumber(licence), null, null, null, Instant.EPOCH, 0);
    }

    @Test
    void groupCompaniesFileWithTheMinistry() {
        assertThat(policy.authorityFor(operator(OrganisationType.BASIC_TELECOM_GROUP, null, null)))
                .isEqualTo(FilingAuthority.MINISTRY);
        assertThat(policy.authorityFor(operator(OrganisationType.BASIC_TELECOM_GROUP, Province.BEIJING, null)))
                .isEqualTo(FilingAuthority.MINISTRY);
    }

    @Test
    void domainRegistriesAndRegistrarsFileWithTheMinistryWhereverTheyAre() {
        assertThat(policy.authorityFor(operator(OrganisationType.DOMAIN_REGISTRY, Province.BEIJING, null)))
                .isEqualTo(FilingAuthority.MINISTRY);
        assertThat(policy.authorityFor(operator(OrganisationType.DOMAIN_REGISTRAR, Province.FUJIAN, null)))
                .isEqualTo(FilingAuthority.MINISTRY);
    }

    @Test
    void provincialCompaniesFileWithTheirProvince() {
        assertThat(policy.authorityFor(operator(OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.HEBEI, null)))
                .isEqualTo(FilingAuthority.of(Province.HEBEI));
    }

    @Test
    void specialisedCompaniesFileWithTheirProvinceOrTheMinistryWhenTheyHaveNone() {
        assertThat(policy.authorityFor(operator(OrganisationType.BASIC_TELECOM_SPECIALISED, Province.GUANGDONG, null)))
                .isEqualTo(FilingAuthority.of(Province.GUANGDONG));
        assertThat(policy.authorityFor(operator(OrganisationType.BASIC_TELECOM_SPECIALISED, null, null)))
                .isEqualTo(FilingAuthority.MINISTRY);
    }

    @Test
    void valueAddedEnterprisesFileWithTheAuthorityThatLicensedThem() {
        assertThat(policy.authorityFor(operator(OrganisationType.VALUE_ADDED_TELECOM, Province.BEIJING, "B2-20180001")))
                .isEqualTo(FilingAuthority.MINISTRY);
        assertThat(policy.authorityFor(operator(OrganisationType.VALUE_ADDED_TELECOM, Province.SHANGHAI, "沪B2-20180001")))
                .isEqualTo(FilingAuthority.of(Province.SHANGHAI));
        // The licence decides, not where the company now sits.
        assertThat(policy.authorityFor(operator(OrganisationType.VALUE_ADDED_TELECOM, Province.JIANGSU, "浙B1-20190002")))
                .isEqualTo(FilingAuthority.of(Province.ZHEJIANG));
    }

    @Test
    void internetEnterprisesFileWithTheirProvince() {
        assertThat(policy.authorityFor(operator(OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG, null)))
                .isEqualTo(FilingAuthority.of(Province.ZHEJIANG));
    }

    @ParameterizedTest
    @EnumSource(value = OrganisationType.class, names = {"MINISTRY_BUREAU", "PROVINCIAL_ADMINISTRATION",
            "TESTING_AGENCY", "OTHER_DEPARTMENT"})
    void nonOperatorsDoNotFile(OrganisationType type) {
        assertThatThrownBy(() -> policy.authorityFor(operator(type, Province.BEIJING, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(OrganisationType.class)
    void everyOperatorTypeHasAnAuthority(OrganisationType type) {
        // A Beijing operator (a value-added one licensed by Beijing) files with the Ministry or with Beijing, by its
        // type; the switch names every type, so a new one fails to compile here until its authority is decided.
        FilingAuthority expected = switch (type) {
            case BASIC_TELECOM_GROUP, DOMAIN_REGISTRY, DOMAIN_REGISTRAR -> FilingAuthority.MINISTRY;
            case BASIC_TELECOM_PROVINCIAL, BASIC_TELECOM_SPECIALISED, VALUE_ADDED_TELECOM, INTERNET_ENTERPRISE ->
                    FilingAuthority.of(Province.BEIJING);
            case MINISTRY_BUREAU, PROVINCIAL_ADMINISTRATION, TESTING_AGENCY, OTHER_DEPARTMENT -> null;
        };
        assertThat(expected != null).as("%s is an operator exactly when it has an authority", type)
                .isEqualTo(type.isOperator());
        if (type.isOperator()) {
            String licence = type.licenceRequired() ? "京B2-20180001" : null;
            assertThat(policy.authorityFor(operator(type, Province.BEIJING, licence))).isEqualTo(expected);
        }
    }

    @Test
    void filingNumberPrefixIsTheProvinceCodeOrSixZeros() {
        assertThat(FilingAuthority.MINISTRY.code()).isEqualTo("000000");
        assertThat(FilingAuthority.of(Province.SICHUAN).code()).isEqualTo("510000");
    }
}
