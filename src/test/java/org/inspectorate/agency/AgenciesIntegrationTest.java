package org.inspectorate.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hamcrest.Matchers;
import org.inspectorate.organisation.AccountProvisioning;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@DatabaseTest
class AgenciesIntegrationTest {

    @Autowired
    Agencies agencies;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    Actor officer;
    LocalDate today;

    @BeforeEach
    void officer() {
        today = LocalDate.now(clock);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
    }

    private boolean inPool(long userId, LocalDate day) {
        return agencies.eligiblePool(day).stream().anyMatch(e -> e.userId() == userId);
    }

    @Test
    void onlyVettedInspectorsWithAValidPersonalAndAgencyCommitmentEnterThePool() {
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusDays(30));
        Inspector vetted = AgencyFixtures.inspector(accounts, agencies, officer, agency,
                List.of("PENETRATION_TESTING"), today.plusDays(60), today.plusDays(90));
        assertThat(inPool(vetted.userId(), today)).isTrue();
        assertThat(inPool(vetted.userId(), today.plusDays(31))).as("agency commitment expired").isFalse();

        UserAccount unvetted = accounts.provision(new AccountProvisioning(Codes.username("insp"), "未审查", agency.id(),
                "Juniper-Quay2031!Zz", Set.of(Role.INSPECTOR), false));
        agencies.registerInspector(officer, agency.id(), Long.toString(unvetted.id()), List.of("CODE_REVIEW"));
        agencies.uploadCommitment(officer, agency.id(), unvetted.id(), today.toString(), today.toString(),
                today.plusDays(90).toString(), "me.pdf", AgencyFixtures.PDF);
        assertThat(inPool(unvetted.id(), today)).isFalse();
        agencies.vet(officer, unvetted.id(), today.toString(), today.plusDays(10).toString(), null);
        assertThat(inPool(unvetted.id(), today)).isTrue();
        assertThat(inPool(unvetted.id(), today.plusDays(11))).as("vetting expired").isFalse();

        EligibleInspector e = agencies.eligiblePool(today).stream().filter(x -> x.userId() == vetted.userId())
                .findFirst().orElseThrow();
        assertThat(e.commitmentValidUntil()).isEqualTo(today.plusDays(30));
        assertThat(e.vettingValidUntil()).isEqualTo(today.plusDays(60));
    }

    @Test
    void anAgencyWithoutItsOwnCommitmentContributesNobody() {
        Organisation agency = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null,
                null);
        UserAccount account = accounts.provision(new AccountProvisioning(Codes.username("insp"), "检查员", agency.id(),
                "Juniper-Quay2031!Zz", Set.of(Role.INSPECTOR), false));
        agencies.registerInspector(officer, agency.id(), Long.toString(account.id()), List.of("TEAM_LEADER"));
        agencies.vet(officer, account.id(), today.toString(), today.plusYears(1).toString(), "通过");
        agencies.uploadCommitment(officer, agency.id(), account.id(), today.toString(), today.toString(),
                today.plusYears(1).toString(), "me.pdf", AgencyFixtures.PDF);
        assertThat(inPool(account.id(), today)).isFalse();
    }

    @Test
    void aCommitmentFileIsJudgedByItsBytesAndSizeAndEveryBadFieldIsNamed() {
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusDays(30));
        assertThatThrownBy(() -> agencies.uploadCommitment(officer, agency.id(), null, "2099-01-01", "bad",
                today.toString(), "fake.pdf", "<html>not a pdf</html>".getBytes()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("signedOn", "validFrom", "file"));
        byte[] big = new byte[Agencies.MAX_FILE_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> agencies.uploadCommitment(officer, agency.id(), null, today.toString(),
                today.toString(), today.plusDays(1).toString(), "big.jpg", big))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("agency.file.tooLarge"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        Commitment c = agencies.uploadCommitment(officer, agency.id(), null, today.toString(), today.toString(),
                today.plusDays(1).toString(), "../../etc/scan.png", png);
        assertThat(c.contentType()).isEqualTo("image/png");
        assertThat(c.sha256()).isEqualTo(Agencies.sha256(png));
        assertThat(c.fileName()).doesNotContain("/");
        assertThat(agencies.commitmentFile(officer, c.id()).content()).isEqualTo(png);
    }

    @Test
    void anAccountWithoutTheInspectorRoleOrOfAnotherAgencyCannotBeRegistered() {
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusDays(30));
        Organisation other = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null,
                null);
        UserAccount elsewhere = accounts.provision(new AccountProvisioning(Codes.username("insp"), "他人", other.id(),
                "Juniper-Quay2031!Zz", Set.of(Role.INSPECTOR), false));
        assertThatThrownBy(() -> agencies.registerInspector(officer, agency.id(), Long.toString(elsewhere.id()),
                List.of("NOT_A_SKILL")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::code)
                        .containsExactlyInAnyOrder("agency.inspector.notInAgency", "agency.skill.invalid"));
    }

    @Test
    void operatorsCannotReadAgencyRecords() throws Exception {
        Actor operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.VALUE_ADDED_TELECOM, Province.BEIJING, null), Role.OPERATOR_ADMIN);
        assertThatThrownBy(() -> agencies.list(operator, null, PageRequest.first(10)))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/api/v1/agencies").with(authentication(OrganisationFixtures.authentication(operator))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiListsAgenciesAndAnswersFieldErrorsForABadVetting() throws Exception {
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusDays(30));
        Inspector inspector = AgencyFixtures.inspector(accounts, agencies, officer, agency, List.of("CODE_REVIEW"),
                today.plusDays(30), today.plusDays(30));
        mvc.perform(get("/api/v1/agencies/" + agency.id()).with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inspectorCount").value(1));
        mvc.perform(post("/api/v1/inspectors/" + inspector.userId() + "/vettings")
                        .with(authentication(OrganisationFixtures.authentication(officer)))
                        .contentType("application/json").content("{\"vettedOn\":\"2026-13-01\",\"validUntil\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='vettedOn')].code").value("agency.date.invalid"))
                .andExpect(jsonPath("$.errors[?(@.field=='validUntil')].code").value("agency.field.required"));
        mvc.perform(get("/api/v1/inspectors/999999999").with(authentication(OrganisationFixtures.authentication(officer))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAgencyPagesShowInspectorsAndAVettingFormWithPerFieldErrors() throws Exception {
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, today.plusDays(30));
        Inspector inspector = AgencyFixtures.inspector(accounts, agencies, officer, agency, List.of("CODE_REVIEW"),
                today.plusDays(30), today.plusDays(30));
        var auth = authentication(OrganisationFixtures.authentication(officer));
        mvc.perform(get("/agencies").with(auth)).andExpect(status().isOk());
        mvc.perform(get("/agencies/" + agency.id()).with(auth)).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("/inspectors/" + inspector.userId())));
        mvc.perform(get("/inspectors/" + inspector.userId()).with(auth)).andExpect(status().isOk());
        mvc.perform(post("/inspectors/" + inspector.userId() + "/vettings").with(auth)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("vettedOn", "yesterday").param("validUntil", ""))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(
                                Matchers.containsString("id=\"vet.vettedOn-error\""),
                                Matchers.containsString("id=\"vet.validUntil-error\""))));
        assertThat(agencies.inspector(officer, inspector.userId()).vettings()).hasSize(1);
        MockMultipartFile file = new MockMultipartFile("file",
                "x.pdf", "application/pdf", "not really".getBytes());
        mvc.perform(MockMvcRequestBuilders
                        .multipart("/inspectors/" + inspector.userId() + "/commitments").file(file).with(auth)
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("signedOn", today.toString()).param("validFrom", today.toString())
                        .param("validUntil", today.plusDays(3).toString()))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.containsString("id=\"commitment.file-error\"")));
        Commitment c = agencies.inspector(officer, inspector.userId()).commitments().get(0);
        mvc.perform(get("/commitments/" + c.id() + "/file").with(auth)).andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.header()
                        .string("Content-Type", "application/pdf"));
    }
}
