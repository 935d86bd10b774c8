package org.inspectorate.organisation;

import org.springframework.context.annotation.Import;
import org.inspectorate.support.TestClockConfiguration;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.inspectorate.notification.NotificationBadge;
import org.inspectorate.support.Codes;
import org.inspectorate.system.DemoMode;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.PageActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registration form alone (a web slice: the controller, {@link PageActions} and the templates, the directory's
 * service a mock, no database): how a refused registration is shown. What the service refuses, and who may register,
 * are the integration tests' business ({@code OrganisationWebTest}).
 */
@WebMvcTest(controllers = OrganisationPages.class,
        // The upload size filter belongs to the multipart uploads, which this form has none of.
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.inspectorate\\.system\\.MultipartSizeLimit"))
@AutoConfigureMockMvc(addFilters = false)
@Import({PageActions.class, DemoMode.class, TestClockConfiguration.class})
class OrganisationPagesSliceTest {

    private static final Actor ADMIN = new Actor(1, "sysadmin", 1, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.SYSTEM_ADMIN));

    /**
     * The layout's {@code sec:authorize} needs web security's expression handler, which the full application has;
     * the slice switches web security on for it, and leaves its filters out of MockMvc.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class LayoutSecurity {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Organisations organisations;

    /** The layout's unread count (the notification module's bean, outside this slice): no notifications. */
    @MockitoBean(name = "notificationBadge")
    NotificationBadge notificationBadge;

    /** The slice has no security filter chain: the signed-in administrator is put in the context directly. */
    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(OrganisationFixtures.authentication(ADMIN));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRefusedRegistrationShowsEachMessageBesideItsFieldKeepsTheInputAndAnswers400() throws Exception {
        given(organisations.register(any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("provinceCode", "province.unknown", "999999"),
                new FieldProblem("name", "organisation.name.invalid"))));
        given(organisations.groupCompanies(any())).willReturn(List.of());

        mvc.perform(post("/organisations").with(csrf())
                        .param("type", "INTERNET_ENTERPRISE").param("name", "").param("provinceCode", "999999")
                        .param("contactName", "张三"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"form-errors\"")))
                .andExpect(content().string(containsString("id=\"provinceCode-error\">未知的省份代码：999999")))
                .andExpect(content().string(containsString("id=\"name-error\">单位名称必填")))
                .andExpect(content().string(not(containsString("id=\"creditCode-error\""))))
                .andExpect(content().string(containsString("value=\"张三\"")));
    }

    @Test
    void aProblemWithNoFieldOfTheFormIsShownWithTheFormAsAWhole() throws Exception {
        given(organisations.register(any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("somethingElse", "organisation.name.invalid"))));
        given(organisations.groupCompanies(any())).willReturn(List.of());

        mvc.perform(post("/organisations").with(csrf())
                        .param("type", "INTERNET_ENTERPRISE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("单位名称必填")))
                .andExpect(content().string(not(containsString("somethingElse-error"))));
    }

    @Test
    void anAcceptedRegistrationRedirectsToTheNewOrganisation() throws Exception {
        Organisation registered = new Organisation(42, OrganisationType.INTERNET_ENTERPRISE, "某公司",
                new CreditCode(Codes.creditCode("330000")), Province.ZHEJIANG, null, null, null, null, Instant.EPOCH, 0);
        given(organisations.register(any(), any())).willReturn(registered);

        mvc.perform(post("/organisations").with(csrf())
                        .param("type", "INTERNET_ENTERPRISE").param("name", "某公司"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/organisations/42"))
                .andExpect(flash().attribute("registered", true));
    }
}
