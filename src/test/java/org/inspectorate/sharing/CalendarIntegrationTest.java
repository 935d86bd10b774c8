package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.DepartmentKind;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * The inspection calendar end to end on a real database, through the API and the pages: the administration named for
 * a telecom operator, the overlap warning and joining, the cyberspace administration's coordinating view, 404 outside
 * the calendar's jurisdiction, a plan in the past or of another province refused with nothing saved.
 */
@DatabaseTest
class CalendarIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    InspectionCalendar calendar;
    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;

    LocalDate today;
    Organisation operator;
    Actor police;
    Actor cac;
    Actor otherPolice;
    Actor officer;
    Actor shanghaiOfficer;
    Actor operatorAdmin;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(clock);
        operator = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        operatorAdmin = OrganisationFixtures.actor(operator, Role.OPERATOR_ADMIN);
        police = department(DepartmentKind.PUBLIC_SECURITY, Province.BEIJING);
        otherPolice = department(DepartmentKind.PUBLIC_SECURITY, Province.BEIJING);
        cac = department(DepartmentKind.CYBERSPACE_ADMINISTRATION, Province.BEIJING);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, null), Role.PROVINCIAL_OFFICER);
        shanghaiOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANGHAI, null), Role.PROVINCIAL_OFFICER);
    }

    private Actor department(DepartmentKind kind, Province province) {
        Organisation org = OrganisationFixtures.organisation(organisations, OrganisationType.OTHER_DEPARTMENT,
                province, null);
        organisations.recordDepartmentKind(OrganisationFixtures.REGISTRAR, org.id(), kind);
        return OrganisationFixtures.actor(org, Role.OTHER_DEPARTMENT_USER);
    }

    private ResultActions call(Actor actor, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))).with(csrf()));
    }

    private String body(Organisation of, LocalDate from, int days, boolean withAdministration) {
        return """
                {"operatorCreditCode":"%s","startsOn":"%s","endsOn":"%s","scope":"等级保护测评","members":"张三、李四",
                 "withAdministration":%s}""".formatted(of.creditCode().value(), from, from.plusDays(days),
                withAdministration);
    }

    private ResultActions plan(Actor actor, String body, String query) throws Exception {
        return call(actor, post("/api/v1/inspection-calendar" + query).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long planned(Actor actor, LocalDate from) throws Exception {
        String json = plan(actor, body(operator, from, 2, true), "").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    @Test
    void anotherDepartmentsInspectionOfAnInternetOperatorMustNameTheAdministrationAndNothingIsSavedWithout()
            throws Exception {
        plan(police, body(operator, today.plusDays(10), 2, false), "").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'withAdministration')]").exists());
        assertThat(calendar.list(police, org.inspectorate.system.PageRequest.first(20)).items()).isEmpty();
        long id = planned(police, today.plusDays(10));
        call(police, get("/api/v1/inspection-calendar/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("JOINT"))
                .andExpect(jsonPath("$.participants.length()").value(2));
    }

    @Test
    void aPlanWithinNinetyDaysOfAnotherIsHeldBackShowsTheOtherAndIsJoinedIntoOneJointInspection() throws Exception {
        long id = planned(police, today.plusDays(10));
        String later = body(operator, today.plusDays(60), 1, true);
        plan(cac, later, "").andExpect(status().isConflict());
        call(cac, post("/api/v1/inspection-calendar/overlaps").contentType(MediaType.APPLICATION_JSON).content(later))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
        call(cac, post("/api/v1/inspection-calendar/" + id + "/join").contentType(MediaType.APPLICATION_JSON)
                .content("{\"members\":\"王五\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.participants.length()").value(3));
        // joining again would make the joint inspection overlap itself
        call(cac, post("/api/v1/inspection-calendar/" + id + "/join").contentType(MediaType.APPLICATION_JSON)
                .content("{\"members\":\"王五\"}")).andExpect(status().isConflict());
        // far enough away (more than 90 days after), a separate plan is accepted
        plan(cac, body(operator, today.plusDays(200), 1, true), "").andExpect(status().isOk());
    }

    @Test
    void theCyberspaceAdministrationSeesEveryPlanOfItsProvinceOtherDepartmentsOnlyTheirOwnOutsideIs404()
            throws Exception {
        long id = planned(police, today.plusDays(10));
        call(cac, get("/api/v1/inspection-calendar/" + id)).andExpect(status().isOk());
        call(cac, get("/api/v1/inspection-calendar")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + id)));
        call(officer, get("/api/v1/inspection-calendar/" + id)).andExpect(status().isOk());
        call(otherPolice, get("/api/v1/inspection-calendar/" + id)).andExpect(status().isNotFound());
        call(shanghaiOfficer, get("/api/v1/inspection-calendar/" + id)).andExpect(status().isNotFound());
        call(operatorAdmin, get("/api/v1/inspection-calendar")).andExpect(status().isNotFound());
        call(otherPolice, post("/api/v1/inspection-calendar/" + id + "/cancel")).andExpect(status().isNotFound());
        call(police, post("/api/v1/inspection-calendar/" + id + "/cancel")).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CANCELLED"));
    }

    @Test
    void aCalendarEntryInThePastOrOfAnotherProvincesOperatorIsRefusedOnItsField() throws Exception {
        plan(police, body(operator, today.minusDays(1), 2, true), "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'startsOn')]").exists());
        Organisation shanghai = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHANGHAI, null);
        plan(police, body(shanghai, today.plusDays(5), 2, true), "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'operatorCreditCode')]").exists());
        assertThat(calendar.list(police, org.inspectorate.system.PageRequest.first(20)).items()).isEmpty();
    }

    @Test
    void thePlanFormWarnsOfTheOtherPlanAndOffersToJoinIt() throws Exception {
        long id = planned(police, today.plusDays(10));
        call(cac, get("/inspection-calendar/new")).andExpect(status().isOk());
        call(cac, post("/inspection-calendar").param("operatorCreditCode", operator.creditCode().value())
                .param("startsOn", today.plusDays(20).toString()).param("endsOn", today.plusDays(21).toString())
                .param("scope", "数据安全").param("members", "王五").param("withAdministration", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"calendar-overlap\"")))
                .andExpect(content().string(containsString("id=\"join-" + id + "\"")));
        call(cac, post("/inspection-calendar/" + id + "/join").param("members", "王五"))
                .andExpect(status().is3xxRedirection());
        call(cac, get("/inspection-calendar/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("王五")));
        call(cac, get("/inspection-calendar")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"calendar-table\"")));
    }
}
