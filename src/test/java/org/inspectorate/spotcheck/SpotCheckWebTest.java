package org.inspectorate.spotcheck;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The gate and the authorisation through the pages and the API: 404 outside, field messages in the user's language. */
@DatabaseTest
class SpotCheckWebTest extends SpotCheckFixture {

    @Test
    void theOperatorReadsItsCheckOnlyOnceScheduledThroughTheApiAndThePageAlike() throws Exception {
        SpotCheckView check = outsideDraw();
        mvc.perform(get("/api/v1/spot-checks/{id}", check.id()).with(as(operator))).andExpect(status().isNotFound());
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(operator))).andExpect(status().isNotFound());
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("schedule-form")));
        mvc.perform(post("/spot-checks/{id}/schedule", check.id()).with(as(officer)).with(csrf())
                .param("version", Integer.toString(check.version())).param("methods", "INTERVIEW")
                .param("startsOn", today.toString()).param("endsOn", today.plusDays(2).toString())
                .param("documents", "安全管理制度")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/spot-checks/{id}", check.id()).with(as(operator))).andExpect(status().isOk())
                .andExpect(content().string(containsString("安全管理制度")));
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(bystander))).andExpect(status().isNotFound());
    }

    @Test
    void aScheduleInThePastComesBackWithItsFieldMessageAndChangesNothing() throws Exception {
        SpotCheckView check = outsideDraw();
        mvc.perform(post("/spot-checks/{id}/schedule", check.id()).with(as(officer)).with(csrf())
                .param("version", Integer.toString(check.version())).param("startsOn", today.minusDays(2).toString())
                .param("endsOn", today.toString()).header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("scheduleErrors", org.hamcrest.Matchers.hasEntry(
                        org.hamcrest.Matchers.equalTo("methods"), containsString("至少选择一种"))));
        mvc.perform(get("/api/v1/spot-checks/{id}", check.id()).with(as(officer)))
                .andExpect(content().string(containsString("\"state\":\"PLANNED\"")));
    }

    @Test
    void aFindingOutsideTheAuthorisedScopeIsA400NamingTheHostAndTheWindow() throws Exception {
        SpotCheckView check = started(outsideDraw());
        LocalDateTime now = LocalDateTime.now(clock);
        TestingAuthorisation a = work.authorise(leader, check.id(), new AuthorisationInput("REMOTE_PENETRATION",
                "portal.example.cn", now.minusHours(1).toString(), now.plusHours(4).toString(), "组长", "运维"),
                "letter.pdf", AgencyFixtures.PDF);
        mvc.perform(post("/api/v1/spot-checks/{id}/authorisations/{a}/confirm", check.id(), a.id())
                .with(as(member)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/spot-checks/{id}/authorisations/{a}/confirm", check.id(), a.id())
                .with(as(operator)).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/spot-checks/{id}/findings", check.id()).with(as(member)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"method":"REMOTE_PENETRATION","host":"db.other.cn","networkUnitId":%d,"title":"SQL 注入",
                         "category":"VULNERABILITY","severity":"HIGH"}""".formatted(unit.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(containsString("spotcheck.authorisation.outOfScope")))
                .andExpect(content().string(containsString("db.other.cn")))
                .andExpect(content().string(containsString("portal.example.cn")));
        mvc.perform(get("/api/v1/spot-checks/{id}/authorisations/{a}/letter", check.id(), a.id()).with(as(operator)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(member))).andExpect(status().isOk())
                .andExpect(content().string(containsString("finding-form")))
                .andExpect(content().string(containsString("portal.example.cn")));
    }

    @Test
    void aLapsedMembersPageIs404AndTheAuthoritysPageNamesTheLapse() throws Exception {
        SpotCheckView check = started(outsideDraw());
        jdbc.sql("UPDATE inspector_vetting SET valid_until = :d WHERE user_id = :u")
                .param("d", today.minusDays(1)).param("u", member.userId()).update();
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(member))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/spot-checks/{id}/findings", check.id()).with(as(member)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"lapses\"")))
                .andExpect(content().string(containsString("审查已失效")));
    }

    @Test
    void anotherOperatorCannotAcknowledgeANoticeAndTheMajorProblemsAreTheRegulatorsOnly() throws Exception {
        SpotCheckView check = started(outsideDraw());
        CheckFinding f = work.record(leader, check.id(), new SpotFindingInput("INTERVIEW", null, unit.id(), "未设安全负责人",
                "", "MANAGEMENT_GAP", "MEDIUM", "", "", true, "核心系统无人负责"));
        work.tell(leader, check.id(), f.findingId(), "INTERVIEW");
        Actor other = actor(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        mvc.perform(post("/spot-checks/{id}/findings/{f}/acknowledge", check.id(), f.findingId()).with(as(other))
                .with(csrf()).param("name", "李四")).andExpect(status().isNotFound());
        mvc.perform(post("/spot-checks/{id}/findings/{f}/acknowledge", check.id(), f.findingId()).with(as(operator))
                .with(csrf()).param("name", "王五")).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "spotcheck.done.acknowledged"));
        mvc.perform(get("/spot-checks/major-problems").with(as(operator))).andExpect(status().isNotFound());
        mvc.perform(get("/spot-checks/major-problems").with(as(ministry))).andExpect(status().isOk())
                .andExpect(content().string(containsString("核心系统无人负责")));
        mvc.perform(get("/api/v1/spot-checks/discipline-breaches").with(as(leader))).andExpect(status().isNotFound());
        mvc.perform(get("/spot-checks/{id}", check.id()).with(as(officer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("assess-" + f.findingId())));
        mvc.perform(get("/spot-checks").with(as(officer)).param("outsideDraw", "true")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/spot-checks/" + check.id())));
        mvc.perform(get("/spot-checks/new").with(as(officer))).andExpect(status().isOk());
    }
}
