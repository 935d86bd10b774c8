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

    private Organisation register(OrganisationType type, Province province, Long parent) {
        return OrganisationFixtures.organisation(organisations, type, province, parent);
    }

    @Test
    void provincialOfficerCannotSeeAnotherProvincesOrganisation() {
        Organisation beijingAdmin = register(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, null);
        Organisation shanghaiOperator = register(OrganisationType.INTERNET_ENTERPRISE, Province.SHANGHAI, null);
        Organisation beijingOperator = register(OrganisationType.INTERNET_ENTERPRISE, Province.BEIJING, null);
        Actor officer = OrganisationFixtures.actor(beijingAdmin, Role.PROVINCIAL_OFFICER);

        assertThat(organisations.get(officer, beijingOperator.id()).id()).isEqualTo(beijingOperator.id());
        assertThatThrownBy(() -> organisations.get(officer, shanghaiOperator.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(organisations.search(officer, OrganisationQuery.all(), PageRequest.first(200)).items())
                .isNotEmpty()
                .allMatch(o -> o.province() == Province.BEIJING);
    }

    @Test
    void groupCompanySeesItsSubsidiariesButNotOtherGroups() {
        Organisation group = register(OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Organisation subsidiary = register(OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.HEBEI, group.id());
        Organisation otherGroup = register(OrganisationType.BASIC_TELECOM_GROUP, null, null);
        Actor admin = OrganisationFixtures.actor(group, Role.OPERATOR_ADMIN);

        assertThat(organisations.get(admin, subsidiary.id()).parentId()).isEqualTo(group.id());
        assertThatThrownBy(() -> organisations.get(admin, otherGroup.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void registeringWithAnInvalidOrDuplicateCreditCodeSavesNothingAndNamesTheField() {
        String code = Codes.creditCode("310000");
        organisations.register(OrganisationFixtures.REGISTRAR, new OrganisationInput("INTERNET_ENTERPRISE",
                "上海某互联网公司", code, "310000", null, null, null, null));

        assertThatThrownBy(() -> organisations.register(OrganisationFixtures.REGISTRAR,
                new OrganisationInput("INTERNET_ENTERPRISE", "另一家", code, "310000", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::code).containsExactly("creditCode.duplicate"));
        assertThatThrownBy(() -> organisations.register(OrganisationFixtures.REGISTRAR,
                new OrganisationInput("VALUE_ADDED_TELECOM", "", "91110000X", "999999", "京X9-1", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("name", "creditCode", "provinceCode", "licenceNumber"));
    }
}
