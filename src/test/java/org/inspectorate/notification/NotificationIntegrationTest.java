package org.inspectorate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingDue;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@DatabaseTest
class NotificationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Deliveries deliveries;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private Actor account(Organisation organisation, Role role) {
        UserAccount a = UserFixtures.account(accounts, organisation, role);
        return UserFixtures.actor(a, organisation);
    }

    private Organisation operator() {
        return OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.SHANDONG,
                null);
    }

    private Actor shandongOfficer() {
        return account(OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.SHANDONG, null), Role.PROVINCIAL_OFFICER);
    }

    private NetworkUnit submitted(Actor operator, String name) {
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput(name, "2",
                List.of(NetworkUnitFixtures.domain(name.hashCode() + "x.example.cn"))));
        return units.submit(operator, draft.id(), draft.version());
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private long count(Actor recipient, NotificationKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND kind = :k")
                .param("r", recipient.userId()).param("k", kind.name()).query(Long.class).single();
    }

    private long audited(String action, Actor actor) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s")
                .param("a", action).param("s", "user:" + actor.userId()).query(Long.class).single();
    }

    @Test
    void theOperatorsTeamIsToldWhenItsFilingIsReturnedAndAcceptedInTheReadersLanguageAndNobodyElseIs()
            throws Exception {
        Organisation org = operator();
        Actor admin = account(org, Role.OPERATOR_ADMIN);
        Actor staff = account(org, Role.OPERATOR_STAFF);
        Actor stranger = account(operator(), Role.OPERATOR_ADMIN);
        Actor officer = shandongOfficer();
        NetworkUnit unit = submitted(admin, "通知门户");

        NetworkUnit returned = units.returnForCorrection(officer, unit.id(), unit.version(), "缺少网络拓扑图");

        // The listener runs after the commit on the task executor: the whole team is told in one transaction.
        await().atMost(WAIT).until(() -> count(admin, NotificationKind.FILING_RETURNED) == 1);
        assertThat(count(staff, NotificationKind.FILING_RETURNED)).isOne();
        assertThat(count(stranger, NotificationKind.FILING_RETURNED)).isZero();
        assertThat(count(officer, NotificationKind.FILING_RETURNED)).isZero();

        String zh = call(staff, get("/api/v1/notifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("FILING_RETURNED"))
                .andExpect(jsonPath("$.items[0].title").value("备案被退回补正：通知门户"))
                .andExpect(jsonPath("$.items[0].body").value(containsString("缺少网络拓扑图")))
                .andExpect(jsonPath("$.items[0].link").value("/network-units/" + unit.id()))
                .andExpect(jsonPath("$.items[0].unread").value(true))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(zh, "$.items[0].id")).longValue();
        call(staff, get("/api/v1/notifications/" + id).param("lang", "en"))
                .andExpect(jsonPath("$.title").value("Filing returned for correction: 通知门户"));

        // Another's notification does not exist for the caller.
        call(stranger, get("/api/v1/notifications/" + id)).andExpect(status().isNotFound());
        call(stranger, post("/api/v1/notifications/" + id + "/read")).andExpect(status().isNotFound());
        call(admin, get("/api/v1/notifications/" + id)).andExpect(status().isNotFound());

        // The unread count in the navigation, then opening the notification leads to the unit and clears it.
        call(staff, get("/notifications")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-notifications-unread\"")))
                .andExpect(content().string(containsString("备案被退回补正：通知门户")));
        call(staff, post("/notifications/" + id + "/read").with(csrf()))
                .andExpect(redirectedUrl("/network-units/" + unit.id()));
        call(staff, get("/api/v1/notifications/unread-count")).andExpect(jsonPath("$.unread").value(0));
        call(staff, get("/notifications"))
                .andExpect(content().string(not(containsString("id=\"nav-notifications-unread\""))));
        call(admin, get("/api/v1/notifications/unread-count")).andExpect(jsonPath("$.unread").value(1));

        // Accepted after correction: a second notification, naming the filing number.
        NetworkUnit resubmitted = units.submit(admin, unit.id(), units.update(admin, unit.id(), returned.version(),
                NetworkUnitFixtures.unitInput("通知门户", "2", List.of(NetworkUnitFixtures.domain(
                        "resubmitted.example.cn")))).version());
        NetworkUnit accepted = units.accept(officer, unit.id(), resubmitted.version());
        await().atMost(WAIT).until(() -> count(admin, NotificationKind.FILING_ACCEPTED) == 1);
        call(admin, get("/api/v1/notifications"))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].kind").value("FILING_ACCEPTED"))
                .andExpect(jsonPath("$.items[0].body").value(containsString(accepted.filingNumber())));
        call(admin, post("/api/v1/notifications/read-all")).andExpect(jsonPath("$.marked").value(2));
        call(admin, get("/api/v1/notifications/unread-count")).andExpect(jsonPath("$.unread").value(0));
    }

    private static Notice due(Actor me, int i) {
        return FindingDeadlines.deadline(new FindingDue(i, me.organisationId(), "整改项" + i,
                LocalDate.of(2026, 6, 20))).notice(ReminderPolicy.Stage.SOON);
    }

    @Test
    void theInboxPagesByKeysetNewestFirstAndARedeliveredNoticeAddsNothing() throws Exception {
        Actor me = account(operator(), Role.OPERATOR_STAFF);
        for (int i = 1; i <= 25; i++) {
            assertThat(deliveries.deliver(due(me, i), List.of(me.userId()))).isOne();
        }
        assertThat(deliveries.deliver(due(me, 25), List.of(me.userId()))).isZero();

        String first = call(me, get("/api/v1/notifications?size=20")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.total").value(25))
                .andExpect(jsonPath("$.items[0].link").value("/findings/25"))
                .andReturn().getResponse().getContentAsString();
        String next = JsonPath.read(first, "$.next");
        call(me, get("/api/v1/notifications?size=20&after=" + next))
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].link").value("/findings/5"))
                .andExpect(jsonPath("$.items[4].link").value("/findings/1"))
                .andExpect(jsonPath("$.next").doesNotExist());
        call(me, get("/notifications?after=" + next)).andExpect(status().isOk())
                .andExpect(content().string(containsString("“整改项5”")))
                .andExpect(content().string(not(containsString("“整改项6”"))))
                .andExpect(content().string(not(containsString("id=\"notifications-older\""))));
        call(me, get("/notifications")).andExpect(content().string(containsString("id=\"notifications-older\"")));
        call(me, get("/api/v1/notifications?after=not-a-cursor")).andExpect(status().isBadRequest());

        call(me, post("/notifications/read-all").with(csrf())).andExpect(redirectedUrl("/notifications"));
        call(me, get("/api/v1/notifications/unread-count")).andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void anAddressThatDoesNotParseIsRefusedWithAClearMessageAndNothingIsSavedWhileAGoodOneIsSavedAndAudited()
            throws Exception {
        Actor me = account(operator(), Role.OPERATOR_ADMIN);
        call(me, put("/api/v1/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                        .param("lang", "en")
                        .content("{\"email\":\"zhang at example\",\"language\":\"en\",\"digest\":true,\"version\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("is not a valid e-mail address")));
        call(me, post("/notifications/preferences").with(csrf()).param("email", "张三@").param("language", "zh-CN")
                        .param("inApp", "FILING_RETURNED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("不是有效的电子邮箱地址")));
        call(me, get("/api/v1/notifications/preferences"))
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.version").value(0));
        assertThat(audited("notification.preferences.changed", me)).isZero();

        call(me, post("/notifications/preferences").with(csrf()).param("email", "zhang.san@example.cn")
                        .param("language", "en").param("digest", "true").param("version", "0")
                        .param("inApp", "FILING_RETURNED").param("byMail", "FILING_RETURNED", "FINDING_DUE"))
                .andExpect(redirectedUrl("/notifications/preferences"));
        call(me, get("/api/v1/notifications/preferences"))
                .andExpect(jsonPath("$.email").value("zhang.san@example.cn"))
                .andExpect(jsonPath("$.digest").value(true))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.kinds[?(@.kind == 'FILING_RETURNED')].inApp").value(true))
                .andExpect(jsonPath("$.kinds[?(@.kind == 'FILING_ACCEPTED')].inApp").value(false))
                .andExpect(jsonPath("$.kinds[?(@.kind == 'FINDING_DUE')].byMail").value(true));
        call(me, get("/notifications/preferences")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"zhang.san@example.cn\"")));
        assertThat(audited("notification.preferences.changed", me)).isOne();

        // A save on the version read before this one lost the race.
        call(me, put("/api/v1/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"\",\"language\":\"zh-CN\",\"digest\":false,\"version\":0}"))
                .andExpect(status().isConflict());
    }
}
