package org.inspectorate.agency;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.hamcrest.Matchers;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Agencies are a national resource: a draw of any province takes its teams from the one national pool of vetted
 * inspectors, so every regulator's officer sees every agency (registered in any province or none); nobody else
 * reads or changes agency records, on any endpoint.
 */
@DatabaseTest
class AgencyJurisdictionIntegrationTest {

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

    Actor ministry;
    Organisation agency;
    Inspector inspector;
    long commitmentId;

    @BeforeEach
    void agency() {
        ministry = actor(OrganisationType.MINISTRY_BUREAU, null, Role.MINISTRY_OFFICER);
        agency = AgencyFixtures.agency(organisations, agencies, ministry, LocalDate.now(clock).plusYears(1));
        inspector = AgencyFixtures.inspector(accounts, agencies, ministry, agency, List.of("CODE_REVIEW"),
                LocalDate.now(clock).plusYears(1), LocalDate.now(clock).plusYears(1));
        commitmentId = agencies.agencyCommitments(ministry, agency.id()).get(0).id();
    }

    private Actor actor(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    private static RequestPostProcessor as(Actor actor) {
        return authentication(OrganisationFixtures.authentication(actor));
    }

    private List<MockHttpServletRequestBuilder> reads() {
        long a = agency.id();
        long i = inspector.userId();
        return List.of(get("/agencies"), get("/agencies/" + a), get("/inspectors/" + i), get("/api/v1/agencies"),
                get("/api/v1/agencies/" + a), get("/api/v1/agencies/" + a + "/inspectors"),
                get("/api/v1/inspectors/" + i), get("/api/v1/inspectors/eligible").param("on", LocalDate.now(clock).toString()),
                get("/commitments/" + commitmentId + "/file"));
    }

    private List<AbstractMockHttpServletRequestBuilder<?>> changes() {
        long a = agency.id();
        long i = inspector.userId();
        MockMultipartFile file = new MockMultipartFile("file", "c.pdf", "application/pdf", AgencyFixtures.PDF);
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(post("/api/v1/agencies/" + a + "/inspectors").contentType("application/json").content("{}"),
                post("/api/v1/agencies/" + a + "/relations").contentType("application/json").content("{}"),
                post("/api/v1/inspectors/" + i + "/vettings").contentType("application/json").content("{}"),
                post("/agencies/" + a + "/inspectors").with(csrf()),
                multipart("/agencies/" + a + "/commitments").file(file).with(csrf()),
                post("/agencies/" + a + "/relations").with(csrf()),
                post("/inspectors/" + i + "/vettings").with(csrf()),
                multipart("/inspectors/" + i + "/commitments").file(file).with(csrf()),
                post("/inspectors/" + i + "/employment").with(csrf()),
                post("/inspectors/" + i + "/conflicts").with(csrf()));
    }

    @Test
    void everyProvincesOfficerReadsEveryAgencyWhateverItsProvince() throws Exception {
        Organisation guangdong = OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY,
                Province.GUANGDONG, null);
        for (Actor officer : List.of(ministry, actor(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.XINJIANG,
                Role.PROVINCIAL_OFFICER))) {
            for (MockHttpServletRequestBuilder read : reads()) {
                mvc.perform(read.with(as(officer))).andExpect(status().isOk());
            }
            mvc.perform(get("/api/v1/agencies/" + guangdong.id()).with(as(officer))).andExpect(status().isOk());
            mvc.perform(get("/api/v1/agencies").param("q", guangdong.name().substring(guangdong.name().lastIndexOf('_') + 1)).with(as(officer)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        }
    }

    @Test
    void operatorsInspectorsAndOtherDepartmentsNeitherReadNorChangeAgencyRecords() throws Exception {
        Actor self = new Actor(inspector.userId(), "insp", agency.id(), OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
        for (Actor outsider : List.of(actor(OrganisationType.VALUE_ADDED_TELECOM, Province.BEIJING, Role.OPERATOR_ADMIN),
                actor(OrganisationType.OTHER_DEPARTMENT, Province.BEIJING, Role.OTHER_DEPARTMENT_USER), self)) {
            for (MockHttpServletRequestBuilder request : reads()) {
                mvc.perform(request.with(as(outsider))).andExpect(status().isForbidden());
            }
            for (AbstractMockHttpServletRequestBuilder<?> request : changes()) {
                mvc.perform(request.with(as(outsider))).andExpect(status().isForbidden());
            }
        }
    }

    @Test
    void theAgencyListPagesWithTheSharedPagerKeepingItsSort() throws Exception {
        for (int i = 0; i < 21; i++) {
            OrganisationFixtures.organisation(organisations, OrganisationType.TESTING_AGENCY, null, null);
        }
        mvc.perform(get("/agencies?sort=name&dir=desc").with(as(ministry)))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content()
                        .string(Matchers.allOf(Matchers.containsString("id=\"page-next\""),
                                Matchers.containsString("/agencies?sort=name&amp;dir=desc&amp;page=1"))));
    }

    @Test
    void anAgencyIdThatIsNoAgencyAnswersNotFound() throws Exception {
        Organisation operator = OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM,
                Province.BEIJING, null);
        mvc.perform(get("/api/v1/agencies/" + operator.id()).with(as(ministry))).andExpect(status().isNotFound());
        mvc.perform(get("/agencies/" + operator.id()).with(as(ministry))).andExpect(status().isNotFound());
    }
}
