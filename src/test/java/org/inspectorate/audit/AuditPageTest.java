package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
class AuditPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    private static Actor actor(Role role, OrganisationType type) {
        return new Actor(-1, Codes.username("t"), 1, type, Province.BEIJING, Set.of(role));
    }

    private static Actor auditAdmin() {
        return actor(Role.AUDIT_ADMIN, OrganisationType.MINISTRY_BUREAU);
    }

    private long entries(String actor, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE actor = :actor AND action = :action")
                .param("actor", actor).param("action", action).query(Long.class).single();
    }

    @Test
    void everyoneButTheAuditAdministratorIsRefusedTheTrail() throws Exception {
        for (Role role : new Role[] {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.MINISTRY_OFFICER, Role.OPERATOR_ADMIN}) {
            Actor other = actor(role, OrganisationType.MINISTRY_BUREAU);
            mvc.perform(get("/audit").with(authentication(OrganisationFixtures.authentication(other))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(csrf()).with(authentication(OrganisationFixtures.authentication(other))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/audit/export.csv").with(authentication(OrganisationFixtures.authentication(other))))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/actuator/auditchain").with(authentication(OrganisationFixtures.authentication(other))))
                    .andExpect(status().isForbidden());
            assertThat(entries(other.username(), "audit.viewed")).isZero();
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theAuditAdministratorSeesMatchingEntriesAndTheViewIsAudited() throws Exception {
        Actor admin = auditAdmin();
        String subject = Codes.username("page");
        events.publishEvent(new AuditTestEvents.AccountHappened(subject + ":1", "first <b>detail</b>"));
        events.publishEvent(new AuditTestEvents.Happened("other:" + subject));

        mvc.perform(get("/audit").param("subject", subject).param("action", "user.test")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(subject + ":1")))
                .andExpect(content().string(containsString("first &lt;b&gt;detail&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("other:" + subject))))
                .andExpect(content().string(containsString("id=\"verify-chain\"")));
        assertThat(entries(admin.username(), "audit.viewed")).isEqualTo(1);
    }

    @Test
    void filtersByOutcomeActorAndDateRangeInChinaTime() throws Exception {
        Actor admin = auditAdmin();
        String subject = Codes.username("outcome");
        events.publishEvent(new AuditTestEvents.Happened(subject));
        String today = LocalDate.now(clock.withZone(AuditConsole.ZONE)).toString();

        mvc.perform(get("/audit").param("subject", subject).param("outcome", "FAILURE")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-empty\"")));
        mvc.perform(get("/audit").param("subject", subject).param("actor", "audit-test").param("from", today)
                        .param("to", today).with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(subject)));
        mvc.perform(get("/audit").param("subject", subject).param("from", "2001-01-01").param("to", "2001-01-31")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-empty\"")));
    }

    @Test
    void anHtmxRequestGetsOnlyTheTableFragment() throws Exception {
        String subject = Codes.username("htmx");
        events.publishEvent(new AuditTestEvents.Happened(subject));
        mvc.perform(get("/audit").param("subject", subject).header("HX-Request", "true")
                        .with(authentication(OrganisationFixtures.authentication(auditAdmin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-results\"")))
                .andExpect(content().string(containsString(subject)))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/audit").param("subject", subject).header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true")
                        .with(authentication(OrganisationFixtures.authentication(auditAdmin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void aBadFilterIsNamedBesideItsFieldInTheUsersLanguage() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-13-45").param("to", "2020-01-01").param("outcome", "MAYBE")
                        .param("lang", "en").with(authentication(OrganisationFixtures.authentication(auditAdmin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a valid date (year-month-day).")))
                .andExpect(content().string(containsString("Choose an outcome from the list.")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(get("/audit").param("from", "2026-02-01").param("to", "2026-01-01")
                        .with(authentication(OrganisationFixtures.authentication(auditAdmin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("截止日期不能早于起始日期。")));
    }

    @Test
    void verifyingTheChainShowsTheResultAndIsAudited() throws Exception {
        Actor admin = auditAdmin();
        mvc.perform(post("/audit/verify").with(csrf()).header("HX-Request", "true")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链完整")))
                .andExpect(content().string(containsString("id=\"verification-anchor\"")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(entries(admin.username(), "audit.verified")).isEqualTo(1);
        mvc.perform(post("/audit/verify").with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBrokenChainIsShownWithItsFirstBrokenEntryAndTheReasonInTheUsersLanguage() throws Exception {
        Actor admin = auditAdmin();
        String subject = Codes.username("broken");
        events.publishEvent(new AuditTestEvents.Happened(subject, "original"));
        long seq = jdbc.sql("SELECT seq FROM audit_entry WHERE subject = :s").param("s", subject).query(Long.class)
                .single();
        jdbc.sql("UPDATE audit_entry SET detail = 'forged' WHERE seq = :seq").param("seq", seq).update();
        try {
            mvc.perform(post("/audit/verify").with(csrf()).param("lang", "en")
                            .with(authentication(OrganisationFixtures.authentication(admin))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("The audit chain is broken: the first bad entry is No. "
                            + seq + " ")))
                    .andExpect(content().string(containsString("The entry&#39;s content no longer matches its hash")))
                    .andExpect(content().string(not(containsString("id=\"verification-anchor\""))));
            assertThat(jdbc.sql("SELECT outcome FROM audit_entry WHERE actor = :a AND action = 'audit.verified'")
                    .param("a", admin.username()).query(String.class).single()).isEqualTo("FAILURE");
        } finally {
            // The database is shared: leave the chain intact for every other test.
            jdbc.sql("UPDATE audit_entry SET detail = 'original' WHERE seq = :seq").param("seq", seq).update();
        }
    }

    @Test
    void exportingTheFilteredTrailWritesCsvAndIsAudited() throws Exception {
        Actor admin = auditAdmin();
        String subject = Codes.username("export");
        events.publishEvent(new AuditTestEvents.AccountHappened(subject, "=cmd|' /C calc'!A0"));
        String csv = mvc.perform(get("/audit/export.csv").param("subject", subject).param("lang", "en")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFNo.,Time,Actor,Action,Subject,Outcome,Detail,Address,Hash\r\n");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains(subject).contains(",'=cmd|' /C calc'!A0,").doesNotContain(",=cmd");
        assertThat(entries(admin.username(), "audit.exported")).isEqualTo(1);
        mvc.perform(get("/audit/export.csv").param("from", "nonsense")
                        .with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theActuatorEndpointReportsTheChainToTheAuditAdministrator() throws Exception {
        Actor admin = auditAdmin();
        mvc.perform(get("/actuator/auditchain").with(authentication(OrganisationFixtures.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.entriesChecked").isNumber())
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist())
                .andExpect(jsonPath("$.reason").doesNotExist());
        assertThat(entries(admin.username(), "audit.verified")).isEqualTo(1);
    }
}
