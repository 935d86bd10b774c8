package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class OrganisationsIntegrationTest {

    @Autowired
    Organisations organisations;

    @Autowired
    OrganisationRepository repository;

    @Test
    void provincialOfficerCannotSeeAnotherProvincesOrganisation() {
        long beijingAdmin = OrganisationFixtures.organisation(repository, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.BEIJING, null);
        long shanghaiOperator = OrganisationFixtures.organisation(repository, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHANGHAI, null);
        long beijingOperator = OrganisationFixtures.organisation(repository, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        Actor officer = OrganisationFixtures.actor(beijingAdmin, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.BEIJING, Role.PROVINCIAL_OFFICER);

        assertThat(organisations.get(officer, beijingOperator).id()).isEqualTo(beijingOperator);
        assertThatThrownBy(() -> organisations.get(officer, shanghaiOperator)).isInstanceOf(NotFoundException.class);
        assertThat(organisations.search(officer, OrganisationQuery.all(), PageRequest.first(200)).items())
                .allMatch(o -> o.province() == Province.BEIJING);
    }

    @Test
    void groupCompanySeesItsSubsidiariesButNotOtherGroups() {
        long group = OrganisationFixtures.organisation(repository, OrganisationType.BASIC_TELECOM_GROUP, null, null);
        long subsidiary = OrganisationFixtures.organisation(repository, OrganisationType.BASIC_TELECOM_PROVINCIAL,
                Province.HEBEI, group);
        long otherGroup = OrganisationFixtures.organisation(repository, OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Actor admin = OrganisationFixtures.actor(group, OrganisationType.BASIC_TELECOM_GROUP, null, Role.OPERATOR_ADMIN);

        assertThat(organisations.get(admin, subsidiary).parentId()).isEqualTo(group);
        assertThatThrownBy(() -> organisations.get(admin, otherGroup)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void registeringWithAnInvalidOrDuplicateCreditCodeSavesNothingAndNamesTheField() {
        long ministry = OrganisationFixtures.organisation(repository, OrganisationType.MINISTRY_BUREAU, null, null);
        Actor sysadmin = OrganisationFixtures.actor(ministry, OrganisationType.MINISTRY_BUREAU, null, Role.SYSTEM_ADMIN);
        String code = Codes.creditCode("310000");
        organisations.register(sysadmin, new OrganisationInput("INTERNET_ENTERPRISE", "上海某互联网公司", code, "310000",
                null, null, null, null));

        assertThatThrownBy(() -> organisations.register(sysadmin, new OrganisationInput("INTERNET_ENTERPRISE",
                "另一家", code, "310000", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::code).containsExactly("creditCode.duplicate"));
        assertThatThrownBy(() -> organisations.register(sysadmin, new OrganisationInput("VALUE_ADDED_TELECOM",
                "", "91110000X", "999999", "京X9-1", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "creditCode", "provinceCode", "licenceNumber"));
    }
}
